#include "upstream/upstreampool.h"

#include "net/connectionshard.h"
#include "net/streamsocket.h"
#include "upstream/upstreamexchange.h"

#include <QTimer>

#include <algorithm>

#include <sys/socket.h>

namespace infralab::upstream {

UpstreamPool::UpstreamPool(const UpstreamOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{}

UpstreamPool::~UpstreamPool()
{
    // Exchanges waiting for deleteLater() untrack themselves: let them do it while we are whole.
    qDeleteAll(findChildren<UpstreamExchange *>(Qt::FindDirectChildrenOnly));
    for (const QList<Idle> &list : std::as_const(m_idle)) {
        for (const Idle &idle : list)
            delete idle.socket;
    }
}

static bool looksAlive(const net::StreamSocket *socket)
{
    // An idle upstream connection must have nothing to read: a pending FIN (0) or stray
    // bytes mean it cannot carry a new request. One cheap syscall avoids most stale retries.
    char byte;
    const ssize_t n = ::recv(socket->descriptor(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

net::StreamSocket *UpstreamPool::takeIdle(quint16 port)
{
    auto it = m_idle.find(port);
    while (it != m_idle.end() && !it->isEmpty()) {
        net::StreamSocket *socket = it->takeLast().socket;
        disconnect(socket, nullptr, this, nullptr);
        if (socket->isOpen() && looksAlive(socket)) {
            ++m_reused;
            return socket;
        }
        delete socket;
    }
    return nullptr;
}

void UpstreamPool::giveBack(quint16 port, net::StreamSocket *socket)
{
    if (m_options.idlePerEndpoint <= 0) {
        delete socket; // upstream_keepalive 0: a new connection per request
        return;
    }
    // Over the cap the connection is kept anyway, for a while: closing the surplus at once
    // (nginx's way) made a burst of N > cap concurrent requests close N - cap connections only
    // to open as many again a moment later (connect + accept per request on both sides). The
    // sweep closes surplus connections that stayed idle for SurplusHoldMs, least recently
    // used first, so the cap still bounds what an idle pool keeps.
    QList<Idle> &list = m_idle[port];
    socket->setParent(this);
    socket->setReadEnabled(true);
    // While idle, any readable event is the upstream closing (or misbehaving): drop it.
    connect(socket, &net::StreamSocket::readyRead, this,
            [this, port, socket] { dropIdle(port, socket); });
    connect(socket, &net::StreamSocket::failed, this,
            [this, port, socket] { dropIdle(port, socket); });
    list.append({socket, net::steadyNowMs()});
    ensureSweep();
}

void UpstreamPool::dropIdle(quint16 port, net::StreamSocket *socket)
{
    QList<Idle> &list = m_idle[port];
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).socket == socket) {
            list.removeAt(i);
            socket->abort();
            socket->deleteLater(); // we may be inside its signal
            return;
        }
    }
}

void UpstreamPool::track(UpstreamExchange *exchange)
{
    m_active.insert(exchange);
    ensureSweep();
}

void UpstreamPool::untrack(UpstreamExchange *exchange)
{
    m_active.remove(exchange);
}

void UpstreamPool::ensureSweep()
{
    if (!m_sweep) {
        m_sweep = new QTimer(this);
        connect(m_sweep, &QTimer::timeout, this, &UpstreamPool::sweep);
        const int shortest = std::min(
            {m_options.connectTimeoutMs, m_options.responseTimeoutMs, m_options.idleTimeoutMs});
        m_sweep->setInterval(std::clamp(shortest / 8, 10, 500));
    }
    if (!m_sweep->isActive())
        m_sweep->start();
}

void UpstreamPool::sweep()
{
    const qint64 now = net::steadyNowMs();
    const QList<UpstreamExchange *> active = m_active.values();
    for (UpstreamExchange *exchange : active) {
        if (m_active.contains(exchange))
            exchange->checkDeadline(now);
    }
    bool anyIdle = false;
    for (auto it = m_idle.begin(); it != m_idle.end(); ++it) {
        QList<Idle> &list = *it;
        while (!list.isEmpty() && now - list.first().sinceMs >= m_options.idleTimeoutMs)
            delete list.takeFirst().socket;
        while (list.size() > m_options.idlePerEndpoint
               && now - list.first().sinceMs >= SurplusHoldMs)
            delete list.takeFirst().socket;
        anyIdle = anyIdle || !list.isEmpty();
    }
    if (!anyIdle && m_active.isEmpty())
        m_sweep->stop();
}

} // namespace infralab::upstream
