#include "httpserver/httpshard.h"

#include "httpserver/httpconnection.h"

#include <algorithm>
#include <utility>

namespace infralab::httpserver {

namespace {
// Deadlines are checked at a quarter of the shortest timeout, at most once a second: one
// timer for thousands of connections instead of one each.
int sweepInterval(const HttpServerOptions &options)
{
    return std::min({options.headerTimeoutMs, options.bodyTimeoutMs, options.keepAliveTimeoutMs,
                     options.sendTimeoutMs})
           / 4;
}
} // namespace

HttpShard::HttpShard(const HttpServerOptions &options, std::unique_ptr<HttpHandler> handler,
                     std::shared_ptr<net::TcpListener::SharedState> listenerState,
                     std::shared_ptr<metrics::TrafficRecorder> recorder,
                     metrics::TrafficCounters &traffic)
    : net::StreamShard(std::move(listenerState), sweepInterval(options))
    , m_options(options)
    , m_handler(std::move(handler))
    , m_recorder(std::move(recorder))
    , m_traffic(traffic)
{}

HttpShard::~HttpShard()
{
    // The connections go before the handler does, so an asynchronous handler's cancel
    // callbacks still find it alive.
    destroyConnections();
}

net::StreamConnection *HttpShard::createConnection(int fd)
{
    return new HttpConnection(fd, this);
}

} // namespace infralab::httpserver
