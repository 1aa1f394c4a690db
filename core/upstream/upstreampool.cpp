#include "upstream/upstreampool.h"

#include "net/clock.h"
#include "net/connectionshard.h"
#include "net/faulthook.h"
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
    // Exchanges still running or retired untrack themselves: let them do it while we are whole.
    m_retired.clear();
    while (m_exchanges)
        delete m_exchanges; // unlinks itself
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

net::StreamSocket *UpstreamPool::takeIdle(quint16 port, bool probe)
{
    auto it = m_idle.find(port);
    while (it != m_idle.end() && !it->isEmpty()) {
        net::StreamSocket *socket = it->takeLast().socket;
        if (socket->isOpen() && (!probe || looksAlive(socket))) {
            ++m_reused;
            return socket;
        }
        delete socket;
    }
    return nullptr;
}

net::StreamSocket *UpstreamPool::adopt(net::StreamSocket *socket, quint16 port)
{
    socket->setParent(this);
    if (m_options.faults) [[unlikely]]
        socket->applyFaultPolicy(m_options.faults->policy(port));
    // Queued: a write failure surfaces inside write(); handle it once the call returned. The
    // socket is the context: a call still queued when it is deleted is dropped with it.
    connect(
        socket, &net::StreamSocket::failed, socket, [this, socket] { socketFailed(socket); },
        Qt::QueuedConnection);
    return socket;
}

void UpstreamPool::setOwner(net::StreamSocket *socket, UpstreamExchange *owner)
{
    socket->setReader(owner);
}

void UpstreamPool::socketReadable(net::StreamSocket *socket)
{
    dropIdle(socket); // while idle, any readable event is the upstream closing (or misbehaving)
}

void UpstreamPool::socketFailed(net::StreamSocket *socket)
{
    net::SocketReader *reader = socket->reader();
    if (reader == static_cast<net::SocketReader *>(this))
        dropIdle(socket);
    else if (reader)
        static_cast<UpstreamExchange *>(reader)->socketFailed();
}

void UpstreamPool::link(UpstreamExchange *exchange)
{
    exchange->m_next = std::exchange(m_exchanges, exchange);
    if (exchange->m_next)
        exchange->m_next->m_previous = exchange;
}

void UpstreamPool::unlink(UpstreamExchange *exchange)
{
    if (exchange->m_refusalPending)
        m_refusals.removeOne(exchange);
    if (exchange->m_previous)
        exchange->m_previous->m_next = exchange->m_next;
    else
        m_exchanges = exchange->m_next;
    if (exchange->m_next)
        exchange->m_next->m_previous = exchange->m_previous;
    exchange->m_previous = exchange->m_next = nullptr;
}

void UpstreamPool::deferRefusal(UpstreamExchange *exchange)
{
    if (std::exchange(exchange->m_refusalPending, true))
        return;
    m_refusals.append(exchange);
    if (m_refusals.size() == 1)
        QMetaObject::invokeMethod(this, &UpstreamPool::reportRefusals, Qt::QueuedConnection);
}

void UpstreamPool::reportRefusals()
{
    // One at a time from the front: a listener's reaction may add more (its next attempt) or
    // delete some (they leave the list as they go).
    while (!m_refusals.isEmpty()) {
        UpstreamExchange *exchange = m_refusals.takeFirst();
        exchange->m_refusalPending = false;
        exchange->refusedAtOnce();
    }
}

QByteArray UpstreamPool::takeBuffer()
{
    return m_spareBuffers.isEmpty() ? QByteArray() : m_spareBuffers.takeLast();
}

void UpstreamPool::recycleBuffer(QByteArray &&buffer)
{
    constexpr qsizetype MaxKept = 256 * 1024;
    constexpr qsizetype MaxSpares = 64;
    if (buffer.capacity() == 0 || buffer.capacity() > MaxKept || m_spareBuffers.size() >= MaxSpares
        || buffer.isDetached() == false)
        return;
    buffer.resize(0); // keeps the capacity
    m_spareBuffers.append(std::move(buffer));
}

void UpstreamPool::retire(UpstreamExchange *exchange)
{
    m_retired.append(exchange);
    if (m_retired.size() == 1)
        QMetaObject::invokeMethod(this, &UpstreamPool::reap, Qt::QueuedConnection);
}

void UpstreamPool::reap()
{
    const QList<UpstreamExchange *> retired = std::exchange(m_retired, {});
    qDeleteAll(retired);
}

void UpstreamPool::giveBack(quint16 port, net::StreamSocket *socket)
{
    if (m_options.idlePerEndpoint <= 0) {
        // upstream_keepalive 0: a new connection per request. We may be inside its signal.
        socket->setReader(nullptr);
        socket->abort();
        socket->deleteLater();
        return;
    }
    // Over the cap the connection is kept anyway, for a while: closing the surplus at once
    // (nginx's way) made a burst of N > cap concurrent requests close N - cap connections only
    // to open as many again a moment later (connect + accept per request on both sides). The
    // sweep closes surplus connections that stayed idle for SurplusHoldMs, least recently
    // used first, so the cap still bounds what an idle pool keeps.
    QList<Idle> &list = m_idle[port];
    socket->setReader(this);
    socket->setReadEnabled(true);
    list.append({socket, net::coarseNowMs()});
    ensureSweep();
}

void UpstreamPool::dropIdle(net::StreamSocket *socket)
{
    socket->setReader(nullptr);
    for (QList<Idle> &list : m_idle) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list.at(i).socket == socket) {
                list.removeAt(i);
                socket->abort();
                socket->deleteLater(); // we may be inside its signal
                return;
            }
        }
    }
}

void UpstreamPool::closeIdle(net::StreamSocket *socket)
{
    delete socket; // from the sweep or giveBack(), never inside the socket's own signal
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
            closeIdle(list.takeFirst().socket);
        while (list.size() > m_options.idlePerEndpoint
               && now - list.first().sinceMs >= SurplusHoldMs)
            closeIdle(list.takeFirst().socket);
        anyIdle = anyIdle || !list.isEmpty();
    }
    if (!anyIdle && m_active.isEmpty())
        m_sweep->stop();
}

} // namespace infralab::upstream
