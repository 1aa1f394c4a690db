#pragma once

#include "net/connectionshard.h"
#include "net/tcplistener.h"

#include <QSet>

#include <memory>

class QTimer;

namespace infralab::net {

class StreamConnection;

// The protocol-neutral part of one listener in one network thread, which every protocol
// server shares: the set of its connections, the listener's connection count (and with it
// the cap), one deadline sweep for all of them instead of a timer each, closing the oldest
// reusable ones when the listener is at its cap, and the drain on stop. A protocol derives
// from it and makes its connections in createConnection(). All calls arrive in the shard's
// own thread.
class StreamShard : public ConnectionShard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamShard)

public:
    // `sweepIntervalMs`: how often deadlines are checked (a quarter of the shortest timeout
    // is a good choice).
    StreamShard(std::shared_ptr<TcpListener::SharedState> listenerState, int sweepIntervalMs);
    ~StreamShard() override;

    void adoptDescriptor(int fd) final;
    void beginDrain(qint64 deadlineMs) final;
    int connectionCount() const final { return int(m_connections.size()); }
    void reclaimIdle() final;

    const FaultHook &faults() const { return m_listenerState->faults; }
    bool isDraining() const { return m_draining; }

protected:
    // A new connection of the protocol for an accepted descriptor (which it owns from now).
    virtual StreamConnection *createConnection(int fd) = 0;
    // Deletes every connection still open, accounting for them. A subclass whose
    // connections need the subclass's members while they go (an asynchronous handler's cancel
    // callbacks) calls it first in its own destructor.
    void destroyConnections();

private:
    friend class StreamConnection;
    void connectionClosed(StreamConnection *connection);
    void sweep();
    void ensureSweep();
    void emitDrainedOnce();

    std::shared_ptr<TcpListener::SharedState> m_listenerState;
    QSet<StreamConnection *> m_connections;
    QTimer *m_sweep = nullptr;
    int m_sweepIntervalMs;
    qint64 m_drainDeadlineMs = 0;
    bool m_draining = false;
    bool m_drainedReported = false;
};

} // namespace infralab::net
