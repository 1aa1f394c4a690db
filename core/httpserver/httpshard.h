#pragma once

#include "httpserver/httpexchange.h"
#include "httpserver/httpserveroptions.h"
#include "net/connectionshard.h"
#include "net/tcplistener.h"

#include <QSet>

#include <memory>

class QTimer;

namespace infralab::httpserver {

class HttpConnection;

// The HTTP side of one listener in one network thread: owns its connections, runs the
// deadline sweep (one timer for all of them, not one per connection) and drains on stop.
class HttpShard final : public net::ConnectionShard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpShard)

public:
    HttpShard(const HttpServerOptions &options, std::unique_ptr<HttpHandler> handler,
              std::shared_ptr<net::TcpListener::SharedState> listenerState,
              std::shared_ptr<HttpServerStats> stats);
    ~HttpShard() override;

    void adoptDescriptor(int fd) override;
    void beginDrain(qint64 deadlineMs) override;
    int connectionCount() const override { return int(m_connections.size()); }

    const HttpServerOptions &options() const { return m_options; }
    HttpHandler &handler() { return *m_handler; }
    HttpServerStats &stats() { return *m_stats; }
    void connectionClosed(HttpConnection *connection);

private:
    void sweep();
    void ensureSweep();
    void emitDrainedOnce();

    HttpServerOptions m_options;
    std::unique_ptr<HttpHandler> m_handler;
    std::shared_ptr<net::TcpListener::SharedState> m_listenerState;
    std::shared_ptr<HttpServerStats> m_stats;
    QSet<HttpConnection *> m_connections;
    QTimer *m_sweep = nullptr;
    qint64 m_drainDeadlineMs = 0;
    bool m_draining = false;
    bool m_drainedReported = false;
};

} // namespace infralab::httpserver
