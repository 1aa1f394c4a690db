#include "metrics/metricscollector.h"

#include "net/clock.h"
#include "net/connectionshard.h"

namespace infralab::metrics {

namespace {

double ms(qint64 us)
{
    return double(us) / 1000.0;
}

// Counter deltas between two totals of one recorder (counters only grow).
SeriesPoint delta(const TrafficTotals &now, const TrafficTotals &before, qint64 timeMs,
                  qint64 intervalMs, int active)
{
    SeriesPoint point;
    point.timeMs = timeMs;
    point.requests = now.requests - std::min(now.requests, before.requests);
    point.errors = now.errorCount() - std::min(now.errorCount(), before.errorCount());
    point.bytesIn = now.bytesIn - std::min(now.bytesIn, before.bytesIn);
    point.bytesOut = now.bytesOut - std::min(now.bytesOut, before.bytesOut);
    point.qps = intervalMs > 0 ? double(point.requests) * 1000.0 / double(intervalMs) : 0.0;
    point.activeConnections = active;
    point.cumulativeRequests = now.requests;
    return point;
}

} // namespace

struct MetricsCollector::History
{
    RingBuffer<SeriesPoint> fine{MetricsCollector::fineCapacity};
    RingBuffer<SeriesPoint> coarse{MetricsCollector::coarseCapacity};
    TrafficTotals lastTick; // counters only (the latency is kept in secondStart)
    qint64 lastTickMs = 0;
    TrafficTotals secondStart; // with latency: the window histogram is now − this
    qint64 secondStartMs = 0;
    qint64 firstMs = 0;
    double p50Ms = 0, p90Ms = 0, p95Ms = 0, p99Ms = 0; // of the last full second
};

const NodeMetrics *MetricsSnapshot::find(const QString &nodeId) const
{
    for (const NodeMetrics &node : nodes) {
        if (node.nodeId == nodeId)
            return &node;
    }
    return nullptr;
}

MetricsCollector::MetricsCollector(Source source, Clock clock, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_clock(net::orSteady(std::move(clock)))
{
    m_timer.setInterval(tickMs);
    connect(&m_timer, &QTimer::timeout, this, &MetricsCollector::sampleNow);
}

MetricsCollector::~MetricsCollector() = default;

void MetricsCollector::start()
{
    sampleNow();
    m_timer.start();
}

void MetricsCollector::stop()
{
    m_timer.stop();
}

void MetricsCollector::sampleNow()
{
    const qint64 now = m_clock();
    auto snapshot = std::make_shared<MetricsSnapshot>();
    snapshot->tick = ++m_tick;
    snapshot->timeMs = now;
    QHash<QString, std::shared_ptr<History>> seen;
    for (const NodeSample &sample : m_source()) {
        std::shared_ptr<History> history = m_history.value(sample.nodeId);
        if (!history) {
            history = std::make_shared<History>();
            history->firstMs = history->lastTickMs = history->secondStartMs = now;
            // Intervals start at the first sample: what came before is in the totals only.
            history->lastTick = history->secondStart = sample.totals;
        }
        snapshot->nodes.append(measure(sample, *history, now));
        seen.insert(sample.nodeId, std::move(history));
    }
    m_history = std::move(seen); // nodes the source no longer lists are forgotten
    m_latest = snapshot;
    emit snapshotReady(m_latest);
}

NodeMetrics MetricsCollector::measure(const NodeSample &sample, History &history, qint64 now)
{
    const TrafficTotals &totals = sample.totals;
    if (now > history.lastTickMs || history.fine.isEmpty()) {
        history.fine.push(delta(totals, history.lastTick, now, now - history.lastTickMs,
                                sample.activeConnections));
    }
    history.lastTick.requests = totals.requests;
    history.lastTick.errors = totals.errors;
    history.lastTick.bytesIn = totals.bytesIn;
    history.lastTick.bytesOut = totals.bytesOut;
    history.lastTickMs = now;

    if (now - history.secondStartMs >= 1000) {
        SeriesPoint point = delta(totals, history.secondStart, now, now - history.secondStartMs,
                                  sample.activeConnections);
        LatencyHistogram window = totals.latency;
        window.subtract(history.secondStart.latency);
        history.p50Ms = point.p50Ms = ms(window.valueAtPercentile(50));
        history.p90Ms = point.p90Ms = ms(window.valueAtPercentile(90));
        history.p95Ms = ms(window.valueAtPercentile(95));
        history.p99Ms = point.p99Ms = ms(window.valueAtPercentile(99));
        history.coarse.push(point);
        history.secondStart = totals;
        history.secondStartMs = now;
    }

    // QPS over the last second: from the newest point at least 1 s old (or the first sample).
    qint64 fromMs = history.firstMs;
    quint64 fromRequests = 0;
    for (int i = history.fine.size() - 1; i >= 0; --i) {
        const SeriesPoint &point = history.fine.at(i);
        if (now - point.timeMs >= 1000) {
            fromMs = point.timeMs;
            fromRequests = point.cumulativeRequests;
            break;
        }
    }
    if (fromMs == history.firstMs && !history.fine.isEmpty()) {
        // Less than a second of history: measure from the first point.
        const SeriesPoint &first = history.fine.at(0);
        fromMs = first.timeMs;
        fromRequests = first.cumulativeRequests;
    }

    NodeMetrics node;
    node.nodeId = sample.nodeId;
    node.requests = totals.requests;
    node.responses = totals.responses;
    node.errors = totals.errors;
    node.errorCount = totals.errorCount();
    node.bytesIn = totals.bytesIn;
    node.bytesOut = totals.bytesOut;
    node.activeConnections = sample.activeConnections;
    node.qps = now > fromMs ? double(totals.requests - std::min(totals.requests, fromRequests))
                                  * 1000.0 / double(now - fromMs)
                            : 0.0;
    node.p50Ms = history.p50Ms;
    node.p90Ms = history.p90Ms;
    node.p95Ms = history.p95Ms;
    node.p99Ms = history.p99Ms;
    const LatencyHistogram &latency = totals.latency;
    node.totalP50Ms = ms(latency.valueAtPercentile(50));
    node.totalP90Ms = ms(latency.valueAtPercentile(90));
    node.totalP99Ms = ms(latency.valueAtPercentile(99));
    node.totalMaxMs = ms(latency.max());
    node.totalMinMs = latency.count() ? ms(latency.min()) : 0.0;
    node.totalMeanMs = latency.mean() / 1000.0;
    node.latencyCount = latency.count();
    node.latencySumS = double(latency.sum()) / 1e6;
    for (std::size_t i = 0; i < latencyBucketBoundsS.size(); ++i)
        node.latencyBuckets[i] = latency.countAtOrBelow(qint64(latencyBucketBoundsS[i] * 1e6));
    return node;
}

QList<SeriesPoint> MetricsCollector::series(const QString &nodeId, bool fine) const
{
    QList<SeriesPoint> points;
    const std::shared_ptr<History> history = m_history.value(nodeId);
    if (!history)
        return points;
    const RingBuffer<SeriesPoint> &ring = fine ? history->fine : history->coarse;
    points.reserve(ring.size());
    for (int i = 0; i < ring.size(); ++i)
        points.append(ring.at(i));
    return points;
}

} // namespace infralab::metrics
