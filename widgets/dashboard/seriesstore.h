#pragma once

#include "live/livesnapshot.h"
#include "metrics/ringbuffer.h"
#include "runtime/eventlog.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <array>
#include <deque>

namespace infralab {

// The classes the dashboard's error chart stacks: the runtime's error kinds and 4xx answers.
enum class ErrorClass { ServerError, ClientError, Timeout, Reset, ConnectRefused, Protocol };
inline constexpr int errorClassCount = 6;
QString errorClassName(ErrorClass errorClass); // translated: "5xx", "timeout", …

// One node at one moment, as the charts draw it.
struct DashPoint
{
    qint64 wallMs = 0;
    float qps = 0;
    float p50Ms = 0, p95Ms = 0, p99Ms = 0; // the last second's responses
    float active = 0;
    std::array<float, errorClassCount> errorsPerS{};
    bool hasLatency = false; // the node measures latency (servers, and generators: what they sent)
    bool loadSource = false; // the node sends load (NodeDetail::sendingRate >= 0): a generator
};

// The window's history of a running lab, fed one LiveSnapshot per tick: per node a minute of
// 250 ms points and fifteen minutes of 1 s points (fixed rings, so an hour-long run uses the
// same memory as a minute-long one), and the lab's events for the charts' time axis. Lives in
// the GUI thread; the dashboard and the CSV export read it.
class SeriesStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeriesStore)

public:
    static constexpr int fineCapacity = 240;   // 1 min at 250 ms
    static constexpr int coarseCapacity = 900; // 15 min at 1 s
    static constexpr int eventCapacity = 2000;

    explicit SeriesStore(QObject *parent = nullptr);

    void add(const live::LiveSnapshot &snapshot);
    void addEvent(const runtime::LabEvent &event);
    void clear();

    QStringList nodeIds() const { return m_order; }
    // The node's points of the last `windowMs` before `nowMs`, oldest first: 250 ms points
    // for windows up to a minute, else 1 s points.
    QList<DashPoint> points(const QString &nodeId, qint64 windowMs, qint64 nowMs) const;
    const std::deque<runtime::LabEvent> &events() const { return m_events; }
    qint64 lastWallMs() const { return m_lastWallMs; }
    quint64 ticks() const { return m_ticks; }

signals:
    void updated();

private:
    struct NodeSeries
    {
        metrics::RingBuffer<DashPoint> fine{fineCapacity};
        metrics::RingBuffer<DashPoint> coarse{coarseCapacity};
        std::array<quint64, errorClassCount> lastCounts{};
        qint64 lastMs = -1;
        bool loadSource = false;
        DashPoint second; // the 1 s point being summed
        int secondTicks = 0;
        qint64 secondStartMs = -1;
    };
    void push(NodeSeries &series, DashPoint point);

    QHash<QString, NodeSeries> m_series;
    QStringList m_order;
    std::deque<runtime::LabEvent> m_events;
    qint64 m_lastWallMs = 0;
    quint64 m_ticks = 0;
};

} // namespace infralab
