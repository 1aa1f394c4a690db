#pragma once

#include "components/loadbalancer/backendtable.h"
#include "components/loadbalancer/loadbalancerconfig.h"
#include "httplog/accesslog.h"
#include "httpserver/httpserver.h"

#include <QJsonObject>
#include <QList>

#include <atomic>
#include <memory>

class QThread;

namespace infralab::metrics {
class LinkMetrics;
}

namespace infralab::loadbalancer {

class HealthChecker;

// One `load-balancer` node's serving side: the BackendTable its per-thread handlers balance
// over, the HealthChecker that runs in one network thread, and the live changes.
// Threads: made, changed and destroyed in the component's thread; handlers run in the network
// threads; the checker in `healthThread`. Handlers keep the table alive, so destroying this
// before the server has stopped is safe.
//
//     LoadBalancer lb(config, backends, events);
//     HttpServer server(pool, config.serverOptions, lb.handlerFactory());
//     server.listen(port, &error);
//     lb.startHealthChecks(pool.thread(0));
class LoadBalancer final
{
    Q_DISABLE_COPY_MOVE(LoadBalancer)

public:
    LoadBalancer(const LoadBalancerConfig &config, const QList<BackendLink> &backends,
                 EventSink events, Clock clock = {});
    ~LoadBalancer();

    const LoadBalancerConfig &config() const { return m_config; }
    httpserver::HttpServer::HandlerFactory handlerFactory() const;
    // The first of the random streams handlerFactory() gives its per-thread handlers (the
    // random policy, power-of-two choices); the same seed gives the same choices.
    void setRandomSeed(quint64 seed) { m_streams->store(seed); }
    // What each backend link saw from the balancer's side (per-link metrics); set before
    // handlerFactory() is used. Backends added live later are not in it until a restart.
    void setLinkMetrics(std::shared_ptr<const metrics::LinkMetrics> links)
    {
        m_links = std::move(links);
    }
    BackendTable &table() { return *m_table; }

    void startHealthChecks(QThread *thread);
    void stopHealthChecks();

    // Live changes: true when applied without dropping a connection; false (and nothing
    // changed) when `config` differs in a setting that needs a restart.
    bool applyConfig(const LoadBalancerConfig &config);
    void setBackends(const QList<BackendLink> &backends);

    QJsonObject stats() const { return m_table->toJson(); }
    QList<httplog::AccessLogEntry> accessLogSnapshot(int max = -1) const;

private:
    LoadBalancerConfig m_config;
    std::shared_ptr<BackendTable> m_table;
    std::shared_ptr<httplog::AccessLog> m_accessLog;
    std::shared_ptr<const metrics::LinkMetrics> m_links;
    // The next handler's random stream; this balancer's own, not the process's.
    std::shared_ptr<std::atomic<quint64>> m_streams
        = std::make_shared<std::atomic<quint64>>(0x9e3779b97f4a7c15ULL);
    HealthChecker *m_checker = nullptr; // lives in its network thread; deleted there
};

} // namespace infralab::loadbalancer
