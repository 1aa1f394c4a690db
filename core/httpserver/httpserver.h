#pragma once

#include "httpserver/httpexchange.h"
#include "httpserver/httpserveroptions.h"
#include "metrics/traffictotals.h"

#include <QObject>

#include <functional>
#include <memory>

namespace infralab::net {
class EventLoopPool;
class FaultPolicy;
class TcpListener;
} // namespace infralab::net

namespace infralab::metrics {
class TrafficRecorder;
}

namespace infralab::httpserver {

// An HTTP/1.1 server on one 127.0.0.1 port: the plumbing the web server, reverse proxy, load
// balancer, gateway and app server share. Accepts on the pool, parses strictly, enforces the
// limits and timeouts of HttpServerOptions and calls a handler made per network thread.
// Created and controlled from one thread (the runtime's); its connections live in the pool.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using HandlerFactory = std::function<std::unique_ptr<HttpHandler>()>;

    HttpServer(net::EventLoopPool &pool, const HttpServerOptions &options,
               HandlerFactory handlerFactory, QObject *parent = nullptr);
    ~HttpServer() override;

    // Binds 127.0.0.1:port (0 = a free port) and starts serving; false with `error` set.
    bool listen(quint16 port, QString *error);
    quint16 port() const;
    bool isListening() const;
    int activeConnections() const;
    // Everything served so far (also after a stop): each network thread counts into its own
    // counters, this adds them up. Any thread.
    metrics::TrafficTotals traffic() const;

    // Fault injection's hook on this server's connections (null = none); kept across
    // restarts of the listener. Call from the server's thread.
    void setFaultPolicy(std::shared_ptr<const net::FaultPolicy> policy);

    // Graceful stop: the port closes at once, in-flight requests get drainTimeoutMs.
    void stop();

signals:
    void stopped();

private:
    net::EventLoopPool &m_pool;
    HttpServerOptions m_options;
    HandlerFactory m_handlerFactory;
    std::shared_ptr<metrics::TrafficRecorder> m_traffic;
    std::shared_ptr<const net::FaultPolicy> m_faultPolicy;
    std::unique_ptr<net::TcpListener> m_listener;
};

} // namespace infralab::httpserver
