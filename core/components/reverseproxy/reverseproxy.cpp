#include "components/reverseproxy/reverseproxy.h"

#include "components/common/httplisteneroptions.h"
#include "components/reverseproxy/responsecache.h"
#include "components/reverseproxy/reverseproxyhandler.h"

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

    out.upstream = components::upstreamOptions(config);
    if (!config.contains(QLatin1String("response_timeout_ms")))
        out.upstream.responseTimeoutMs = 60000; // nginx proxy_read_timeout
    out.serverOptions = components::httpListenerOptions(config);
    return out;
}

ReverseProxy::ReverseProxy(const ReverseProxyConfig &config, QList<quint16> upstreamPorts,
                           std::shared_ptr<const metrics::LinkMetrics> links)
    : m_config(config)
    , m_upstreamPorts(std::move(upstreamPorts))
    , m_links(std::move(links))
{
    if (m_config.cache)
        m_cache = std::make_shared<ResponseCache>(m_config.cacheMaxBytes);
    m_accessLog = std::make_shared<httplog::AccessLog>(m_config.accessLogPath);
}

ReverseProxy::~ReverseProxy() = default;

httpserver::HttpServer::HandlerFactory ReverseProxy::handlerFactory() const
{
    return [config = m_config, ports = m_upstreamPorts, cache = m_cache, log = m_accessLog,
            links = m_links] {
        auto handler = std::make_unique<ReverseProxyHandler>(config, ports, cache, log);
        handler->setLinkMetrics(links);
        return handler;
    };
}

QList<httplog::AccessLogEntry> ReverseProxy::accessLogSnapshot(int max) const
{
    return m_accessLog->snapshot(max);
}

int ReverseProxy::purge(QByteArrayView targetPrefix)
{
    return m_cache ? m_cache->purge(targetPrefix) : 0;
}

} // namespace infralab::reverseproxy
