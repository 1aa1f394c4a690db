#include "metrics/linkmetrics.h"

#include <QThread>

namespace infralab::metrics {

LinkMetrics::LinkMetrics(QList<QThread *> threads,
                         const QList<std::pair<QString, quint16>> &callees)
    : m_threads(std::move(threads))
{
    for (const auto &[calleeId, port] : callees)
        m_links.push_back(
            {calleeId, port, std::make_unique<TrafficRecorder>(int(m_threads.size()))});
}

int LinkMetrics::threadIndex() const
{
    return int(m_threads.indexOf(QThread::currentThread()));
}

TrafficCounters *LinkMetrics::counters(quint16 port, int threadIndex) const
{
    if (threadIndex < 0 || threadIndex >= m_threads.size())
        return nullptr;
    for (const Link &link : m_links) {
        if (link.port == port)
            return &link.recorder->forThread(threadIndex);
    }
    return nullptr;
}

QList<std::pair<QString, TrafficTotals>> LinkMetrics::totals() const
{
    QList<std::pair<QString, TrafficTotals>> list;
    for (const Link &link : m_links)
        list.append({link.calleeId, link.recorder->totals()});
    return list;
}

} // namespace infralab::metrics
