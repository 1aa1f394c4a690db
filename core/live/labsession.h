#pragma once

#include "live/livesnapshot.h"
#include "model/topology.h"
#include "runtime/eventlog.h"
#include "runtime/nodestate.h"

#include <QHash>
#include <QObject>
#include <QThread>

#include <memory>

namespace infralab::live {

class LabWorker;

// A Lab run in a runtime thread of its own, for the window (DESIGN.md "Threading": the GUI
// thread never does network I/O and never blocks). Commands are queued to that thread and
// return at once; what happens comes back as queued signals carrying plain values or
// immutable snapshots: node state changes and events as they happen, and one LiveSnapshot per
// 250 ms metrics tick. Keeps a mirror of the nodes' states for the GUI to read. The control
// API, when enabled, answers from the same thread.
class LabSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabSession)

public:
    enum class Phase { Stopped, Starting, Running, Stopping };
    Q_ENUM(Phase)

    explicit LabSession(QObject *parent = nullptr);
    ~LabSession() override; // closes the lab at once (no drain) and joins its thread

    // `topology` already validated; `threadCount` 0 = one network thread per core. Only when
    // stopped; the lab keeps running nodes that start when others fail.
    void start(const Topology &topology, const QString &topologyDir, int threadCount = 0);
    void stop(); // graceful, callers first
    void startNode(const QString &nodeId);
    void stopNode(const QString &nodeId);
    void restartNode(const QString &nodeId);
    // Brings the running lab to `topology` (validated): live where the component allows,
    // else by restarting the node (the events say which).
    void apply(const Topology &topology);
    // Which node's access log tail the snapshots carry (empty: none).
    void watchNode(const QString &nodeId);
    // The control API on 127.0.0.1:port (0 = a free port), or off.
    void setControlApi(bool enabled, quint16 port = 0);

    Phase phase() const { return m_phase; }
    bool isActive() const { return m_phase != Phase::Stopped; }
    runtime::NodeState state(const QString &nodeId) const;
    QString stateDetail(const QString &nodeId) const;
    // The topology the lab runs now (as last started or applied).
    const Topology &runningTopology() const { return m_running; }
    std::shared_ptr<const LiveSnapshot> latest() const { return m_latest; }
    QString controlUrl() const { return m_controlUrl; }
    QString controlError() const { return m_controlError; }

signals:
    void phaseChanged(infralab::live::LabSession::Phase phase);
    void nodeStateChanged(const QString &nodeId, infralab::runtime::NodeState state,
                          const QString &detail);
    void eventLogged(const infralab::runtime::LabEvent &event);
    void snapshotReady(const std::shared_ptr<const infralab::live::LiveSnapshot> &snapshot);
    void controlApiChanged(const QString &url, const QString &error);
    void commandRefused(const QString &message); // a node command the lab could not do

private:
    friend class LabWorker; // posts what happened back to this thread
    void setPhase(Phase phase);
    void onNodeState(const QString &nodeId, runtime::NodeState state, const QString &detail);
    void onSnapshot(std::shared_ptr<const LiveSnapshot> snapshot);
    void onControlApi(const QString &url, const QString &error);
    template<typename F>
    void post(F &&f);

    QThread m_thread;
    LabWorker *m_worker; // lives in m_thread
    Phase m_phase = Phase::Stopped;
    QHash<QString, std::pair<runtime::NodeState, QString>> m_states;
    Topology m_running;
    std::shared_ptr<const LiveSnapshot> m_latest;
    QString m_controlUrl;
    QString m_controlError;
};

} // namespace infralab::live
