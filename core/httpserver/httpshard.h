#pragma once

#include "httpserver/httpexchange.h"
#include "httpserver/httpserveroptions.h"
#include "net/connectionshard.h"
#include "net/tcplistener.h"

#include <QSet>

#include <memory>

class QTimer;

namespace infralab::metrics {
class TrafficCounters;
class TrafficRecorder;
} // namespace infralab::metrics

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
              std::shared_ptr<metrics::TrafficRecorder> recorder,
              metrics::TrafficCounters &traffic);
    ~HttpShard() override;

    void adoptDescriptor(int fd) override;
    void beginDrain(qint64 deadlineMs) override;
    int connectionCount() const override { return int(m_connections.size()); }
    void reclaimIdle() override;

    const HttpServerOptions &options() const { return m_options; }
    HttpHandler &handler() { return *m_handler; }
    // This thread's counters of the server (only this shard writes them).
    metrics::TrafficCounters &traffic() { return m_traffic; }
    const net::FaultHook &faults() const { return m_listenerState->faults; }
    void connectionClosed(HttpConnection *connection);

private:
    void sweep();
    void ensureSweep();
    void emitDrainedOnce();

    HttpServerOptions m_options;
    std::unique_ptr<HttpHandler> m_handler;
    std::shared_ptr<net::TcpListener::SharedState> m_listenerState;
    std::shared_ptr<metrics::TrafficRecorder> m_recorder; // keeps m_traffic alive
    metrics::TrafficCounters &m_traffic;
    QSet<HttpConnection *> m_connections;
    QTimer *m_sweep = nullptr;
    qint64 m_drainDeadlineMs = 0;
    bool m_draining = false;
    bool m_drainedReported = false;
};

} // namespace infralab::httpserver
