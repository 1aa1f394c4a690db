#pragma once

#include "runtime/httpcomponent.h"

#include <memory>
#include <mutex>

namespace infralab::loadbalancer {
class LoadBalancer;
}

namespace infralab::metrics {
class LinkMetrics;
}

namespace infralab::runtime {
struct ComponentContext;
}

namespace infralab::loadbalancer {

// Lets the balancer's threads raise events on the component only while it exists.
struct EventGate
{
    std::mutex mutex;
    runtime::Component *component = nullptr;
};

// A `load-balancer` node: components/loadbalancer behind one HttpServer, balancing over the
// node's running HTTP links. Takes algorithm, health, ejection, sticky, retry and queue
// settings, weights and the set of backends live; everything about the listener and the
// upstream connections needs a restart. Backend state changes come out as eventRaised().
class LoadBalancerComponent final : public runtime::HttpComponent
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadBalancerComponent)

public:
    // The ComponentFactory creator; the validator has checked the config, so it cannot fail.
    static std::unique_ptr<runtime::Component> create(const runtime::ComponentContext &context,
                                                      QString *error);

    LoadBalancerComponent(const QString &nodeId, net::EventLoopPool &pool,
                          std::unique_ptr<loadbalancer::LoadBalancer> balancer,
                          std::shared_ptr<EventGate> gate,
                          std::shared_ptr<const metrics::LinkMetrics> links = {});
    ~LoadBalancerComponent() override;

    bool start(QString *error) override;
    void stop() override;
    bool applyConfig(const QJsonObject &config) override;
    bool setUpstreams(const QList<runtime::UpstreamLink> &upstreams) override;
    QJsonObject details() const override;
    QList<std::pair<QString, metrics::TrafficTotals>> linkTraffic() const override;
    // Each backend's own counters (attempts, failed ones) and state, rather than the per-link
    // metrics: the backend table is what the balancer decides by, so the canvas shows it.
    QList<runtime::LinkView> linkViews() const override;
    QList<httplog::AccessLogEntry> accessLog(int max) const override;
    // The backends table (the stats page's data) and the access log.
    runtime::NodeDetail detail() const override;
    // The link views of stats() (BackendTable::toJson()): one per backend row, draining ones
    // included, in the table's order.
    static QList<runtime::LinkView> linkViewsOf(const QJsonObject &stats);

    loadbalancer::LoadBalancer &balancer() { return *m_balancer; }

private:
    net::EventLoopPool &m_pool;
    std::unique_ptr<loadbalancer::LoadBalancer> m_balancer;
    std::shared_ptr<EventGate> m_gate;
    std::shared_ptr<const metrics::LinkMetrics> m_links;
};

} // namespace infralab::loadbalancer
