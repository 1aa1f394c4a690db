#pragma once

#include "runtime/httpcomponent.h"

#include <memory>

namespace infralab::webserver {
class WebServer;
}

namespace infralab::metrics {
class LinkMetrics;
}

namespace infralab::runtime {
struct ComponentContext;
}

namespace infralab::webserver {

// A `web-server` node: the static site of components/webserver behind one HttpServer.
// Forwarding (`forward_prefixes` to linked upstreams) comes with the proxy work; until then
// those paths are served as files.
class WebServerComponent final : public runtime::HttpComponent
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebServerComponent)

public:
    // The ComponentFactory creator: null with `error` set for a root or error-page folder
    // that is missing or unreadable (relative paths resolve against the topology's folder).
    static std::unique_ptr<runtime::Component> create(const runtime::ComponentContext &context,
                                                      QString *error);

    WebServerComponent(const QString &nodeId, net::EventLoopPool &pool,
                       std::unique_ptr<webserver::WebServer> site,
                       std::shared_ptr<const metrics::LinkMetrics> links = {});
    ~WebServerComponent() override;

    const webserver::WebServer &site() const { return *m_site; }
    QList<std::pair<QString, metrics::TrafficTotals>> linkTraffic() const override;
    QList<httplog::AccessLogEntry> accessLog(int max) const override;
    runtime::NodeDetail detail() const override;

private:
    std::unique_ptr<webserver::WebServer> m_site;
    std::shared_ptr<const metrics::LinkMetrics> m_links; // of forward_prefixes' forwarding
};

} // namespace infralab::webserver
