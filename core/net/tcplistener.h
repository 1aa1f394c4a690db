#pragma once

#include "net/faulthook.h"
#include "net/listensocket.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <atomic>
#include <memory>

namespace infralab::net {

class ConnectionShard;
class EventLoopPool;
class Acceptor;

// One listening port of a component. Binds 127.0.0.1 synchronously (so a taken port fails
// at once, in the caller's thread), then accepts in a network thread and hands connections
// round-robin to one shard per pool thread. At `maxConnections` it either stops accepting
// until a connection closes (Wait: nginx's worker_connections; the kernel's backlog holds the
// new ones, and the shards close their oldest idle connections to make room, as nginx reuses
// keep-alive connections) or answers each new one with `refusal` and closes it (Refuse: what
// PostgreSQL and Redis do past their client limits). stop() drains the shards and emits
// stopped().
class TcpListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpListener)

public:
    enum class AtCapacity : quint8 { Wait, Refuse };

    struct Options
    {
        int maxConnections = 10000;
        int backlog = 1024;
        AtCapacity atCapacity = AtCapacity::Wait;
        QByteArray refusal; // Refuse: written (best effort) before the connection is closed
    };

    // Shared with the acceptor and the shards: the live connection count and the fault hook.
    struct SharedState
    {
        SharedState();
        ~SharedState();
        Q_DISABLE_COPY_MOVE(SharedState)

        // A shard calls this for the connections it closed, from its own thread; an acceptor
        // that paused at the cap is woken to accept again.
        void release(int count = 1);

        std::atomic<int> connections{0};
        std::atomic<quint64> accepted{0};
        std::atomic<quint64> refused{0};   // Refuse: turned away at the cap
        std::atomic<quint64> reclaimed{0}; // Wait: idle connections closed to make room
        FaultHook faults;
        // Wait: the acceptor stopped at the cap and wants wakeFd (an eventfd) written on the
        // next release.
        std::atomic<bool> acceptPaused{false};
        const int wakeFd;
    };

    explicit TcpListener(Options options, QObject *parent = nullptr);
    ~TcpListener() override; // stops at once (no drain) if still running

    // `shards` must already live in their threads; the listener takes ownership.
    bool listen(quint16 port, QList<ConnectionShard *> shards, QString *error);
    quint16 port() const { return m_port; }
    bool isListening() const { return m_port != 0 && !m_stopping; }
    const std::shared_ptr<SharedState> &state() const { return m_state; }

    // Graceful: close the port, let in-flight requests finish within `drainMs`, then close.
    void stop(int drainMs);

signals:
    void stopped();

private:
    void shardDrained(ConnectionShard *shard);
    void destroyShards();

    Options m_options;
    std::shared_ptr<SharedState> m_state = std::make_shared<SharedState>();
    quint16 m_port = 0;
    bool m_stopping = false;
    QSet<ConnectionShard *> m_drainedShards;
    QList<QPointer<ConnectionShard>> m_shards;
    QPointer<Acceptor> m_acceptor;
};

} // namespace infralab::net
