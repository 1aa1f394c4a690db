#pragma once

#include "httpserver/httpserver.h"
#include "runtime/component.h"

#include <memory>

namespace infralab::runtime {

// A component that is one HttpServer on one port: the shape of the web server, reverse
// proxy, load balancer, API gateway and app server. The kind supplies the server options and
// the handler factory (one handler per network thread); this class does the listening,
// the URL and the graceful stop. Kinds with more to show (an access log) derive from it.
class HttpComponent : public Component
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpComponent)

public:
    HttpComponent(QString nodeId, QString kind, net::EventLoopPool &pool, quint16 port,
                  const httpserver::HttpServerOptions &options,
                  httpserver::HttpServer::HandlerFactory handlerFactory, QObject *parent = nullptr);
    ~HttpComponent() override;

    bool start(QString *error) override;
    QString url() const override;
    quint16 port() const override { return m_port; }
    void stop() override;
    bool addTraffic(metrics::TrafficTotals &into) const override;
    int activeConnections() const override;
    bool setFaultPolicy(std::shared_ptr<const net::FaultPolicy> policy) override;

    const httpserver::HttpServer &server() const { return *m_server; }

private:
    std::unique_ptr<httpserver::HttpServer> m_server;
    quint16 m_requestedPort;
    quint16 m_port = 0; // the bound port, kept for url() after a stop
    bool m_stopRequested = false;
    bool m_stopped = false;
};

} // namespace infralab::runtime
