#pragma once

#include "components/loadbalancer/backendtable.h"
#include "components/loadbalancer/healthstate.h"
#include "components/loadbalancer/loadbalancerconfig.h"

#include <QObject>

#include <map>
#include <memory>

class QTimer;

namespace infralab::upstream {
class UpstreamPool;
}

namespace infralab::loadbalancer {

// Active health checks of one balancer's backends, and its housekeeping tick. Sends
// `GET <path> HTTP/1.1` with `Connection: close` to each backend every intervalMs (a fresh
// connection per check, as HAProxy does), passes on 2xx/3xx within timeoutMs, and moves each
// backend's HealthState; every change is an event worded like HAProxy's log line. The same
// tick returns ejected backends whose time is up and forgets drained ones.
// Owner of Backend::healthy. Lives in one network thread (moved there by its creator and
// started with start()); setSettings() may be called from any thread (it is queued).
class HealthChecker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthChecker)

public:
    HealthChecker(std::shared_ptr<BackendTable> table, const HealthCheckSettings &settings,
                  int connectTimeoutMs);
    ~HealthChecker() override;

    void start(); // in the checker's thread
    void stop();  // in the checker's thread: no more checks, probes in flight cancelled
    void setSettings(const HealthCheckSettings &settings); // any thread

private:
    class Probe;
    friend class Probe;

    void applySettings(const HealthCheckSettings &settings);
    void tick();
    void reconcile();
    void probeFinished(Probe &probe, bool passed, const QString &result);
    QString survivors() const;

    std::shared_ptr<BackendTable> m_table;
    HealthCheckSettings m_settings;
    int m_connectTimeoutMs;
    std::unique_ptr<upstream::UpstreamPool> m_pool;
    QTimer *m_timer = nullptr;
    std::map<Backend *, std::unique_ptr<Probe>> m_probes;
    quint64 m_generation = ~quint64(0);
    bool m_running = false;
};

} // namespace infralab::loadbalancer
