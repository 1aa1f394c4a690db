#include "runtime/eventlog.h"

#include <algorithm>

namespace infralab::runtime {

EventLog::EventLog(int capacity)
    : m_capacity(std::max(1, capacity))
{}

const LabEvent &EventLog::append(const QString &nodeId, const QString &type, const QString &message,
                                 const QDateTime &time)
{
    if (int(m_events.size()) >= m_capacity)
        m_events.pop_front();
    m_events.push_back({m_next++, time, nodeId, type, message});
    return m_events.back();
}

QList<LabEvent> EventLog::since(quint64 sequence, int limit) const
{
    QList<LabEvent> events;
    if (sequence >= lastSequence() || limit <= 0)
        return events;
    // Numbers are consecutive, so the first wanted entry is found by arithmetic.
    const quint64 first = std::max(sequence + 1, firstSequence());
    auto it = m_events.cbegin() + qsizetype(first - firstSequence());
    for (; it != m_events.cend() && events.size() < limit; ++it)
        events.append(*it);
    return events;
}

} // namespace infralab::runtime
