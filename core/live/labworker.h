#pragma once

#include "live/linkflowtracker.h"
#include "model/topology.h"

#include <QObject>

#include <memory>

namespace infralab::runtime {
class Lab;
}

namespace infralab::control {
class ControlServer;
}

namespace infralab::live {

class LabSession;

// The runtime-thread half of a LabSession: owns the Lab (and the control server), runs the
// commands the session queues, and posts what happens back to the session's thread. Every
// function here runs in the runtime thread.
class LabWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabWorker)

public:
    explicit LabWorker(LabSession *session);
    ~LabWorker() override;

    void init(); // creates the Lab in this thread (its timers belong here)
    void start(const Topology &topology, const QString &topologyDir, int threadCount);
    void stop();
    void nodeCommand(const QString &nodeId, int command); // 0 start, 1 stop, 2 restart
    void apply(const Topology &topology);
    void watch(const QString &nodeId) { m_watched = nodeId; }
    void setControlApi(bool enabled, quint16 port);

private:
    void publish(const std::shared_ptr<const metrics::MetricsSnapshot> &metrics);
    template<typename F>
    void post(F &&f);

    LabSession *m_session; // lives in the GUI thread and outlives this: only posted to
    std::unique_ptr<runtime::Lab> m_lab;
    std::unique_ptr<control::ControlServer> m_control;
    LinkFlowTracker m_flows;
    QString m_watched;
};

} // namespace infralab::live
