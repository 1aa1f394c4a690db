#pragma once

#include "components/loadbalancer/backend.h"
#include "components/loadbalancer/balancingpolicy.h"
#include "components/loadbalancer/outlierdetector.h"

#include <QJsonObject>
#include <QList>

#include <memory>
#include <vector>

class QObject;

namespace infralab::loadbalancer {

// A backend as the runtime hands it over: a running callee and its link's settings.
struct BackendLink
{
    QString nodeId;
    quint16 port = 0;
    LinkSettings settings;
};

// The settings the request path reads, changeable while running (applyConfig).
struct LiveSettings
{
    Algorithm algorithm = Algorithm::RoundRobin;
    QByteArray stickyCookie; // empty = off
    int retries = 3;
    int queueTimeoutMs = 10000;
    QByteArray statsPath = "/infralab/stats"; // empty = off
};

// What a network thread balances over: immutable once published.
struct TableSnapshot
{
    LiveSettings settings;
    std::vector<std::shared_ptr<Backend>> backends; // link order
    quint64 generation = 0;
};

// The balancer's backends and settings, shared by its network threads, its health checker and
// its component. Owner and only writer of the snapshot: the component's thread (live changes
// publish a new snapshot under the mutex and bump the generation); network threads compare
// the generation on each request (one relaxed load) and take the new snapshot only when it
// moved. A backend that leaves the table is marked removed and kept in `draining` until its
// last in-flight request ends (sweepDrained, run by the health checker's tick).
// Requests waiting for a free slot (max_connections) wait in their own thread's queue; a
// thread with waiters registers a wake-up here, and every released slot posts to those.
class BackendTable final
{
    Q_DISABLE_COPY_MOVE(BackendTable)

public:
    BackendTable(Clock clock, EventSink events);
    ~BackendTable();

    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }
    std::shared_ptr<const TableSnapshot> snapshot() const;
    const Clock &clock() const { return m_clock; }
    OutlierDetector &outliers() { return m_outliers; }
    void raise(const QString &type, const QString &message) const;

    // Live changes (the component's thread). Backends are matched by node id and port: a
    // match keeps its counters and health and takes the new link settings; a new one starts
    // up (as HAProxy's do); a missing one starts draining.
    void setBackends(const QList<BackendLink> &links);
    void setSettings(const LiveSettings &settings);
    // Forgets draining backends whose last request ended, with a "drained" event.
    void sweepDrained();

    // Slot waiters (see the class comment). `wake` runs queued in `context`'s thread.
    void addWaiter(QObject *context, std::function<void()> wake);
    void removeWaiter(QObject *context);
    void queuedChanged(int delta) { m_queued.fetch_add(delta, std::memory_order_relaxed); }
    int queued() const { return m_queued.load(std::memory_order_relaxed); }
    // A slot was released: wake the threads that have requests waiting.
    void slotFreed()
    {
        if (m_queued.load(std::memory_order_relaxed) > 0)
            wakeWaiters();
    }

    // The stats page's data (and Component::details()): settings and every backend, the
    // draining ones included.
    QJsonObject toJson() const;

private:
    void publish(std::shared_ptr<TableSnapshot> next);
    void wakeWaiters();

    Clock m_clock;
    EventSink m_events;
    OutlierDetector m_outliers;
    mutable std::mutex m_mutex; // guards m_current, m_draining and m_waiters
    std::shared_ptr<const TableSnapshot> m_current;
    std::vector<std::shared_ptr<Backend>> m_draining;
    std::vector<std::pair<QObject *, std::function<void()>>> m_waiters;
    std::atomic<quint64> m_generation{0};
    std::atomic<int> m_queued{0};
    bool m_populated = false; // setBackends() ran once: later additions are events
};

} // namespace infralab::loadbalancer
