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
// round-robin to one shard per pool thread. Past `maxConnections` a new connection gets
// `refusal` (e.g. a 503 response) and is closed. stop() drains the shards and emits stopped().
class TcpListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpListener)

public:
    struct Options
    {
        int maxConnections = 10000;
        int backlog = 1024;
        QByteArray refusal; // written (best effort) to connections refused past the cap
    };

    // Shared with the acceptor and the shards: the live connection count and the fault hook.
    struct SharedState
    {
        std::atomic<int> connections{0};
        std::atomic<quint64> accepted{0};
        std::atomic<quint64> refused{0};
        FaultHook faults;
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
