#include "components/reverseproxy/reverseproxycomponent.h"

#include "components/reverseproxy/reverseproxy.h"
#include "metrics/linkmetrics.h"
#include "runtime/componentfactory.h"

namespace infralab::reverseproxy {

using runtime::Component;
using runtime::ComponentContext;
using runtime::UpstreamLink;

std::unique_ptr<Component> ReverseProxyComponent::create(const ComponentContext &context,
                                                         QString *error)
{
    Q_UNUSED(error);
    reverseproxy::ReverseProxyConfig config
        = reverseproxy::ReverseProxyConfig::fromJson(context.config);
    config.accessLogPath
        = context.resolvePath(context.config.value(QLatin1String("access_log")).toString());
    std::shared_ptr<const metrics::LinkMetrics> links = context.makeLinkMetrics();
    return std::make_unique<ReverseProxyComponent>(
        context.nodeId, *context.pool,
        std::make_unique<reverseproxy::ReverseProxy>(config, context.upstreamPorts, links), links);
}

// `proxy` is read for the server's settings before m_proxy takes it over.
ReverseProxyComponent::ReverseProxyComponent(const QString &nodeId, net::EventLoopPool &pool,
                                             std::unique_ptr<reverseproxy::ReverseProxy> proxy,
                                             std::shared_ptr<const metrics::LinkMetrics> links)
    : HttpComponent(nodeId, QStringLiteral("reverse-proxy"), pool, proxy->config().port,
                    proxy->config().serverOptions, proxy->handlerFactory())
    , m_proxy(std::move(proxy))
    , m_links(std::move(links))
{}

QList<std::pair<QString, metrics::TrafficTotals>> ReverseProxyComponent::linkTraffic() const
{
    return m_links ? m_links->totals() : QList<std::pair<QString, metrics::TrafficTotals>>{};
}

ReverseProxyComponent::~ReverseProxyComponent() = default;

int ReverseProxyComponent::purgeCache(QByteArrayView targetPrefix)
{
    return m_proxy->purge(targetPrefix);
}

QList<httplog::AccessLogEntry> ReverseProxyComponent::accessLog(int max) const
{
    return m_proxy->accessLogSnapshot(max);
}

runtime::NodeDetail ReverseProxyComponent::detail() const
{
    runtime::NodeDetail detail;
    detail.keepsAccessLog = true;
    return detail;
}

} // namespace infralab::reverseproxy
