#include "httpserver/httpshard.h"

#include "httpserver/httpconnection.h"
#include "net/listensocket.h"

#include <QTimer>

#include <algorithm>
#include <utility>

namespace infralab::httpserver {

HttpShard::HttpShard(const HttpServerOptions &options, std::unique_ptr<HttpHandler> handler,
                     std::shared_ptr<net::TcpListener::SharedState> listenerState,
                     std::shared_ptr<metrics::TrafficRecorder> recorder,
                     metrics::TrafficCounters &traffic)
    : m_options(options)
    , m_handler(std::move(handler))
    , m_listenerState(std::move(listenerState))
    , m_recorder(std::move(recorder))
    , m_traffic(traffic)
{}

HttpShard::~HttpShard()
{
    // Connections are children; account for the ones still open. They go before the handler
    // does, so an asynchronous handler's cancel callbacks still find it alive.
    m_listenerState->release(int(m_connections.size()));
    const QSet<HttpConnection *> open = std::exchange(m_connections, {});
    qDeleteAll(open);
}

void HttpShard::adoptDescriptor(int fd)
{
    if (m_draining) {
        net::closeDescriptor(fd);
        m_listenerState->release();
        return;
    }
    m_connections.insert(new HttpConnection(fd, this));
    ensureSweep();
}

void HttpShard::ensureSweep()
{
    if (!m_sweep) {
        m_sweep = new QTimer(this);
        connect(m_sweep, &QTimer::timeout, this, &HttpShard::sweep);
        // Deadlines are checked at a quarter of the shortest timeout, at most once a second:
        // one timer for thousands of connections instead of one each.
        const int shortest = std::min({m_options.headerTimeoutMs, m_options.bodyTimeoutMs,
                                       m_options.keepAliveTimeoutMs, m_options.sendTimeoutMs});
        m_sweep->setInterval(std::clamp(shortest / 4, 10, 1000));
    }
    if (!m_sweep->isActive())
        m_sweep->start();
}

void HttpShard::sweep()
{
    const qint64 now = net::steadyNowMs();
    const QList<HttpConnection *> connections = m_connections.values();
    for (HttpConnection *connection : connections) {
        if (!m_connections.contains(connection))
            continue; // closed by an earlier one's callbacks
        if (m_draining && now >= m_drainDeadlineMs)
            connection->closeNow(); // cancels an unfinished exchange, then deletes later
        else
            connection->checkDeadline(now);
    }
    if (m_connections.isEmpty() && m_sweep)
        m_sweep->stop();
}

void HttpShard::beginDrain(qint64 deadlineMs)
{
    m_draining = true;
    m_drainDeadlineMs = deadlineMs;
    const QList<HttpConnection *> connections = m_connections.values();
    for (HttpConnection *connection : connections) {
        if (m_connections.contains(connection))
            connection->drain();
    }
    if (m_connections.isEmpty()) {
        emitDrainedOnce();
        return;
    }
    ensureSweep();
    m_sweep->setInterval(std::clamp(int(deadlineMs - net::steadyNowMs()) / 4, 10, 100));
}

void HttpShard::reclaimIdle()
{
    QList<HttpConnection *> idle;
    for (HttpConnection *connection : std::as_const(m_connections)) {
        if (connection->isReusable())
            idle.append(connection);
    }
    if (idle.isEmpty())
        return;
    // nginx's ngx_drain_connections(): an eighth of the reusable ones, 1 to 32 at a time,
    // the longest idle first.
    const qsizetype count = std::clamp<qsizetype>(idle.size() / 8, 1, 32);
    std::partial_sort(idle.begin(), idle.begin() + count, idle.end(),
                      [](const HttpConnection *a, const HttpConnection *b) {
                          return a->idleSinceMs() < b->idleSinceMs();
                      });
    for (qsizetype i = 0; i < count; ++i) {
        m_listenerState->reclaimed.fetch_add(1, std::memory_order_relaxed);
        idle.at(i)->closeNow();
    }
}

void HttpShard::connectionClosed(HttpConnection *connection)
{
    if (!m_connections.remove(connection))
        return;
    m_listenerState->release();
    if (m_draining && m_connections.isEmpty())
        emitDrainedOnce();
}

void HttpShard::emitDrainedOnce()
{
    // Closing the last idle connection inside beginDrain() already reports it; the listener
    // must hear it once per shard.
    if (m_drainedReported)
        return;
    m_drainedReported = true;
    emit drained();
}

} // namespace infralab::httpserver
