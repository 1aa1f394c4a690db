#include "components/reverseproxy/reverseproxy.h"

#include "catalogue/settings.h"
#include "components/common/httplisteneroptions.h"
#include "components/reverseproxy/responsecache.h"
#include "components/reverseproxy/reverseproxyfilter.h"
#include "httplog/accesslogfilter.h"

namespace infralab::reverseproxy {

ReverseProxyConfig ReverseProxyConfig::fromJson(const QJsonObject &config)
{
    const Settings settings = Settings::ofNode(u"reverse-proxy", config);
    ReverseProxyConfig out;
    out.port = quint16(settings.integer("port"));
    out.cache = settings.boolean("cache");
    out.cacheTtlS = settings.integer("cache_ttl_s");
    out.cacheMaxBytes = settings.int64("cache_max_bytes");
    out.upstream = components::upstreamOptions(settings);
    out.upstream.forwardedHeaders = settings.boolean("forwarded_headers");
    out.serverOptions = components::httpListenerOptions(settings);
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
        auto router = std::make_unique<ReverseProxyFilter>(config, ports, cache);
        router->setLinkMetrics(links);
        auto chain = std::make_unique<httpserver::FilterChain>();
        chain->append(std::make_unique<httplog::AccessLogFilter>(log));
        chain->append(std::move(router));
        return chain;
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
