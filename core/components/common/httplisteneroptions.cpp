#include "components/common/httplisteneroptions.h"

#include "catalogue/settings.h"

#include <limits>

namespace infralab::components {

httpserver::HttpServerOptions httpListenerOptions(const Settings &settings)
{
    httpserver::HttpServerOptions options;
    options.headerTimeoutMs = settings.integer("header_timeout_s") * 1000;
    options.bodyTimeoutMs = settings.integer("body_timeout_s") * 1000;
    options.sendTimeoutMs = settings.integer("send_timeout_s") * 1000;
    const int keepAliveMs = settings.integer("keepalive_timeout_s") * 1000;
    if (keepAliveMs == 0) {
        options.keepAliveRequests = 1; // keepalive_timeout 0: close after each response
        options.keepAliveTimeoutMs = 1000;
    } else {
        options.keepAliveTimeoutMs = keepAliveMs;
    }
    const qint64 maxBody = settings.int64("max_body_bytes");
    options.limits.maxBody = maxBody == 0 ? http::HttpLimits::noBodyLimit : maxBody;
    const int maxConnections = settings.integer("max_connections");
    options.maxConnections = maxConnections == 0 ? std::numeric_limits<int>::max() : maxConnections;
    return options;
}

upstream::UpstreamOptions upstreamOptions(const Settings &settings)
{
    upstream::UpstreamOptions options;
    options.connectTimeoutMs = settings.integer("connect_timeout_ms");
    options.responseTimeoutMs = settings.integer("response_timeout_ms");
    options.idlePerEndpoint = settings.integer("upstream_keepalive");
    return options;
}

} // namespace infralab::components
