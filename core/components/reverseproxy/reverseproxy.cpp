#include "components/reverseproxy/reverseproxy.h"

#include "components/reverseproxy/responsecache.h"
#include "components/reverseproxy/reverseproxyhandler.h"

#include <limits>

namespace infralab::reverseproxy {

namespace {
int intValue(const QJsonObject &config, const char *key, int fallback)
{
    return config.value(QLatin1String(key)).toInt(fallback);
}
} // namespace

ReverseProxyConfig ReverseProxyConfig::fromJson(const QJsonObject &config)
{
    ReverseProxyConfig out;
    out.port = quint16(intValue(config, "port", 0));
    out.cache = config.value(QLatin1String("cache")).toBool(false);
    out.cacheTtlS = intValue(config, "cache_ttl_s", 60);
    out.cacheMaxBytes
        = qint64(config.value(QLatin1String("cache_max_bytes")).toDouble(64.0 * 1024 * 1024));

    // nginx proxy_connect_timeout, proxy_read_timeout and upstream keepalive.
    out.upstream.connectTimeoutMs = intValue(config, "connect_timeout_ms", 5000);
    out.upstream.responseTimeoutMs = intValue(config, "response_timeout_ms", 60000);
    out.upstream.idlePerEndpoint = intValue(config, "upstream_keepalive", 32);
    out.upstream.forwardedHeaders = config.value(QLatin1String("forwarded_headers")).toBool(true);

    // The client side, as the web server reads the same keys (catalogue httpListenerKeys).
    httpserver::HttpServerOptions &options = out.serverOptions;
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
    return out;
}

ReverseProxy::ReverseProxy(const ReverseProxyConfig &config, QList<quint16> upstreamPorts)
    : m_config(config)
    , m_upstreamPorts(std::move(upstreamPorts))
{
    if (m_config.cache)
        m_cache = std::make_shared<ResponseCache>(m_config.cacheMaxBytes);
    m_accessLog = std::make_shared<webserver::AccessLog>(m_config.accessLogPath);
}

ReverseProxy::~ReverseProxy() = default;

httpserver::HttpServer::HandlerFactory ReverseProxy::handlerFactory() const
{
    return [config = m_config, ports = m_upstreamPorts, cache = m_cache, log = m_accessLog] {
        return std::make_unique<ReverseProxyHandler>(config, ports, cache, log);
    };
}

QList<webserver::AccessLogEntry> ReverseProxy::accessLogSnapshot(int max) const
{
    return m_accessLog->snapshot(max);
}

int ReverseProxy::purge(QByteArrayView targetPrefix)
{
    return m_cache ? m_cache->purge(targetPrefix) : 0;
}

} // namespace infralab::reverseproxy
