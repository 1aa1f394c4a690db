#include "runtime/httpcomponent.h"

#include "metrics/trafficrecorder.h"

namespace infralab::runtime {

HttpComponent::HttpComponent(QString nodeId, QString kind, net::EventLoopPool &pool, quint16 port,
                             const httpserver::HttpServerOptions &options,
                             httpserver::HttpServer::HandlerFactory handlerFactory, QObject *parent)
    : Component(std::move(nodeId), std::move(kind), parent)
    , m_server(std::make_unique<httpserver::HttpServer>(pool, options, std::move(handlerFactory)))
    , m_requestedPort(port)
{
    // Once only, as Component promises: the listener can report its end more than once when
    // a shard signals `drained` twice (an idle connection closing inside beginDrain).
    connect(m_server.get(), &httpserver::HttpServer::stopped, this, [this] {
        if (m_stopped)
            return;
        m_stopped = true;
        emit stopped();
    });
}

HttpComponent::~HttpComponent() = default;

bool HttpComponent::start(QString *error)
{
    if (!m_server->listen(m_requestedPort, error))
        return false;
    m_port = m_server->port();
    return true;
}

QString HttpComponent::url() const
{
    return m_port == 0 ? QString() : QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

void HttpComponent::stop()
{
    if (m_stopRequested)
        return;
    m_stopRequested = true;
    // HttpServer emits stopped() only for a server that was listening.
    if (m_server->isListening())
        m_server->stop();
    else
        QMetaObject::invokeMethod(m_server.get(), &httpserver::HttpServer::stopped,
                                  Qt::QueuedConnection);
}

bool HttpComponent::addTraffic(metrics::TrafficTotals &into) const
{
    into.merge(m_server->traffic());
    return true;
}

int HttpComponent::activeConnections() const
{
    return m_server->activeConnections();
}

bool HttpComponent::setFaultPolicy(std::shared_ptr<const net::FaultPolicy> policy)
{
    m_server->setFaultPolicy(std::move(policy));
    return true;
}

} // namespace infralab::runtime
