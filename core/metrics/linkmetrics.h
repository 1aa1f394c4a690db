#pragma once

#include "metrics/trafficrecorder.h"

#include <QList>
#include <QString>

#include <memory>
#include <utility>
#include <vector>

class QThread;

namespace infralab::metrics {

// Per-link metrics of one calling node, seen by the caller: for each callee (by the port the
// caller sends to) a TrafficRecorder with one counters block per network thread. The upstream
// client records an attempt's request, its outcome (status or error kind), the bytes it got
// and the time to the answer. Fixed when the node starts (a rewire makes a new one), so lookups
// need no lock; any thread reads totals().
class LinkMetrics final
{
    Q_DISABLE_COPY_MOVE(LinkMetrics)

public:
    // `threads`: the pool's threads in index order; `callees`: id and port of each link.
    LinkMetrics(QList<QThread *> threads, const QList<std::pair<QString, quint16>> &callees);

    // The index of the calling thread among `threads`, -1 for another thread.
    int threadIndex() const;
    // The counters of thread `threadIndex` for the link to `port`; null for an unknown port.
    TrafficCounters *counters(quint16 port, int threadIndex) const;
    // Per callee id, what the caller saw so far.
    QList<std::pair<QString, TrafficTotals>> totals() const;

private:
    struct Link
    {
        QString calleeId;
        quint16 port;
        std::unique_ptr<TrafficRecorder> recorder;
    };
    QList<QThread *> m_threads;
    std::vector<Link> m_links;
};

} // namespace infralab::metrics
