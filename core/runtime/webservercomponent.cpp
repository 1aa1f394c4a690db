#include "runtime/webservercomponent.h"

#include "components/webserver/webserver.h"
#include "runtime/componentfactory.h"

namespace infralab::runtime {

std::unique_ptr<Component> WebServerComponent::create(const ComponentContext &context,
                                                      QString *error)
{
    const auto config = webserver::WebServerConfig::fromJson(
        context.config, context.topologyDir.absolutePath(), error);
    if (!config)
        return nullptr;
    return std::make_unique<WebServerComponent>(context.nodeId, *context.pool,
                                                std::make_unique<webserver::WebServer>(*config));
}

// `site` is read for the server's settings before m_site takes it over.
WebServerComponent::WebServerComponent(const QString &nodeId, net::EventLoopPool &pool,
                                       std::unique_ptr<webserver::WebServer> site)
    : HttpComponent(nodeId, QStringLiteral("web-server"), pool, site->config().port,
                    site->serverOptions(), site->handlerFactory())
    , m_site(std::move(site))
{}

WebServerComponent::~WebServerComponent() = default;

} // namespace infralab::runtime
