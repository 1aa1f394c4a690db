#include "components/common/httplisteneroptions.h"

#include <limits>

namespace infralab::components {

namespace {
int intValue(const QJsonObject &config, const char *key, int fallback)
{
    return config.value(QLatin1String(key)).toInt(fallback);
}
} // namespace

httpserver::HttpServerOptions httpListenerOptions(const QJsonObject &config)
{
    httpserver::HttpServerOptions options;
    options.headerTimeoutMs = intValue(config, "header_timeout_s", 10) * 1000;
    options.bodyTimeoutMs = intValue(config, "body_timeout_s", 30) * 1000;
    options.sendTimeoutMs = intValue(config, "send_timeout_s", 60) * 1000;
    const int keepAliveMs = intValue(config, "keepalive_timeout_s", 60) * 1000;
    if (keepAliveMs == 0) {
        options.keepAliveRequests = 1;
        options.keepAliveTimeoutMs = 1000;
    } else {
        options.keepAliveTimeoutMs = keepAliveMs;
    }
    const qint64 maxBody
        = qint64(config.value(QLatin1String("max_body_bytes")).toDouble(1024 * 1024));
    options.limits.maxBody = maxBody == 0 ? http::HttpLimits::noBodyLimit : maxBody;
    const int maxConnections = intValue(config, "max_connections", 1024);
    options.maxConnections = maxConnections == 0 ? std::numeric_limits<int>::max() : maxConnections;
    return options;
}

upstream::UpstreamOptions upstreamOptions(const QJsonObject &config)
{
    // nginx proxy_connect_timeout, proxy_read_timeout and upstream keepalive.
    upstream::UpstreamOptions options;
    options.connectTimeoutMs = intValue(config, "connect_timeout_ms", options.connectTimeoutMs);
    options.responseTimeoutMs = intValue(config, "response_timeout_ms", options.responseTimeoutMs);
    options.idlePerEndpoint = intValue(config, "upstream_keepalive", options.idlePerEndpoint);
    options.forwardedHeaders = config.value(QLatin1String("forwarded_headers")).toBool(true);
    return options;
}

} // namespace infralab::components
