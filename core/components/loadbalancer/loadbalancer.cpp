#include "components/loadbalancer/loadbalancer.h"

#include "components/loadbalancer/healthchecker.h"
#include "components/loadbalancer/loadbalancerhandler.h"
#include "components/loadbalancer/statspage.h"
#include "httplog/accesslogfilter.h"
#include "net/clock.h"
#include "net/connectionshard.h"

#include <QThread>

#include <atomic>

namespace infralab::loadbalancer {

LoadBalancer::LoadBalancer(const LoadBalancerConfig &config, const QList<BackendLink> &backends,
                           EventSink events, Clock clock)
    : m_config(config)
    , m_table(std::make_shared<BackendTable>(net::orSteady(std::move(clock)), std::move(events)))
    , m_accessLog(std::make_shared<httplog::AccessLog>(config.accessLogPath))
{
    m_table->setSettings(config.live);
    m_table->outliers().setSettings(config.ejection);
    m_table->setBackends(backends);
}

LoadBalancer::~LoadBalancer()
{
    if (!m_checker)
        return;
    QThread *thread = m_checker->thread();
    if (thread->isRunning() && thread != QThread::currentThread())
        QMetaObject::invokeMethod(
            m_checker, [checker = m_checker] { delete checker; }, Qt::BlockingQueuedConnection);
    else
        delete m_checker;
}

httpserver::HttpServer::HandlerFactory LoadBalancer::handlerFactory() const
{
    return [table = m_table, options = m_config.upstream, log = m_accessLog, links = m_links,
            streams = m_streams] {
        // Each thread's random policy gets its own stream.
        auto router = std::make_unique<LoadBalancerHandler>(table, options, ++*streams);
        if (links)
            router->setLinkMetrics(links);
        auto chain = std::make_unique<httpserver::FilterChain>();
        chain->append(std::make_unique<httplog::AccessLogFilter>(log));
        chain->append(std::make_unique<StatsPageFilter>(*router));
        chain->append(std::move(router));
        return chain;
    };
}

void LoadBalancer::startHealthChecks(QThread *thread)
{
    if (m_checker)
        return;
    m_checker = new HealthChecker(m_table, m_config.health, m_config.upstream.connectTimeoutMs);
    m_checker->moveToThread(thread);
    QMetaObject::invokeMethod(m_checker, &HealthChecker::start, Qt::QueuedConnection);
}

void LoadBalancer::stopHealthChecks()
{
    if (m_checker)
        QMetaObject::invokeMethod(m_checker, &HealthChecker::stop, Qt::QueuedConnection);
}

bool LoadBalancer::applyConfig(const LoadBalancerConfig &config)
{
    if (!m_config.sameRestartSettings(config))
        return false;
    const bool algorithmChanged = config.live.algorithm != m_config.live.algorithm;
    m_table->setSettings(config.live);
    m_table->outliers().setSettings(config.ejection);
    if (m_checker && !(config.health == m_config.health))
        m_checker->setSettings(config.health);
    m_config.live = config.live;
    m_config.health = config.health;
    m_config.ejection = config.ejection;
    m_table->raise(
        QStringLiteral("config-applied"),
        algorithmChanged
            ? QStringLiteral("algorithm is now %1").arg(algorithmName(config.live.algorithm))
            : QStringLiteral("settings applied while running"));
    return true;
}

void LoadBalancer::setBackends(const QList<BackendLink> &backends)
{
    m_table->setBackends(backends);
}

QList<httplog::AccessLogEntry> LoadBalancer::accessLogSnapshot(int max) const
{
    return m_accessLog->snapshot(max);
}

} // namespace infralab::loadbalancer
