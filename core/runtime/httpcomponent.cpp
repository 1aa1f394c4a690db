#include "runtime/httpcomponent.h"

namespace infralab::runtime {

HttpComponent::HttpComponent(QString nodeId, QString kind, net::EventLoopPool &pool, quint16 port,
                             const httpserver::HttpServerOptions &options,
                             httpserver::HttpServer::HandlerFactory handlerFactory, QObject *parent)
    : Component(std::move(nodeId), std::move(kind), parent)
    , m_server(std::make_unique<httpserver::HttpServer>(pool, options, std::move(handlerFactory)))
    , m_requestedPort(port)
{
    connect(m_server.get(), &httpserver::HttpServer::stopped, this, &Component::stopped);
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
        emitStoppedLater();
}

} // namespace infralab::runtime
