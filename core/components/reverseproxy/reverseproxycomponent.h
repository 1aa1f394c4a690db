#pragma once

#include "runtime/httpcomponent.h"

#include <memory>

namespace infralab::reverseproxy {
class ReverseProxy;
}

namespace infralab::metrics {
class LinkMetrics;
}

namespace infralab::runtime {
struct ComponentContext;
}

namespace infralab::reverseproxy {

// A `reverse-proxy` node: components/reverseproxy behind one HttpServer, forwarding to the
// node's running HTTP links (none → 502, nginx's "no live upstreams").
class ReverseProxyComponent final : public runtime::HttpComponent
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReverseProxyComponent)

public:
    // The ComponentFactory creator; the validator has checked the config, so it cannot fail.
    static std::unique_ptr<runtime::Component> create(const runtime::ComponentContext &context,
                                                      QString *error);

    ReverseProxyComponent(const QString &nodeId, net::EventLoopPool &pool,
                          std::unique_ptr<reverseproxy::ReverseProxy> proxy,
                          std::shared_ptr<const metrics::LinkMetrics> links = {});
    ~ReverseProxyComponent() override;

    // The cache's purge action (for the control API and the GUI); any thread.
    int purgeCache(QByteArrayView targetPrefix);
    const reverseproxy::ReverseProxy &proxy() const { return *m_proxy; }
    QList<std::pair<QString, metrics::TrafficTotals>> linkTraffic() const override;
    QList<httplog::AccessLogEntry> accessLog(int max) const override;
    runtime::NodeDetail detail() const override;

private:
    std::unique_ptr<reverseproxy::ReverseProxy> m_proxy;
    std::shared_ptr<const metrics::LinkMetrics> m_links;
};

} // namespace infralab::reverseproxy
