#include "control/controlserver.h"

#include "control/controlapi.h"
#include "httpserver/httpserver.h"
#include "net/eventlooppool.h"

#include <QThread>

namespace infralab::control {

namespace {

void reply(httpserver::HttpExchange &exchange, const ControlResponse &response)
{
    http::ResponseHeadWriter &head = exchange.begin(response.status);
    head.add("Content-Type", response.contentType).add("Cache-Control", "no-store");
    if (!response.allow.isEmpty())
        head.add("Allow", response.allow);
    exchange.send(response.body);
}

// Runs in the control server's network thread: copies the request, hands it to the lab's
// thread (`server`, where ControlApi reads the lab) and answers when the response comes back
// to `replyContext`, unless the client went away meanwhile.
class ControlHandler final : public httpserver::HttpHandler
{
public:
    ControlHandler(ControlServer *server, ControlApi *api, QObject *replyContext)
        : m_server(server)
        , m_api(api)
        , m_replyContext(replyContext)
    {}

    void handle(httpserver::HttpExchange &exchange) override
    {
        const http::RequestHead &head = exchange.request();
        ControlRequest request;
        request.method = head.methodToken.toByteArray();
        request.path = head.path.toByteArray();
        request.query = head.query.toByteArray();
        // The Host field, or an absolute-form target's authority (which takes precedence).
        request.host = head.host.toByteArray();
        if (const QByteArrayView host = head.field("Host"); !host.isNull() && host != head.host)
            request.host = "mismatch"; // two different names: refused by the guard
        request.body = exchange.body().toByteArray();

        auto alive = std::make_shared<bool>(true);
        exchange.setOnCancelled([alive] { *alive = false; });
        httpserver::HttpExchange *pending = &exchange;
        QMetaObject::invokeMethod(
            m_server,
            [api = m_api, context = m_replyContext, request = std::move(request), alive, pending] {
                ControlResponse response = api->handle(request);
                QMetaObject::invokeMethod(
                    context,
                    [alive, pending, response = std::move(response)] {
                        if (*alive)
                            reply(*pending, response);
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

private:
    ControlServer *m_server;
    ControlApi *m_api;
    QObject *m_replyContext;
};

} // namespace

ControlServer::ControlServer(runtime::Lab &lab, QObject *parent)
    : QObject(parent)
    , m_api(std::make_unique<ControlApi>(lab))
{}

ControlServer::~ControlServer()
{
    // The network thread ends before anything it may still post to is destroyed.
    m_server.reset();
    m_pool.reset();
    m_replyContext.reset();
}

bool ControlServer::listen(quint16 port, QString *error)
{
    Q_ASSERT(!m_server);
    m_pool = std::make_unique<net::EventLoopPool>(1);
    m_replyContext = std::make_unique<QObject>();
    m_replyContext->moveToThread(m_pool->thread(0));
    httpserver::HttpServerOptions options;
    options.maxConnections = 256;
    options.drainTimeoutMs = 1000;
    m_server = std::make_unique<httpserver::HttpServer>(*m_pool, options, [this] {
        return std::make_unique<ControlHandler>(this, m_api.get(), m_replyContext.get());
    });
    connect(m_server.get(), &httpserver::HttpServer::stopped, this, &ControlServer::stopped);
    if (!m_server->listen(port, error)) {
        m_server.reset();
        return false;
    }
    return true;
}

quint16 ControlServer::port() const
{
    return m_server ? m_server->port() : 0;
}

QString ControlServer::url() const
{
    return port() ? QStringLiteral("http://127.0.0.1:%1").arg(port()) : QString();
}

void ControlServer::stop()
{
    if (m_server && m_server->isListening())
        m_server->stop();
    else
        QMetaObject::invokeMethod(this, &ControlServer::stopped, Qt::QueuedConnection);
}

} // namespace infralab::control
