#include "net/streamshard.h"

#include "net/clock.h"
#include "net/listensocket.h"
#include "net/streamconnection.h"

#include <QTimer>

#include <algorithm>
#include <utility>

namespace infralab::net {

StreamShard::StreamShard(std::shared_ptr<TcpListener::SharedState> listenerState,
                         int sweepIntervalMs)
    : m_listenerState(std::move(listenerState))
    , m_sweepIntervalMs(std::clamp(sweepIntervalMs, 10, 1000))
{}

StreamShard::~StreamShard()
{
    destroyConnections();
}

void StreamShard::destroyConnections()
{
    m_listenerState->release(int(m_connections.size()));
    const QSet<StreamConnection *> open = std::exchange(m_connections, {});
    qDeleteAll(open);
}

void StreamShard::adoptDescriptor(int fd)
{
    if (m_draining) {
        closeDescriptor(fd);
        m_listenerState->release();
        return;
    }
    m_connections.insert(createConnection(fd));
    ensureSweep();
}

void StreamShard::ensureSweep()
{
    if (!m_sweep) {
        m_sweep = new QTimer(this);
        m_sweep->setInterval(m_sweepIntervalMs);
        connect(m_sweep, &QTimer::timeout, this, &StreamShard::sweep);
    }
    if (!m_sweep->isActive())
        m_sweep->start();
}

void StreamShard::sweep()
{
    const qint64 now = steadyNowMs();
    const QList<StreamConnection *> connections = m_connections.values();
    for (StreamConnection *connection : connections) {
        if (!m_connections.contains(connection))
            continue; // closed by an earlier one's callbacks
        if (m_draining && now >= m_drainDeadlineMs)
            connection->closeNow(); // cancels unfinished work, then deletes later
        else
            connection->checkDeadline(now);
    }
    if (m_connections.isEmpty() && m_sweep)
        m_sweep->stop();
}

void StreamShard::beginDrain(qint64 deadlineMs)
{
    m_draining = true;
    m_drainDeadlineMs = deadlineMs;
    const QList<StreamConnection *> connections = m_connections.values();
    for (StreamConnection *connection : connections) {
        if (m_connections.contains(connection))
            connection->drain();
    }
    if (m_connections.isEmpty()) {
        emitDrainedOnce();
        return;
    }
    ensureSweep();
    m_sweep->setInterval(std::clamp(int(deadlineMs - steadyNowMs()) / 4, 10, 100));
}

void StreamShard::reclaimIdle()
{
    QList<StreamConnection *> idle;
    for (StreamConnection *connection : std::as_const(m_connections)) {
        if (connection->isReusable())
            idle.append(connection);
    }
    if (idle.isEmpty())
        return;
    // nginx's ngx_drain_connections(): an eighth of the reusable ones, 1 to 32 at a time,
    // the longest idle first.
    const qsizetype count = std::clamp<qsizetype>(idle.size() / 8, 1, 32);
    std::partial_sort(idle.begin(), idle.begin() + count, idle.end(),
                      [](const StreamConnection *a, const StreamConnection *b) {
                          return a->idleSinceMs() < b->idleSinceMs();
                      });
    for (qsizetype i = 0; i < count; ++i) {
        m_listenerState->reclaimed.fetch_add(1, std::memory_order_relaxed);
        idle.at(i)->closeNow();
    }
}

void StreamShard::connectionClosed(StreamConnection *connection)
{
    if (!m_connections.remove(connection))
        return;
    m_listenerState->release();
    if (m_draining && m_connections.isEmpty())
        emitDrainedOnce();
}

void StreamShard::emitDrainedOnce()
{
    // Closing the last idle connection inside beginDrain() already reports it; the listener
    // must hear it once per shard.
    if (m_drainedReported)
        return;
    m_drainedReported = true;
    emit drained();
}

} // namespace infralab::net
