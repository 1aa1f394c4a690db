#pragma once

#include "model/topology.h"
#include "runtime/componentfactory.h"
#include "runtime/eventlog.h"
#include "runtime/nodedetail.h"
#include "runtime/nodestate.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace infralab::metrics {
class MetricsCollector;
}

namespace infralab::runtime {

class Component;

// A topology bound to running components: the network threads, one Component per node, the
// numbered event log and the metrics collector. Starts nodes callees first and stops them
// callers first; starts, stops and restarts single nodes; applies an edited topology to the
// running lab (new nodes start, removed ones stop, changed config and links go to the
// component live or restart it). A node that cannot start (its port is taken) fails alone with
// the reason and the rest keep running, unless StopAll is asked (`infralab run`'s contract).
// A restarted node keeps its bound port, so its callers need no rewiring. Lives in, and is
// used from, one thread (the runtime's); its components' connections live in the pool.
class Lab final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Lab)

public:
    enum class FailurePolicy {
        KeepOthers, // a failed node is reported; the others run on
        StopAll,    // the first failure stops everything again (start() returns false)
    };

    explicit Lab(ComponentFactory factory, QObject *parent = nullptr);
    ~Lab() override; // closes everything at once, without draining

    // Binds `topology` (already validated) and starts every node. `topologyDir` resolves
    // relative config paths; `threadCount` 0 = one network thread per core. Returns false when
    // a node failed (with StopAll everything is then being stopped again). Only when stopped.
    bool start(const Topology &topology, const QString &topologyDir, int threadCount = 0,
               FailurePolicy policy = FailurePolicy::KeepOthers);
    // Graceful: stops the running nodes callers first, each after the previous one drained,
    // releases the threads and emits stopped() (from the event loop, also when idle).
    void stop();
    bool isRunning() const { return m_pool && !m_stopping; }
    // nice(2) increment of the network threads of the next start() (EventLoopPool); 0 for
    // `infralab run`, the GUI's LabSession lowers them below its own thread.
    void setNetworkNiceness(int niceness) { m_networkNiceness = niceness; }

    // Per node, while running. False with `error` set for an unknown id or a node in the
    // wrong state. stopNode drains gracefully; restartNode stops, then starts on the same port.
    bool startNode(const QString &nodeId, QString *error = nullptr);
    bool stopNode(const QString &nodeId, QString *error = nullptr);
    bool restartNode(const QString &nodeId, QString *error = nullptr);

    // Brings the running lab to `topology` (already validated): see the class comment.
    void apply(const Topology &topology);

    const Topology &topology() const { return m_topology; }
    NodeState state(const QString &nodeId) const;
    QString stateDetail(const QString &nodeId) const;
    const Component *component(const QString &nodeId) const;
    Component *component(const QString &nodeId);
    // The component's details() while it runs, else what it showed when it last stopped (a
    // generator's summary after the run).
    QJsonObject details(const QString &nodeId) const;
    // The same for the component's detail().
    NodeDetail detail(const QString &nodeId) const;
    const EventLog &events() const { return m_events; }
    metrics::MetricsCollector &metrics() { return *m_metrics; }
    const metrics::MetricsCollector &metrics() const { return *m_metrics; }

signals:
    void nodeStateChanged(const QString &nodeId, infralab::runtime::NodeState state,
                          const QString &detail);
    void eventLogged(const infralab::runtime::LabEvent &event);
    void stopped();

private:
    struct Slot;

    bool launch(const QString &nodeId);
    void halt(Slot &slot);
    void componentStopped(const QString &nodeId, const Component *component);
    void setState(const QString &nodeId, Slot &slot, NodeState state, const QString &detail = {});
    void logEvent(const QString &nodeId, const QString &type, const QString &message);
    ComponentContext contextFor(const Node &node, const Slot &slot) const;
    QList<UpstreamLink> upstreamsOf(const Node &node) const;
    void rewireCallersOf(const QString &nodeId);
    void applyUpstreams(const QString &nodeId, Slot &slot);
    void stopNext();
    void finishStop();

    ComponentFactory m_factory;
    Topology m_topology;
    QString m_topologyDir;
    int m_threadCount = 0;
    int m_networkNiceness = 0;
    std::unique_ptr<net::EventLoopPool> m_pool;
    QHash<QString, std::shared_ptr<Slot>> m_slots;
    EventLog m_events;
    std::unique_ptr<metrics::MetricsCollector> m_metrics;
    QStringList m_stopQueue; // the global stop, callers first
    bool m_stopping = false;
};

} // namespace infralab::runtime
