#include "live/labsession.h"

#include "live/labworker.h"

namespace infralab::live {

LabSession::LabSession(QObject *parent)
    : QObject(parent)
    , m_worker(new LabWorker(this))
{
    m_thread.setObjectName(QStringLiteral("lab runtime"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &LabWorker::init, Qt::QueuedConnection);
}

LabSession::~LabSession()
{
    // The worker (and the Lab with its components and timers) dies in its own thread.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            delete worker;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

template<typename F>
void LabSession::post(F &&f)
{
    QMetaObject::invokeMethod(m_worker, std::forward<F>(f), Qt::QueuedConnection);
}

void LabSession::start(const Topology &topology, const QString &topologyDir, int threadCount)
{
    if (m_phase != Phase::Stopped)
        return;
    m_running = topology;
    m_states.clear();
    m_latest.reset();
    setPhase(Phase::Starting);
    post([worker = m_worker, topology, topologyDir, threadCount] {
        worker->start(topology, topologyDir, threadCount);
    });
}

void LabSession::stop()
{
    if (m_phase == Phase::Stopped || m_phase == Phase::Stopping)
        return;
    setPhase(Phase::Stopping);
    post([worker = m_worker] { worker->stop(); });
}

void LabSession::startNode(const QString &nodeId)
{
    post([worker = m_worker, nodeId] { worker->nodeCommand(nodeId, 0); });
}

void LabSession::stopNode(const QString &nodeId)
{
    post([worker = m_worker, nodeId] { worker->nodeCommand(nodeId, 1); });
}

void LabSession::restartNode(const QString &nodeId)
{
    post([worker = m_worker, nodeId] { worker->nodeCommand(nodeId, 2); });
}

void LabSession::apply(const Topology &topology)
{
    if (m_phase == Phase::Stopped)
        return;
    m_running = topology;
    post([worker = m_worker, topology] { worker->apply(topology); });
}

void LabSession::watchNode(const QString &nodeId)
{
    post([worker = m_worker, nodeId] { worker->watch(nodeId); });
}

void LabSession::setControlApi(bool enabled, quint16 port)
{
    post([worker = m_worker, enabled, port] { worker->setControlApi(enabled, port); });
}

runtime::NodeState LabSession::state(const QString &nodeId) const
{
    return m_states.value(nodeId, {runtime::NodeState::Stopped, QString()}).first;
}

QString LabSession::stateDetail(const QString &nodeId) const
{
    return m_states.value(nodeId).second;
}

void LabSession::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

void LabSession::onNodeState(const QString &nodeId, runtime::NodeState state, const QString &detail)
{
    m_states.insert(nodeId, {state, detail});
    emit nodeStateChanged(nodeId, state, detail);
}

void LabSession::onSnapshot(std::shared_ptr<const LiveSnapshot> snapshot)
{
    if (m_phase == Phase::Stopped && m_latest)
        return; // a tick that raced the stop
    m_latest = std::move(snapshot);
    emit snapshotReady(m_latest);
}

void LabSession::onControlApi(const QString &url, const QString &error)
{
    m_controlUrl = url;
    m_controlError = error;
    emit controlApiChanged(url, error);
}

} // namespace infralab::live
