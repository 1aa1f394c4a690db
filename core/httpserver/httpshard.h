#pragma once

#include "httpserver/httpexchange.h"
#include "httpserver/httpserveroptions.h"
#include "net/streamshard.h"

#include <memory>

namespace infralab::metrics {
class TrafficCounters;
class TrafficRecorder;
} // namespace infralab::metrics

namespace infralab::httpserver {

class HttpConnection;

// The HTTP side of one listener in one network thread: the generic StreamShard (connection
// set, cap, deadline sweep, drain) making HttpConnections, plus what they share in this
// thread: the options, the handler and the traffic counters.
class HttpShard final : public net::StreamShard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpShard)

public:
    HttpShard(const HttpServerOptions &options, std::unique_ptr<HttpHandler> handler,
              std::shared_ptr<net::TcpListener::SharedState> listenerState,
              std::shared_ptr<metrics::TrafficRecorder> recorder,
              metrics::TrafficCounters &traffic);
    ~HttpShard() override;

    const HttpServerOptions &options() const { return m_options; }
    HttpHandler &handler() { return *m_handler; }
    // This thread's counters of the server (only this shard writes them).
    metrics::TrafficCounters &traffic() { return m_traffic; }

protected:
    net::StreamConnection *createConnection(int fd) override;

private:
    HttpServerOptions m_options;
    std::unique_ptr<HttpHandler> m_handler;
    std::shared_ptr<metrics::TrafficRecorder> m_recorder; // keeps m_traffic alive
    metrics::TrafficCounters &m_traffic;
};

} // namespace infralab::httpserver
