#pragma once

#include "runtime/componentfactory.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace infralab {
class Topology;
}

namespace infralab::net {
class EventLoopPool;
}

namespace infralab::runtime {

class Component;

enum class NodeState {
    Starting,
    Running,
    Failed,  // detail: the reason, e.g. "port 8080 is already in use"
    Skipped, // the kind is not implemented in this version; detail says so
    Stopping,
    Stopped,
};

// Runs a topology: owns the network threads (EventLoopPool) and one Component per node,
// starts them callees first (startOrder), stops them callers first and reports every node's
// state as it changes. The headless `infralab run` drives it today; the window and the later
// full runtime (metrics, control API) build on it. Lives in, and is used from, one thread.
class LabRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabRunner)

public:
    explicit LabRunner(ComponentFactory factory, QObject *parent = nullptr);
    ~LabRunner() override; // stops at once, without draining, if still running

    // Starts every node whose kind the factory implements; other nodes are reported Skipped
    // and do not stop the rest. On the first node that fails, it is reported Failed, every
    // node already started is stopped again (callers first) and false is returned; stopped()
    // follows once they have closed. `topologyDir` resolves relative paths in the config;
    // `threadCount` 0 = one network thread per core. Call only when not running.
    bool start(const Topology &topology, const QString &topologyDir, int threadCount = 0);

    // Graceful: stops the components callers first, each after the previous one has
    // drained, then releases the network threads and emits stopped(). Emits stopped() (from
    // the event loop) even when nothing runs; calls while stopping add nothing.
    void stop();

    bool isRunning() const { return !m_components.empty() && !m_stopping; }
    // The started components in start order (callees first).
    QList<const Component *> components() const;
    const Component *component(const QString &nodeId) const;

signals:
    void nodeStateChanged(const QString &nodeId, infralab::runtime::NodeState state,
                          const QString &detail);
    void stopped();

private:
    bool startNode(const Topology &topology, const QString &nodeId, const QString &topologyDir);
    void componentStopped(const Component *component);
    void finishStop();

    ComponentFactory m_factory;
    std::unique_ptr<net::EventLoopPool> m_pool;
    std::vector<std::unique_ptr<Component>> m_components; // start order
    int m_stopIndex = 0; // components still to stop: [0, m_stopIndex)
    bool m_stopping = false;
};

} // namespace infralab::runtime
