#include "components/loadbalancer/loadbalancercomponent.h"

#include "catalogue/settings.h"
#include "components/loadbalancer/loadbalancer.h"
#include "metrics/linkmetrics.h"
#include "net/eventlooppool.h"
#include "runtime/componentfactory.h"

#include <QJsonArray>
#include <QLocale>

namespace infralab::loadbalancer {

using runtime::Component;
using runtime::ComponentContext;
using runtime::UpstreamLink;

namespace {
// The balancer speaks HTTP only: other callees (validation allows none today) are skipped.
QList<loadbalancer::BackendLink> backendLinks(const QList<UpstreamLink> &upstreams)
{
    QList<loadbalancer::BackendLink> links;
    for (const UpstreamLink &u : ComponentContext::onlyHttp(upstreams)) {
        const Settings link = Settings::ofLink(u"load-balancer", u.config);
        loadbalancer::LinkSettings settings;
        settings.weight = link.integer("weight");
        settings.backup = link.boolean("backup");
        settings.maxConnections = link.integer("max_connections");
        links.append({u.nodeId, u.port, settings});
    }
    return links;
}
} // namespace

std::unique_ptr<Component> LoadBalancerComponent::create(const ComponentContext &context,
                                                         QString *error)
{
    Q_UNUSED(error);
    loadbalancer::LoadBalancerConfig config
        = loadbalancer::LoadBalancerConfig::fromJson(context.config);
    config.accessLogPath = context.resolvePath(config.accessLog);
    auto gate = std::make_shared<EventGate>();
    auto events = [gate](const QString &type, const QString &message) {
        std::lock_guard lock(gate->mutex);
        if (gate->component)
            emit gate->component->eventRaised(type, message);
    };
    auto balancer = std::make_unique<loadbalancer::LoadBalancer>(
        config, backendLinks(context.upstreams), events);
    std::shared_ptr<const metrics::LinkMetrics> links = context.makeLinkMetrics();
    balancer->setLinkMetrics(links);
    return std::make_unique<LoadBalancerComponent>(context.nodeId, *context.pool,
                                                   std::move(balancer), gate, links);
}

// `balancer` is read for the server's settings before m_balancer takes it over.
LoadBalancerComponent::LoadBalancerComponent(const QString &nodeId, net::EventLoopPool &pool,
                                             std::unique_ptr<loadbalancer::LoadBalancer> balancer,
                                             std::shared_ptr<EventGate> gate,
                                             std::shared_ptr<const metrics::LinkMetrics> links)
    : HttpComponent(nodeId, QStringLiteral("load-balancer"), pool, balancer->config().port,
                    balancer->config().serverOptions, balancer->handlerFactory())
    , m_pool(pool)
    , m_balancer(std::move(balancer))
    , m_gate(std::move(gate))
    , m_links(std::move(links))
{
    std::lock_guard lock(m_gate->mutex);
    m_gate->component = this;
}

LoadBalancerComponent::~LoadBalancerComponent()
{
    std::lock_guard lock(m_gate->mutex);
    m_gate->component = nullptr;
}

bool LoadBalancerComponent::start(QString *error)
{
    if (!HttpComponent::start(error))
        return false;
    m_balancer->startHealthChecks(m_pool.thread(0));
    return true;
}

void LoadBalancerComponent::stop()
{
    m_balancer->stopHealthChecks();
    HttpComponent::stop();
}

bool LoadBalancerComponent::applyConfig(const QJsonObject &config)
{
    return m_balancer->applyConfig(loadbalancer::LoadBalancerConfig::fromJson(config));
}

bool LoadBalancerComponent::setUpstreams(const QList<UpstreamLink> &upstreams)
{
    m_balancer->setBackends(backendLinks(upstreams));
    return true;
}

QJsonObject LoadBalancerComponent::details() const
{
    return m_balancer->stats();
}

QList<std::pair<QString, metrics::TrafficTotals>> LoadBalancerComponent::linkTraffic() const
{
    return m_links ? m_links->totals() : QList<std::pair<QString, metrics::TrafficTotals>>{};
}

QList<runtime::LinkView> LoadBalancerComponent::linkViews() const
{
    return linkViewsOf(m_balancer->stats());
}

QList<runtime::LinkView> LoadBalancerComponent::linkViewsOf(const QJsonObject &stats)
{
    QList<runtime::LinkView> views;
    for (const QJsonValue &value : stats.value(QLatin1String("backends")).toArray()) {
        const QJsonObject backend = value.toObject();
        views.append(
            {backend.value(QLatin1String("id")).toString(),
             backend.value(QLatin1String("requests")).toDouble(),
             backend.value(QLatin1String("failures")).toDouble(),
             runtime::calleeHealthFromName(backend.value(QLatin1String("state")).toString())});
    }
    return views;
}

runtime::NodeDetail LoadBalancerComponent::detail() const
{
    const auto count = [](const QJsonValue &value) {
        return QLocale().toString(qint64(value.toDouble()));
    };
    runtime::DetailSection backends;
    backends.title = tr("Backends");
    backends.columns = {tr("Backend"),  tr("State"),    tr("Weight"),    tr("Active"),
                        tr("Requests"), tr("Failures"), tr("Last check")};
    for (const QJsonValue &value : m_balancer->stats().value(QLatin1String("backends")).toArray()) {
        const QJsonObject b = value.toObject();
        const QJsonObject check = b.value(QLatin1String("last_check")).toObject();
        const QString state = b.value(QLatin1String("state")).toString();
        const QString lastCheck
            = check.isEmpty() ? QStringLiteral("—")
                              : tr("%1 (%2 ms ago)")
                                    .arg(check.value(QLatin1String("result")).toString())
                                    .arg(qint64(check.value(QLatin1String("ago_ms")).toDouble()));
        backends.rows.append({
            {b.value(QLatin1String("id")).toString()},
            {state,
             state == QLatin1String("up") ? runtime::CellTone::Good : runtime::CellTone::Bad},
            {QString::number(b.value(QLatin1String("weight")).toInt())},
            {QString::number(b.value(QLatin1String("active")).toInt())},
            {count(b.value(QLatin1String("requests")))},
            {count(b.value(QLatin1String("failures")))},
            {lastCheck},
        });
    }
    runtime::NodeDetail detail;
    detail.sections.append(std::move(backends));
    detail.keepsAccessLog = true;
    return detail;
}

QList<httplog::AccessLogEntry> LoadBalancerComponent::accessLog(int max) const
{
    return m_balancer->accessLogSnapshot(max);
}

} // namespace infralab::loadbalancer
