#include "live/labworker.h"

#include "control/controlserver.h"
#include "live/labsession.h"
#include "metrics/metricscollector.h"
#include "metrics/traffictotals.h"
#include "runtime/component.h"
#include "runtime/lab.h"

#include <QDateTime>

namespace infralab::live {

namespace {

constexpr int AccessLogTailSize = 200;
constexpr int GuiNetworkNiceness = 5;

} // namespace

LabWorker::LabWorker(LabSession *session)
    : m_session(session)
{}

LabWorker::~LabWorker()
{
    m_control.reset(); // answers from the lab: goes first
    m_lab.reset();
}

template<typename F>
void LabWorker::post(F &&f)
{
    QMetaObject::invokeMethod(m_session, std::forward<F>(f), Qt::QueuedConnection);
}

void LabWorker::init()
{
    m_lab = std::make_unique<runtime::Lab>(runtime::ComponentFactory::builtIn());
    // The lab's traffic must not take the cores from the window's frames: on a 2-core
    // machine at 20k req/s the canvas otherwise waits for a core (frame wall time 2-3x its
    // CPU time). Nice 5 gives a GUI thread ~3x a network thread's share when both run.
    m_lab->setNetworkNiceness(GuiNetworkNiceness);
    LabSession *session = m_session;
    connect(
        m_lab.get(), &runtime::Lab::nodeStateChanged, this,
        [this, session](const QString &nodeId, runtime::NodeState state, const QString &detail) {
            post([session, nodeId, state, detail] { session->onNodeState(nodeId, state, detail); });
        });
    connect(m_lab.get(), &runtime::Lab::eventLogged, this,
            [this, session](const runtime::LabEvent &event) {
                post([session, event] { emit session->eventLogged(event); });
            });
    connect(m_lab.get(), &runtime::Lab::stopped, this, [this, session] {
        post([session] { session->setPhase(LabSession::Phase::Stopped); });
    });
    connect(&m_lab->metrics(), &metrics::MetricsCollector::snapshotReady, this,
            &LabWorker::publish);
}

void LabWorker::start(const Topology &topology, const QString &topologyDir, int threadCount)
{
    if (m_lab->isRunning())
        return;
    m_flows.reset();
    m_lab->start(topology, topologyDir, threadCount, runtime::Lab::FailurePolicy::KeepOthers);
    LabSession *session = m_session;
    post([session] {
        if (session->phase() == LabSession::Phase::Starting)
            session->setPhase(LabSession::Phase::Running);
    });
}

void LabWorker::stop()
{
    if (m_lab->isRunning()) {
        m_lab->stop();
        return;
    }
    LabSession *session = m_session;
    post([session] { session->setPhase(LabSession::Phase::Stopped); });
}

void LabWorker::nodeCommand(const QString &nodeId, int command)
{
    QString error;
    const bool done = command == 0   ? m_lab->startNode(nodeId, &error)
                      : command == 1 ? m_lab->stopNode(nodeId, &error)
                                     : m_lab->restartNode(nodeId, &error);
    if (!done) {
        LabSession *session = m_session;
        post([session, error] { emit session->commandRefused(error); });
    }
}

void LabWorker::apply(const Topology &topology)
{
    m_lab->apply(topology);
}

void LabWorker::setControlApi(bool enabled, quint16 port)
{
    m_control.reset();
    QString url;
    QString error;
    if (enabled) {
        m_control = std::make_unique<control::ControlServer>(*m_lab);
        if (m_control->listen(port, &error))
            url = m_control->url();
        else
            m_control.reset();
    }
    LabSession *session = m_session;
    post([session, url, error] { session->onControlApi(url, error); });
}

void LabWorker::publish(const std::shared_ptr<const metrics::MetricsSnapshot> &metrics)
{
    auto snapshot = std::make_shared<LiveSnapshot>();
    snapshot->metrics = metrics;
    snapshot->wallMs = QDateTime::currentMSecsSinceEpoch();
    const Topology &topology = m_lab->topology();
    // Stopped nodes keep what they showed last (a generator's final report).
    for (const Node &node : topology.nodes) {
        QJsonObject details = m_lab->details(node.id);
        if (!details.isEmpty())
            snapshot->details.insert(node.id, std::move(details));
        runtime::NodeDetail detail = m_lab->detail(node.id);
        if (!detail.isEmpty())
            snapshot->nodeDetails.insert(node.id, std::move(detail));
    }
    LinkFlowTracker::LinkViews views;
    for (const Node &node : topology.nodes) {
        if (const runtime::Component *component = m_lab->component(node.id))
            views.insert(node.id, component->linkViews());
    }
    const runtime::Lab &lab = *m_lab;
    snapshot->links = m_flows.update(
        topology, *metrics, [&lab](const QString &id) { return lab.state(id); }, views);
    if (!m_watched.isEmpty()) {
        snapshot->accessLog.nodeId = m_watched;
        if (const runtime::Component *component = m_lab->component(m_watched))
            snapshot->accessLog.entries = component->accessLog(AccessLogTailSize);
    }
    LabSession *session = m_session;
    std::shared_ptr<const LiveSnapshot> done = std::move(snapshot);
    post([session, done] { session->onSnapshot(done); });
}

} // namespace infralab::live
