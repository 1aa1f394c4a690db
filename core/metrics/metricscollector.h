#pragma once

#include "metrics/ringbuffer.h"
#include "metrics/traffictotals.h"
#include "net/clock.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <array>
#include <functional>
#include <memory>

namespace infralab::metrics {

// One recorder's cumulative totals at a sampling moment, as a source hands them over.
struct NodeSample
{
    QString nodeId;
    TrafficTotals totals;
    int activeConnections = 0;
};

// One point of a node's history: what happened during the interval ending at `timeMs`.
struct SeriesPoint
{
    qint64 timeMs = 0;    // the collector's clock
    quint64 requests = 0; // during the interval
    quint64 errors = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    double qps = 0;            // requests / interval
    int activeConnections = 0; // at the end
    double p50Ms = 0;          // latency of the interval's responses; 1 s points only
    double p90Ms = 0;
    double p99Ms = 0;
    quint64 cumulativeRequests = 0;
};

// The Prometheus histogram of a node: cumulative counts at fixed upper bounds (seconds).
inline constexpr std::array<double, 16> latencyBucketBoundsS{
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
    0.05,   0.1,     0.25,   0.5,   1,      2.5,   5,    10};

// What the collector publishes per node at each tick: totals since the node's first start,
// the current rate over the last second, and latency both recent and overall.
struct NodeMetrics
{
    QString nodeId;
    quint64 requests = 0;
    std::array<quint64, 6> responses{};
    std::array<quint64, errorKindCount> errors{};
    quint64 errorCount = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    int activeConnections = 0;
    double qps = 0;                         // over the last ~1 s
    double p50Ms = 0, p90Ms = 0, p99Ms = 0; // responses of the last full second
    double p95Ms = 0;                       // the same second (the dashboard's third line)
    double totalP50Ms = 0, totalP90Ms = 0, totalP99Ms = 0, totalMaxMs = 0, totalMeanMs = 0;
    double totalMinMs = 0; // the statistics table's Min column
    quint64 latencyCount = 0;
    double latencySumS = 0;
    std::array<quint64, latencyBucketBoundsS.size()> latencyBuckets{}; // cumulative (le)
};

// Everything one tick measured, for every node at once (the UI never hears one signal per
// request or per node).
struct MetricsSnapshot
{
    quint64 tick = 0;
    qint64 timeMs = 0;
    QList<NodeMetrics> nodes;
    const NodeMetrics *find(const QString &nodeId) const;
};

// Samples every recorder of a lab every 250 ms (DESIGN.md "Threading"): totals from the
// source, a history per node in two ring buffers (the last minute at 250 ms, ten minutes at
// 1 s), the current QPS over a 1 s window, and one batched snapshot signal per tick. The clock
// is injected, so tests drive ticks by hand with sampleNow(). Lives in the runtime thread.
class MetricsCollector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsCollector)

public:
    using Source = std::function<QList<NodeSample>()>;
    using Clock = net::Clock; // milliseconds, monotonic; empty = net::steadyNowMs

    static constexpr int tickMs = 250;
    static constexpr int fineCapacity = 240;   // 1 min at 250 ms
    static constexpr int coarseCapacity = 600; // 10 min at 1 s

    explicit MetricsCollector(Source source, Clock clock = {}, QObject *parent = nullptr);
    ~MetricsCollector() override;

    void start(); // samples now, then every tickMs
    void stop();
    void sampleNow();

    std::shared_ptr<const MetricsSnapshot> latest() const { return m_latest; }
    // A node's history, oldest first: fine = 250 ms points, else 1 s points.
    QList<SeriesPoint> series(const QString &nodeId, bool fine = false) const;

signals:
    void snapshotReady(std::shared_ptr<const infralab::metrics::MetricsSnapshot> snapshot);

private:
    struct History;
    NodeMetrics measure(const NodeSample &sample, History &history, qint64 now);

    Source m_source;
    Clock m_clock;
    QTimer m_timer;
    QHash<QString, std::shared_ptr<History>> m_history;
    std::shared_ptr<const MetricsSnapshot> m_latest = std::make_shared<MetricsSnapshot>();
    quint64 m_tick = 0;
};

} // namespace infralab::metrics
