#pragma once

#include "net/streamsocket.h"
#include "upstream/upstreamoptions.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

class QTimer;

namespace infralab::upstream {

class UpstreamExchange;

// The keep-alive connections of one proxying component in one network thread (nginx's
// per-worker `keepalive` cache): idle sockets per upstream port on 127.0.0.1, capped per
// endpoint (surplus ones after a short hold), closed after idleTimeoutMs or as soon as the
// upstream closes or talks out of turn.
// It also runs the one deadline sweep of its exchanges (connect and response timeouts), so
// there is no timer per request. Lives in, and is only used from, its own thread: no locks.
class UpstreamPool final : public QObject, private net::SocketReader
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamPool)

public:
    explicit UpstreamPool(const UpstreamOptions &options = {}, QObject *parent = nullptr);
    ~UpstreamPool() override; // closes idle connections, deletes leftover exchanges

    // How long idle connections over idlePerEndpoint are kept before the sweep closes them.
    static constexpr qint64 SurplusHoldMs = 1000;

    const UpstreamOptions &options() const { return m_options; }
    int idleCount(quint16 port) const { return int(m_idle.value(port).size()); }
    quint64 connectionsOpened() const { return m_opened; }
    quint64 connectionsReused() const { return m_reused; }

    // Deletes `exchange` soon, from the event loop, together with the others retired in the
    // same turn (one posted event per batch instead of a deleteLater() each).
    void retire(UpstreamExchange *exchange);

private:
    friend class UpstreamExchange;
    struct Idle
    {
        net::StreamSocket *socket;
        qint64 sinceMs;
    };

    // A live idle connection for `port` (ownership passes to the caller), or null. With
    // `probe`, one that has anything to read (a FIN that was not handled yet) is skipped.
    net::StreamSocket *takeIdle(quint16 port, bool probe = true);
    // Back after a response that completed cleanly with keep-alive.
    void giveBack(quint16 port, net::StreamSocket *socket);
    // Every upstream socket is the pool's child from creation. Its reader is its owner (an
    // exchange) or, while idle, the pool itself; its failure goes to whichever it is.
    // A new connection to `port`: parented, watched, and given the link's faults.
    net::StreamSocket *adopt(net::StreamSocket *socket, quint16 port);
    void setOwner(net::StreamSocket *socket, UpstreamExchange *owner);
    void forget(net::StreamSocket *socket) { socket->setReader(nullptr); }
    void socketReadable(net::StreamSocket *socket) override;
    void socketFailed(net::StreamSocket *socket);
    // Every living exchange, for the destructor (an intrusive list: no allocation per request).
    void link(UpstreamExchange *exchange);
    void unlink(UpstreamExchange *exchange);
    // A connect refused at once is reported from the event loop, in one posted call per batch.
    void deferRefusal(UpstreamExchange *exchange);
    void reportRefusals();
    // Read buffers are reused: each exchange would otherwise allocate its 64 KiB anew.
    QByteArray takeBuffer();
    void recycleBuffer(QByteArray &&buffer);
    void reap();
    void track(UpstreamExchange *exchange);
    void untrack(UpstreamExchange *exchange);
    void countOpened() { ++m_opened; }
    void dropIdle(net::StreamSocket *socket);
    void closeIdle(net::StreamSocket *socket);
    void sweep();
    void ensureSweep();

    UpstreamOptions m_options;
    QHash<quint16, QList<Idle>> m_idle; // most recently used last
    QList<QByteArray> m_spareBuffers;
    QList<UpstreamExchange *> m_retired;
    QList<UpstreamExchange *> m_refusals;
    UpstreamExchange *m_exchanges = nullptr; // the first living one
    QSet<UpstreamExchange *> m_active;
    QTimer *m_sweep = nullptr;
    quint64 m_opened = 0;
    quint64 m_reused = 0;
};

} // namespace infralab::upstream
