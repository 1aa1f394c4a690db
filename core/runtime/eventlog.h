#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <deque>

namespace infralab::runtime {

// One entry of a lab's timeline: a node's state change, a health change, an ejection, a
// restart after a config change. Numbered from 1 in the order they happened, so a client
// polling `GET /api/v1/events?since=N` never misses or repeats one.
struct LabEvent
{
    quint64 sequence = 0;
    QDateTime time;  // UTC, millisecond precision
    QString nodeId;  // empty for events of the whole lab
    QString type;    // a short stable word: "running", "failed", "restart", "health-down", …
    QString message; // a sentence for people
};

// The bounded, numbered event log of a lab: the oldest entries go once `capacity` is reached
// (their numbers are never reused, so a reader can tell it missed some). Runtime thread only.
class EventLog final
{
public:
    explicit EventLog(int capacity = 10000);

    const LabEvent &append(const QString &nodeId, const QString &type, const QString &message,
                           const QDateTime &time = QDateTime::currentDateTimeUtc());
    // The events numbered above `sequence`, oldest first, at most `limit`.
    QList<LabEvent> since(quint64 sequence, int limit = 1000) const;

    quint64 lastSequence() const { return m_next - 1; }
    // The number of the oldest event still kept (lastSequence() + 1 when empty).
    quint64 firstSequence() const { return m_next - quint64(m_events.size()); }
    int size() const { return int(m_events.size()); }
    int capacity() const { return m_capacity; }

private:
    std::deque<LabEvent> m_events;
    int m_capacity;
    quint64 m_next = 1;
};

} // namespace infralab::runtime
