#include "components/trafficgenerator/trafficgeneratorcomponent.h"

#include "catalogue/settings.h"
#include "components/trafficgenerator/trafficgenerator.h"
#include "metrics/quantitytext.h"
#include "metrics/traffictotals.h"
#include "runtime/componentfactory.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace infralab::trafficgenerator {

using runtime::Component;
using runtime::ComponentContext;
using runtime::UpstreamLink;

std::unique_ptr<Component> TrafficGeneratorComponent::create(const ComponentContext &context,
                                                             QString *error)
{
    QList<GeneratorTarget> targets;
    for (const UpstreamLink &link : context.httpUpstreams()) {
        const Settings settings = Settings::ofLink(u"traffic-generator", link.config);
        targets.append({link.nodeId, link.port, settings.integer("weight")});
    }
    const GeneratorConfig config = GeneratorConfig::fromJson(context.config);
    for (const QString &url : config.extraTargets) {
        GeneratorTarget target;
        target.name = url;
        if (!trafficgenerator::parseLoopbackUrl(url, &target.port, error))
            return nullptr;
        targets.append(target);
    }
    return std::make_unique<TrafficGeneratorComponent>(context.nodeId, *context.pool,
                                                       context.config, std::move(targets));
}

TrafficGeneratorComponent::TrafficGeneratorComponent(const QString &nodeId,
                                                     net::EventLoopPool &pool,
                                                     const QJsonObject &config,
                                                     QList<GeneratorTarget> targets)
    : Component(nodeId, QStringLiteral("traffic-generator"))
    , m_config(config)
    , m_generator(std::make_unique<TrafficGenerator>(GeneratorConfig::fromJson(config),
                                                     std::move(targets), pool))
{
    connect(m_generator.get(), &TrafficGenerator::finished, this, [this] {
        const auto totals = m_generator->totals();
        emit eventRaised(QStringLiteral("generator-finished"),
                         QStringLiteral("sent %1 requests; the duration or request budget is "
                                        "used up")
                             .arg(totals.sent));
    });
    connect(m_generator.get(), &TrafficGenerator::stopped, this, [this] {
        if (m_stopped)
            return;
        m_stopped = true;
        emit stopped();
    });
}

TrafficGeneratorComponent::~TrafficGeneratorComponent() = default;

bool TrafficGeneratorComponent::start(QString *error)
{
    Q_UNUSED(error);
    m_generator->start();
    if (m_generator->state() == TrafficGenerator::State::NoTarget) {
        // Queued: whoever started us connects to eventRaised after start() returns.
        QMetaObject::invokeMethod(
            this,
            [this] {
                emit eventRaised(QStringLiteral("no-target"),
                                 QStringLiteral("no linked node is running, so no traffic is "
                                                "sent"));
            },
            Qt::QueuedConnection);
    }
    return true;
}

void TrafficGeneratorComponent::stop()
{
    m_generator->stop();
}

bool TrafficGeneratorComponent::applyConfig(const QJsonObject &config)
{
    QStringList changed;
    for (auto it = config.begin(); it != config.end(); ++it) {
        if (m_config.value(it.key()) != it.value())
            changed.append(it.key());
    }
    for (auto it = m_config.begin(); it != m_config.end(); ++it) {
        if (!config.contains(it.key()))
            changed.append(it.key());
    }
    if (changed.isEmpty())
        return true;
    if (!m_generator->applyConfig(GeneratorConfig::fromJson(config), changed))
        return false;
    m_config = config;
    emit eventRaised(QStringLiteral("config-applied"),
                     QStringLiteral("changed live: %1").arg(changed.join(QStringLiteral(", "))));
    return true;
}

QJsonObject TrafficGeneratorComponent::details() const
{
    return m_generator->report();
}

bool TrafficGeneratorComponent::addTraffic(metrics::TrafficTotals &into) const
{
    using metrics::ErrorKind;
    using trafficgenerator::ErrorClass;
    const trafficgenerator::GeneratorTotals totals = m_generator->totals();
    metrics::TrafficTotals traffic;
    traffic.requests = totals.sent;
    traffic.responses = totals.statusClass;
    traffic.errors[std::size_t(ErrorKind::ConnectRefused)] = totals.errorCount(ErrorClass::Connect);
    traffic.errors[std::size_t(ErrorKind::Reset)] = totals.errorCount(ErrorClass::Reset);
    traffic.errors[std::size_t(ErrorKind::Timeout)] = totals.errorCount(ErrorClass::Timeout);
    traffic.errors[std::size_t(ErrorKind::Protocol)] = totals.errorCount(ErrorClass::Protocol);
    traffic.errors[std::size_t(ErrorKind::ServerError)] = totals.statusClass[5];
    traffic.bytesIn = totals.bytesIn;
    traffic.bytesOut = totals.bytesOut;
    traffic.latency = totals.latency;
    into.merge(traffic);
    return true;
}

int TrafficGeneratorComponent::activeConnections() const
{
    return m_generator->openConnections();
}

runtime::NodeDetail TrafficGeneratorComponent::detail() const
{
    const QJsonObject report = m_generator->report();
    runtime::NodeDetail detail;
    if (!report.contains(QLatin1String("current_rate")))
        return detail;
    const QJsonObject latency = report.value(QLatin1String("latency_ms")).toObject();
    detail.sendingRate = report.value(QLatin1String("current_rate")).toDouble();
    detail.sent = report.value(QLatin1String("requests")).toDouble();
    detail.summary << tr("Sending <b>%1</b> · %2 requests · %3 in flight")
                          .arg(rateText(report.value(QLatin1String("current_rate")).toDouble()),
                               QLocale().toString(
                                   qint64(report.value(QLatin1String("requests")).toDouble())))
                          .arg(report.value(QLatin1String("in_flight")).toInt())
                   << tr("Latency: p50 %1 · p90 %2 · p99 %3")
                          .arg(latencyText(latency.value(QLatin1String("p50")).toDouble()),
                               latencyText(latency.value(QLatin1String("p90")).toDouble()),
                               latencyText(latency.value(QLatin1String("p99")).toDouble()))
                   << tr("Success %1% · state %2")
                          .arg(QLocale().toString(
                                   report.value(QLatin1String("success")).toDouble() * 100, 'f', 2),
                               report.value(QLatin1String("state")).toString());
    return detail;
}

QList<runtime::LinkView> TrafficGeneratorComponent::linkViews() const
{
    return linkViewsOf(m_generator->report());
}

QList<runtime::LinkView> TrafficGeneratorComponent::linkViewsOf(const QJsonObject &report)
{
    const QJsonObject errors = report.value(QLatin1String("errors")).toObject();
    double failures = 0;
    for (const char *key : {"connect", "timeout", "reset", "protocol", "5xx"})
        failures += errors.value(QLatin1String(key)).toDouble();
    const double requests = report.value(QLatin1String("requests")).toDouble();
    QList<std::pair<QString, int>> weights; // by target name, in report order
    int totalWeight = 0;
    for (const QJsonValue &value : report.value(QLatin1String("targets")).toArray()) {
        const QJsonObject target = value.toObject();
        const QString name = target.value(QLatin1String("name")).toString();
        const int weight = target.value(QLatin1String("weight")).toInt(1);
        totalWeight += weight;
        const auto it = std::find_if(weights.begin(), weights.end(),
                                     [&name](const auto &entry) { return entry.first == name; });
        if (it == weights.end())
            weights.append({name, weight});
        else
            it->second += weight;
    }
    QList<runtime::LinkView> views;
    if (totalWeight <= 0)
        return views;
    for (const auto &[name, weight] : std::as_const(weights)) {
        const double share = double(weight) / totalWeight;
        views.append({name, requests * share, failures * share});
    }
    return views;
}

} // namespace infralab::trafficgenerator
