#include "httpserver/httpserver.h"

#include "httpserver/httpshard.h"
#include "metrics/trafficrecorder.h"
#include "net/eventlooppool.h"
#include "net/tcplistener.h"

namespace infralab::httpserver {

HttpServer::HttpServer(net::EventLoopPool &pool, const HttpServerOptions &options,
                       HandlerFactory handlerFactory, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_options(options)
    , m_handlerFactory(std::move(handlerFactory))
    , m_traffic(std::make_shared<metrics::TrafficRecorder>(pool.size()))
{}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(quint16 port, QString *error)
{
    if (m_listener && m_listener->isListening()) {
        if (error)
            *error = QStringLiteral("already listening on port %1").arg(m_listener->port());
        return false;
    }
    net::TcpListener::Options listenerOptions;
    listenerOptions.maxConnections = m_options.maxConnections;
    // Past the cap new clients wait in the backlog, as with nginx's worker_connections.
    listenerOptions.atCapacity = net::TcpListener::AtCapacity::Wait;
    m_listener = std::make_unique<net::TcpListener>(listenerOptions);
    connect(m_listener.get(), &net::TcpListener::stopped, this, &HttpServer::stopped);
    m_listener->state()->faults.set(m_faultPolicy);

    // Shard i lives in pool thread i and is the only writer of the recorder's counters i.
    QList<net::ConnectionShard *> shards;
    for (int i = 0; i < m_pool.size(); ++i) {
        auto *shard = new HttpShard(m_options, m_handlerFactory(), m_listener->state(), m_traffic,
                                    m_traffic->forThread(i));
        shard->moveToThread(m_pool.thread(i));
        shards.append(shard);
    }
    return m_listener->listen(port, shards, error);
}

quint16 HttpServer::port() const
{
    return m_listener ? m_listener->port() : 0;
}

bool HttpServer::isListening() const
{
    return m_listener && m_listener->isListening();
}

int HttpServer::activeConnections() const
{
    return m_listener ? m_listener->state()->connections.load(std::memory_order_relaxed) : 0;
}

metrics::TrafficTotals HttpServer::traffic() const
{
    return m_traffic->totals();
}

void HttpServer::setFaultPolicy(std::shared_ptr<const net::FaultPolicy> policy)
{
    m_faultPolicy = std::move(policy);
    if (m_listener)
        m_listener->state()->faults.set(m_faultPolicy);
}

void HttpServer::stop()
{
    if (m_listener && m_listener->isListening())
        m_listener->stop(m_options.drainTimeoutMs);
}

} // namespace infralab::httpserver
