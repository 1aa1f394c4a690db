#include "live/labworker.h"

#include "components/loadbalancer/loadbalancer.h"
#include "components/loadbalancer/loadbalancercomponent.h"
#include "components/reverseproxy/reverseproxy.h"
#include "components/reverseproxy/reverseproxycomponent.h"
#include "components/webserver/webserver.h"
#include "components/webserver/webservercomponent.h"
#include "control/controlserver.h"
#include "live/labsession.h"
#include "metrics/metricscollector.h"
#include "metrics/traffictotals.h"
#include "runtime/lab.h"

#include <QDateTime>

namespace infralab::live {

namespace {

constexpr int AccessLogTailSize = 200;
constexpr int GuiNetworkNiceness = 5;

// The access log of the kinds that keep one (web server, reverse proxy, balancer).
QList<httplog::AccessLogEntry> accessLogOf(runtime::Component *component)
{
    if (auto *web = qobject_cast<webserver::WebServerComponent *>(component))
        return web->site().accessLogSnapshot(AccessLogTailSize);
    if (auto *proxy = qobject_cast<reverseproxy::ReverseProxyComponent *>(component))
        return proxy->proxy().accessLogSnapshot(AccessLogTailSize);
    if (auto *balancer = qobject_cast<loadbalancer::LoadBalancerComponent *>(component))
        return balancer->balancer().accessLogSnapshot(AccessLogTailSize);
    return {};
}

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
    }
    LinkFlowTracker::LinkCounts counts;
    for (const Node &node : topology.nodes) {
        const runtime::Component *component = m_lab->component(node.id);
        if (!component)
            continue;
        for (const auto &[callee, totals] : component->linkTraffic())
            counts[node.id].append({callee, double(totals.requests), double(totals.errorCount())});
    }
    const runtime::Lab &lab = *m_lab;
    snapshot->links = m_flows.update(
        topology, *metrics, snapshot->details, [&lab](const QString &id) { return lab.state(id); },
        counts);
    if (!m_watched.isEmpty()) {
        snapshot->accessLog.nodeId = m_watched;
        snapshot->accessLog.entries = accessLogOf(m_lab->component(m_watched));
    }
    LabSession *session = m_session;
    std::shared_ptr<const LiveSnapshot> done = std::move(snapshot);
    post([session, done] { session->onSnapshot(done); });
}

} // namespace infralab::live
