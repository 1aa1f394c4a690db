#pragma once

#include "components/trafficgenerator/generatorconfig.h"
#include "runtime/component.h"

#include <memory>

namespace infralab::net {
class EventLoopPool;
}

namespace infralab::trafficgenerator {
class TrafficGenerator;
}

namespace infralab::runtime {
struct ComponentContext;
}

namespace infralab::trafficgenerator {

// A `traffic-generator` node: a TrafficGenerator aimed at the node's running HTTP callees
// (round-robin by link weight) and at the extra `targets` URLs. It does not listen; it starts
// sending in start() (callers start after their callees) and stops sending when its duration
// or request budget is used up, while the lab keeps running. details() is its report.
class TrafficGeneratorComponent final : public runtime::Component
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficGeneratorComponent)

public:
    // The ComponentFactory creator: null with `error` set for a `targets` entry that is not
    // a loopback HTTP URL.
    static std::unique_ptr<runtime::Component> create(const runtime::ComponentContext &context,
                                                      QString *error);

    TrafficGeneratorComponent(const QString &nodeId, net::EventLoopPool &pool,
                              const QJsonObject &config,
                              QList<trafficgenerator::GeneratorTarget> targets);
    ~TrafficGeneratorComponent() override;

    bool start(QString *error) override;
    QString url() const override { return {}; }
    void stop() override;
    bool applyConfig(const QJsonObject &config) override;
    QJsonObject details() const override;
    // The load as the caller sees it: requests sent, responses by class, errors (connect,
    // reset, timeout, protocol, 5xx), bytes, and the latency the report shows.
    bool addTraffic(metrics::TrafficTotals &into) const override;
    int activeConnections() const override;
    QList<runtime::LinkView> linkViews() const override;
    // What it sends (rate, requests, in flight), its latency and success, instead of the
    // served-traffic numbers.
    runtime::NodeDetail detail() const override;
    // The link views of a report (TrafficGenerator::report()): without per-link counters, its
    // requests and failures (no answer or a 5xx; a 4xx is the client's own mistake, not the
    // link's) shared among its targets by weight, one view per target name.
    static QList<runtime::LinkView> linkViewsOf(const QJsonObject &report);

    const trafficgenerator::TrafficGenerator &generator() const { return *m_generator; }

private:
    QJsonObject m_config;
    std::unique_ptr<trafficgenerator::TrafficGenerator> m_generator;
    bool m_stopped = false;
};

} // namespace infralab::trafficgenerator
