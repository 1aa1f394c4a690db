#include "components/webserver/webservercomponent.h"

#include "components/webserver/webserver.h"
#include "metrics/linkmetrics.h"
#include "runtime/componentfactory.h"
#include "upstream/forwardfilter.h"

namespace infralab::webserver {

using runtime::Component;
using runtime::ComponentContext;
using runtime::UpstreamLink;

std::unique_ptr<Component> WebServerComponent::create(const ComponentContext &context,
                                                      QString *error)
{
    const auto config = webserver::WebServerConfig::fromJson(
        context.config, context.topologyDir.absolutePath(), error);
    if (!config)
        return nullptr;
    // Without links the prefixes are ordinary static paths (nginx without a matching location);
    // with links whose nodes are not running, the forwarder answers 502 ("no live upstreams").
    // The upstream client sends them round-robin to the node's linked HTTP nodes, like nginx
    // `location /api/ { proxy_pass http://upstreams; }`.
    httpserver::HttpFilterFactory forwarding;
    std::shared_ptr<const metrics::LinkMetrics> links;
    if (context.hasHttpCallees) {
        links = context.makeLinkMetrics();
        forwarding = [ports = context.upstreamPorts, options = config->upstream, links] {
            return std::make_unique<upstream::ForwardFilter>(ports, options, links);
        };
    }
    return std::make_unique<WebServerComponent>(
        context.nodeId, *context.pool,
        std::make_unique<webserver::WebServer>(*config, std::move(forwarding)), std::move(links));
}

// `site` is read for the server's settings before m_site takes it over.
WebServerComponent::WebServerComponent(const QString &nodeId, net::EventLoopPool &pool,
                                       std::unique_ptr<webserver::WebServer> site,
                                       std::shared_ptr<const metrics::LinkMetrics> links)
    : HttpComponent(nodeId, QStringLiteral("web-server"), pool, site->config().port,
                    site->serverOptions(), site->handlerFactory())
    , m_site(std::move(site))
    , m_links(std::move(links))
{}

WebServerComponent::~WebServerComponent() = default;

QList<std::pair<QString, metrics::TrafficTotals>> WebServerComponent::linkTraffic() const
{
    return m_links ? m_links->totals() : QList<std::pair<QString, metrics::TrafficTotals>>{};
}

QList<httplog::AccessLogEntry> WebServerComponent::accessLog(int max) const
{
    return m_site->accessLogSnapshot(max);
}

runtime::NodeDetail WebServerComponent::detail() const
{
    runtime::NodeDetail detail;
    detail.keepsAccessLog = true;
    return detail;
}

} // namespace infralab::webserver
