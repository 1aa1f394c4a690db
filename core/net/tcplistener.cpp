#include "net/tcplistener.h"

#include "net/clock.h"
#include "net/connectionshard.h"

#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <cerrno>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace infralab::net {

TcpListener::SharedState::SharedState()
    : wakeFd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{}

TcpListener::SharedState::~SharedState()
{
    closeDescriptor(wakeFd);
}

void TcpListener::SharedState::release(int count)
{
    if (count <= 0)
        return;
    connections.fetch_sub(count, std::memory_order_acq_rel);
    if (acceptPaused.load(std::memory_order_acquire)
        && acceptPaused.exchange(false, std::memory_order_acq_rel)) {
        const quint64 one = 1;
        (void)!::write(wakeFd, &one, sizeof one);
    }
}

// Accepts on the listening descriptor in the first shard's thread and posts each accepted
// descriptor to the next shard. Accepts in a loop per wake-up (like nginx multi_accept) so
// a burst of connections costs one notification.
class Acceptor final : public QObject
{
public:
    // While paused at the cap, how often the shards are asked again for idle connections
    // (busy keep-alive connections become idle between requests without closing).
    static constexpr int ReclaimRetryMs = 200;

    Acceptor(int fd, QList<QPointer<ConnectionShard>> shards,
             std::shared_ptr<TcpListener::SharedState> state, TcpListener::Options options)
        : m_fd(fd)
        , m_shards(std::move(shards))
        , m_state(std::move(state))
        , m_options(std::move(options))
    {}

    void start()
    {
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] { acceptAll(); });
        if (m_options.atCapacity == TcpListener::AtCapacity::Wait && m_state->wakeFd >= 0) {
            m_wake = new QSocketNotifier(m_state->wakeFd, QSocketNotifier::Read, this);
            connect(m_wake, &QSocketNotifier::activated, this, [this] {
                quint64 count = 0;
                (void)!::read(m_state->wakeFd, &count, sizeof count);
                resume();
            });
            m_retry = new QTimer(this);
            m_retry->setInterval(ReclaimRetryMs);
            connect(m_retry, &QTimer::timeout, this, [this] {
                if (!atCapacity())
                    resume();
                else if (connectionWaiting())
                    reclaimIdle();
            });
        }
    }

    ~Acceptor() override
    {
        // Nobody is left to wake; the shards may still release into the shared state.
        m_state->acceptPaused.store(false, std::memory_order_release);
        closeDescriptor(m_fd);
    }

private:
    bool atCapacity() const
    {
        return m_state->connections.load(std::memory_order_acquire) >= m_options.maxConnections;
    }

    bool waitsAtCapacity() const
    {
        return m_options.atCapacity == TcpListener::AtCapacity::Wait && m_wake;
    }

    // At the cap: new connections stay in the kernel's backlog until one closes.
    void pause()
    {
        m_notifier->setEnabled(false);
        m_state->acceptPaused.store(true, std::memory_order_release);
        if (!atCapacity()) { // a connection closed between the check and the flag
            resume();
            return;
        }
        if (connectionWaiting())
            reclaimIdle();
        m_retry->start();
    }

    void resume()
    {
        m_retry->stop();
        m_state->acceptPaused.store(false, std::memory_order_release);
        m_notifier->setEnabled(true); // level-triggered: fires again while the backlog is full
    }

    bool connectionWaiting() const
    {
        pollfd listening{m_fd, POLLIN, 0};
        return ::poll(&listening, 1, 0) > 0 && (listening.revents & POLLIN);
    }

    void reclaimIdle()
    {
        for (const QPointer<ConnectionShard> &shard : std::as_const(m_shards)) {
            if (!shard)
                continue;
            if (shard->thread() == QThread::currentThread())
                shard->reclaimIdle();
            else
                QMetaObject::invokeMethod(
                    shard, [s = shard.data()] { s->reclaimIdle(); }, Qt::QueuedConnection);
        }
    }

    void acceptAll()
    {
        for (int i = 0; i < 256; ++i) {
            if (waitsAtCapacity() && atCapacity()) {
                pause();
                return;
            }
            const int fd = ::accept4(m_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED)
                    continue;
                return; // EAGAIN, or EMFILE/ENFILE: try again on the next wake-up
            }
            if (!waitsAtCapacity() && atCapacity()) {
                m_state->refused.fetch_add(1, std::memory_order_relaxed);
                if (!m_options.refusal.isEmpty())
                    (void)::send(fd, m_options.refusal.constData(), m_options.refusal.size(),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
                ::shutdown(fd, SHUT_WR);
                closeDescriptor(fd);
                continue;
            }
            if (const FaultPolicy *fault = m_state->faults.policy();
                fault && refusedByFault(fd, fault->onAccept())) {
                continue;
            }
            m_state->connections.fetch_add(1, std::memory_order_relaxed);
            m_state->accepted.fetch_add(1, std::memory_order_relaxed);
            ConnectionShard *shard = m_shards.at(m_next++ % m_shards.size());
            if (!shard) {
                closeDescriptor(fd);
                m_state->release();
                continue;
            }
            if (shard->thread() == QThread::currentThread()) {
                shard->adoptDescriptor(fd);
            } else {
                QMetaObject::invokeMethod(
                    shard, [shard, fd] { shard->adoptDescriptor(fd); }, Qt::QueuedConnection);
            }
        }
    }

    // The fault hook's say on a fresh connection; true when it was closed here.
    static bool refusedByFault(int fd, FaultPolicy::Verdict verdict)
    {
        if (verdict == FaultPolicy::Verdict::Pass)
            return false;
        if (verdict == FaultPolicy::Verdict::Reset) {
            const linger option{1, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, sizeof option);
        } else {
            // Close means FIN: the kernel resets instead when unread bytes are left behind
            // (the request often arrives before the accept), so read them first.
            char discard[4096];
            while (::recv(fd, discard, sizeof discard, MSG_DONTWAIT) > 0) {
            }
        }
        closeDescriptor(fd);
        return true;
    }

    int m_fd;
    QList<QPointer<ConnectionShard>> m_shards;
    std::shared_ptr<TcpListener::SharedState> m_state;
    TcpListener::Options m_options;
    QSocketNotifier *m_notifier = nullptr;
    QSocketNotifier *m_wake = nullptr; // Wait: a shard released a connection
    QTimer *m_retry = nullptr;
    qsizetype m_next = 0;
};

TcpListener::TcpListener(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

TcpListener::~TcpListener()
{
    destroyShards();
}

bool TcpListener::listen(quint16 port, QList<ConnectionShard *> shards, QString *error)
{
    Q_ASSERT(!shards.isEmpty());
    ListenSocket socket = ListenSocket::bindLoopback(port, m_options.backlog, error);
    if (socket.fd < 0) {
        for (ConnectionShard *shard : shards)
            shard->deleteLater();
        return false;
    }
    m_port = socket.port;
    m_stopping = false;
    m_drainedShards.clear();
    m_shards.clear();
    for (ConnectionShard *shard : shards) {
        m_shards.append(shard);
        connect(
            shard, &ConnectionShard::drained, this, [this, shard] { shardDrained(shard); },
            Qt::QueuedConnection);
    }
    auto *acceptor = new Acceptor(socket.fd, m_shards, m_state, m_options);
    acceptor->moveToThread(shards.first()->thread());
    m_acceptor = acceptor;
    QMetaObject::invokeMethod(
        acceptor, [acceptor] { acceptor->start(); }, Qt::QueuedConnection);
    return true;
}

void TcpListener::stop(int drainMs)
{
    if (m_stopping || m_port == 0)
        return;
    m_stopping = true;
    // Closing the listening socket first: new connections are refused by the kernel while the
    // shards finish what is in flight.
    if (m_acceptor)
        m_acceptor->deleteLater();
    const qint64 deadline = steadyNowMs() + drainMs;
    for (const QPointer<ConnectionShard> &shard : std::as_const(m_shards)) {
        if (shard)
            QMetaObject::invokeMethod(
                shard, [s = shard.data(), deadline] { s->beginDrain(deadline); },
                Qt::QueuedConnection);
    }
    if (m_shards.isEmpty())
        shardDrained(nullptr);
}

void TcpListener::shardDrained(ConnectionShard *shard)
{
    // Counted per distinct shard: stopped() must not come before every shard is empty.
    if (!m_stopping || (shard && m_drainedShards.contains(shard)))
        return;
    if (shard)
        m_drainedShards.insert(shard);
    if (m_drainedShards.size() < m_shards.size())
        return;
    destroyShards();
    m_port = 0;
    emit stopped();
}

void TcpListener::destroyShards()
{
    if (m_acceptor)
        m_acceptor->deleteLater();
    for (const QPointer<ConnectionShard> &shard : std::as_const(m_shards)) {
        if (shard)
            shard->deleteLater();
    }
    m_shards.clear();
}

} // namespace infralab::net
