#include "runtime/lab.h"

#include "catalogue/componentcatalogue.h"
#include "metrics/metricscollector.h"
#include "metrics/traffictotals.h"
#include "model/topologydiff.h"
#include "net/eventlooppool.h"
#include "runtime/component.h"
#include "runtime/startorder.h"

#include <algorithm>

namespace infralab::runtime {

struct Lab::Slot
{
    std::unique_ptr<Component> component; // null unless starting, running or stopping
    NodeState state = NodeState::Stopped;
    QString detail;
    quint16 port = 0;               // last bound port: a restart binds it again
    QList<UpstreamLink> upstreams;  // as the running component last got them
    metrics::TrafficTotals retired; // what earlier runs of the node served
    QJsonObject lastDetails;        // details() as the component stopped
    NodeDetail lastDetail;          // detail() as the component stopped
    bool everRan = false;
    bool restartWhenStopped = false;
    bool removed = false; // gone from the topology: forgotten once stopped
};

Lab::Lab(ComponentFactory factory, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
{
    m_metrics = std::make_unique<metrics::MetricsCollector>([this] {
        QList<metrics::NodeSample> samples;
        for (const Node &node : std::as_const(m_topology.nodes)) {
            const std::shared_ptr<Slot> slot = m_slots.value(node.id);
            if (!slot || !slot->everRan)
                continue;
            metrics::NodeSample sample;
            sample.nodeId = node.id;
            sample.totals = slot->retired;
            if (slot->component) {
                slot->component->addTraffic(sample.totals);
                sample.activeConnections = slot->component->activeConnections();
            }
            samples.append(std::move(sample));
        }
        return samples;
    });
}

Lab::~Lab()
{
    // Components (their servers and shards) before the threads their connections live in.
    for (const std::shared_ptr<Slot> &slot : std::as_const(m_slots))
        slot->component.reset();
    m_pool.reset();
}

bool Lab::start(const Topology &topology, const QString &topologyDir, int threadCount,
                FailurePolicy policy)
{
    Q_ASSERT(!m_pool && !m_stopping);
    m_topology = topology;
    m_topologyDir = topologyDir;
    m_threadCount = threadCount;
    m_slots.clear();
    for (const Node &node : std::as_const(m_topology.nodes))
        m_slots.insert(node.id, std::make_shared<Slot>());
    m_pool = std::make_unique<net::EventLoopPool>(threadCount, m_networkNiceness);
    logEvent(QString(), QStringLiteral("lab-starting"),
             QStringLiteral("starting %1 nodes on %2 network threads")
                 .arg(m_topology.nodes.size())
                 .arg(m_pool->size()));
    bool allStarted = true;
    for (const QString &nodeId : startOrder(m_topology)) {
        if (launch(nodeId))
            continue;
        allStarted = false;
        if (policy == FailurePolicy::StopAll) {
            stop();
            return false;
        }
    }
    m_metrics->start();
    return allStarted;
}

bool Lab::launch(const QString &nodeId)
{
    const std::shared_ptr<Slot> keep = m_slots.value(nodeId);
    Slot &slot = *keep;
    const Node &node = *m_topology.findNode(nodeId);
    if (!m_factory.implements(node.kind)) {
        setState(nodeId, slot, NodeState::Skipped,
                 QStringLiteral("%1 nodes are not implemented yet").arg(node.kind));
        return true;
    }
    setState(nodeId, slot, NodeState::Starting);
    const ComponentContext context = contextFor(node, slot);
    QString error;
    std::unique_ptr<Component> component = m_factory.create(context, &error);
    if (component && !component->start(&error))
        component.reset();
    if (!component) {
        setState(nodeId, slot, NodeState::Failed, error);
        return false;
    }
    // Queued: a component may emit stopped() inside stop(), and events from any thread.
    connect(
        component.get(), &Component::stopped, this,
        [this, nodeId, stopping = component.get()] { componentStopped(nodeId, stopping); },
        Qt::QueuedConnection);
    connect(
        component.get(), &Component::eventRaised, this,
        [this, nodeId](const QString &type, const QString &message) {
            logEvent(nodeId, type, message);
        },
        Qt::QueuedConnection);
    slot.port = component->port();
    slot.upstreams = context.upstreams;
    slot.component = std::move(component);
    slot.everRan = true;
    setState(nodeId, slot, NodeState::Running, slot.component->url());
    rewireCallersOf(nodeId); // a caller that started first, or a callee on a new port
    return true;
}

ComponentContext Lab::contextFor(const Node &node, const Slot &slot) const
{
    const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
    const KindInfo *info = catalogue.find(node.kind);
    ComponentContext context;
    context.nodeId = node.id;
    context.kind = node.kind;
    context.config = info ? catalogue.effectiveConfig(*info, node.config) : node.config;
    // A restart keeps the port the node had when its config leaves the choice to the system.
    if (context.config.value(QLatin1String("port")).toInt() == 0 && slot.port != 0)
        context.config.insert(QLatin1String("port"), int(slot.port));
    context.topologyDir = QDir(m_topologyDir);
    context.pool = m_pool.get();
    for (const int linkIndex : m_topology.linksFrom(node.id)) {
        const Node *callee = m_topology.findNode(m_topology.links.at(linkIndex).to);
        const KindInfo *calleeInfo = callee ? catalogue.find(callee->kind) : nullptr;
        if (calleeInfo && calleeInfo->urlScheme == QLatin1String("http"))
            context.hasHttpCallees = true;
    }
    context.upstreams = upstreamsOf(node);
    for (const UpstreamLink &link : std::as_const(context.upstreams)) {
        if (link.isHttp())
            context.upstreamPorts.append(link.port);
    }
    return context;
}

// The node's callees that have a port (running, or stopped after running: their port is kept
// for them, so a caller sees refused connections, not a rewiring), in file order, whatever
// they listen for: the scheme comes from the callee's catalogue entry.
QList<UpstreamLink> Lab::upstreamsOf(const Node &node) const
{
    const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
    const KindInfo *info = catalogue.find(node.kind);
    QList<UpstreamLink> upstreams;
    for (const int linkIndex : m_topology.linksFrom(node.id)) {
        const Link &link = m_topology.links.at(linkIndex);
        const Node *callee = m_topology.findNode(link.to);
        const KindInfo *calleeInfo = callee ? catalogue.find(callee->kind) : nullptr;
        if (!calleeInfo || !calleeInfo->listens())
            continue;
        const std::shared_ptr<Slot> calleeSlot = m_slots.value(callee->id);
        if (!calleeSlot || calleeSlot->port == 0 || calleeSlot->removed)
            continue;
        UpstreamLink upstream;
        upstream.nodeId = callee->id;
        upstream.kind = callee->kind;
        upstream.scheme = calleeInfo->urlScheme;
        upstream.port = calleeSlot->port;
        upstream.config = info ? catalogue.effectiveLinkConfig(*info, link.config) : link.config;
        upstreams.append(std::move(upstream));
    }
    return upstreams;
}

void Lab::rewireCallersOf(const QString &nodeId)
{
    QStringList callers;
    for (const Link &link : std::as_const(m_topology.links)) {
        if (link.to == nodeId && link.from != nodeId && !callers.contains(link.from))
            callers.append(link.from);
    }
    for (const QString &caller : std::as_const(callers)) {
        if (const std::shared_ptr<Slot> slot = m_slots.value(caller))
            applyUpstreams(caller, *slot);
    }
}

void Lab::applyUpstreams(const QString &nodeId, Slot &slot)
{
    if (slot.state != NodeState::Running || !slot.component)
        return;
    const QList<UpstreamLink> upstreams = upstreamsOf(*m_topology.findNode(nodeId));
    if (upstreams == slot.upstreams)
        return;
    if (slot.component->setUpstreams(upstreams)) {
        slot.upstreams = upstreams;
        logEvent(
            nodeId, QStringLiteral("links-applied"),
            QStringLiteral("now sends to %1 upstream(s) without a restart").arg(upstreams.size()));
        return;
    }
    logEvent(nodeId, QStringLiteral("restart"),
             QStringLiteral("its links changed; restarting to apply them"));
    slot.restartWhenStopped = true;
    halt(slot);
}

void Lab::halt(Slot &slot)
{
    if (!slot.component || slot.state == NodeState::Stopping)
        return;
    setState(slot.component->nodeId(), slot, NodeState::Stopping, QStringLiteral("draining"));
    slot.component->stop();
}

void Lab::componentStopped(const QString &nodeId, const Component *component)
{
    const std::shared_ptr<Slot> slot = m_slots.value(nodeId);
    if (!slot || slot->component.get() != component)
        return;
    slot->component->addTraffic(slot->retired);
    slot->lastDetails = slot->component->details();
    slot->lastDetail = slot->component->detail();
    slot->component.reset();
    setState(nodeId, *slot, NodeState::Stopped);
    if (slot->removed) {
        m_slots.remove(nodeId);
    } else if (slot->restartWhenStopped && !m_stopping) {
        slot->restartWhenStopped = false;
        launch(nodeId);
    }
    if (m_stopping)
        stopNext();
}

bool Lab::startNode(const QString &nodeId, QString *error)
{
    const std::shared_ptr<Slot> slot = m_slots.value(nodeId);
    auto refuse = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (!slot || slot->removed)
        return refuse(QStringLiteral("no node '%1'").arg(nodeId));
    if (!isRunning())
        return refuse(QStringLiteral("the lab is not running"));
    if (slot->state == NodeState::Skipped)
        return refuse(slot->detail);
    if (slot->state != NodeState::Stopped && slot->state != NodeState::Failed)
        return refuse(QStringLiteral("%1 is %2").arg(nodeId, nodeStateName(slot->state)));
    if (!launch(nodeId))
        return refuse(slot->detail);
    return true;
}

bool Lab::stopNode(const QString &nodeId, QString *error)
{
    const std::shared_ptr<Slot> slot = m_slots.value(nodeId);
    if (!slot || slot->removed || !isRunning() || slot->state != NodeState::Running) {
        if (error) {
            *error = !slot || slot->removed ? QStringLiteral("no node '%1'").arg(nodeId)
                     : !isRunning()
                         ? QStringLiteral("the lab is not running")
                         : QStringLiteral("%1 is %2").arg(nodeId, nodeStateName(slot->state));
        }
        return false;
    }
    slot->restartWhenStopped = false;
    halt(*slot);
    return true;
}

bool Lab::restartNode(const QString &nodeId, QString *error)
{
    const std::shared_ptr<Slot> slot = m_slots.value(nodeId);
    if (slot && !slot->removed && isRunning()
        && (slot->state == NodeState::Running || slot->state == NodeState::Stopping)) {
        slot->restartWhenStopped = true;
        halt(*slot);
        return true;
    }
    return startNode(nodeId, error);
}

void Lab::apply(const Topology &topology)
{
    const Topology old = std::exchange(m_topology, topology);
    if (!isRunning())
        return;
    const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
    // Removed nodes drain and are forgotten; their callers are rewired below.
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        Slot &slot = **it;
        if (m_topology.findNode(it.key()) || slot.removed) {
            ++it;
            continue;
        }
        logEvent(it.key(), QStringLiteral("removed"), QStringLiteral("removed from the topology"));
        slot.removed = true;
        slot.restartWhenStopped = false;
        if (slot.component) {
            halt(slot);
            ++it;
        } else {
            it = m_slots.erase(it);
        }
    }
    const TopologyDiff diff = TopologyDiff::between(old, m_topology);
    QStringList added;
    for (const Node &node : std::as_const(m_topology.nodes)) {
        const std::shared_ptr<Slot> slot = m_slots.value(node.id);
        if (!slot) {
            m_slots.insert(node.id, std::make_shared<Slot>());
            added.append(node.id);
            continue;
        }
        // A new name, description or position changes nothing that runs.
        const ChangedNode *change = diff.changedNode(node.id);
        if (!change || !change->changes.testAnyFlags(NodeChange::Kind | NodeChange::Config))
            continue;
        const Node *before = old.findNode(node.id);
        if (!slot->component || slot->state != NodeState::Running) {
            if (before->kind != node.kind)
                slot->port = 0; // a new kind: nothing of the old node carries over
            continue;           // a stopped node takes the new config when it starts
        }
        const KindInfo *info = catalogue.find(node.kind);
        const QJsonObject config
            = info ? catalogue.effectiveConfig(*info, node.config) : node.config;
        const QJsonObject previous = info && before->kind == node.kind
                                         ? catalogue.effectiveConfig(*info, before->config)
                                         : before->config;
        const bool portChanged
            = config.value(QLatin1String("port")) != previous.value(QLatin1String("port"));
        if (before->kind == node.kind && !portChanged && slot->component->applyConfig(config)) {
            logEvent(node.id, QStringLiteral("config-applied"),
                     QStringLiteral("config change applied without a restart"));
            continue;
        }
        logEvent(node.id, QStringLiteral("restart"),
                 before->kind != node.kind
                     ? QStringLiteral("its kind changed; restarting as %1").arg(node.kind)
                     : QStringLiteral("its config changed; restarting to apply it"));
        if (portChanged || before->kind != node.kind)
            slot->port = 0; // bind what the new config asks for
        slot->restartWhenStopped = true;
        halt(*slot);
    }
    // Links: every running node whose upstreams differ now (links added, removed or changed,
    // callees gone) gets them live, or restarts.
    for (auto it = m_slots.cbegin(); it != m_slots.cend(); ++it) {
        if (!it.value()->removed)
            applyUpstreams(it.key(), *it.value());
    }
    for (const QString &nodeId : startOrder(m_topology)) {
        if (added.contains(nodeId)) {
            logEvent(nodeId, QStringLiteral("added"), QStringLiteral("added to the topology"));
            launch(nodeId);
        }
    }
}

void Lab::setState(const QString &nodeId, Slot &slot, NodeState state, const QString &detail)
{
    slot.state = state;
    slot.detail = detail;
    QString message;
    switch (state) {
    case NodeState::Starting: message = QStringLiteral("starting"); break;
    case NodeState::Running:
        message = detail.isEmpty() ? QStringLiteral("running")
                                   : QStringLiteral("running at %1").arg(detail);
        break;
    case NodeState::Stopping: message = QStringLiteral("stopping, draining connections"); break;
    case NodeState::Stopped: message = QStringLiteral("stopped"); break;
    case NodeState::Failed: message = QStringLiteral("failed: %1").arg(detail); break;
    case NodeState::Skipped: message = QStringLiteral("skipped: %1").arg(detail); break;
    }
    logEvent(nodeId, nodeStateName(state), message);
    emit nodeStateChanged(nodeId, state, detail);
}

void Lab::logEvent(const QString &nodeId, const QString &type, const QString &message)
{
    emit eventLogged(m_events.append(nodeId, type, message));
}

NodeState Lab::state(const QString &nodeId) const
{
    const std::shared_ptr<Slot> slot = m_slots.value(nodeId);
    return slot ? slot->state : NodeState::Stopped;
}

QString Lab::stateDetail(const QString &nodeId) const
{
    const std::shared_ptr<Slot> slot = m_slots.value(nodeId);
    return slot ? slot->detail : QString();
}

const Component *Lab::component(const QString &nodeId) const
{
    const std::shared_ptr<Slot> slot = m_slots.value(nodeId);
    return slot ? slot->component.get() : nullptr;
}

Component *Lab::component(const QString &nodeId)
{
    const std::shared_ptr<Slot> slot = m_slots.value(nodeId);
    return slot ? slot->component.get() : nullptr;
}

QJsonObject Lab::details(const QString &nodeId) const
{
    const std::shared_ptr<Slot> slot = m_slots.value(nodeId);
    if (!slot)
        return {};
    return slot->component ? slot->component->details() : slot->lastDetails;
}

NodeDetail Lab::detail(const QString &nodeId) const
{
    const std::shared_ptr<Slot> slot = m_slots.value(nodeId);
    if (!slot)
        return {};
    return slot->component ? slot->component->detail() : slot->lastDetail;
}

void Lab::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (m_pool) {
        logEvent(QString(), QStringLiteral("lab-stopping"),
                 QStringLiteral("stopping every node, callers first"));
    }
    // Callers first: the reverse start order, then nodes already removed from the topology.
    m_stopQueue = startOrder(m_topology);
    std::reverse(m_stopQueue.begin(), m_stopQueue.end());
    for (auto it = m_slots.cbegin(); it != m_slots.cend(); ++it) {
        if (!m_stopQueue.contains(it.key()))
            m_stopQueue.append(it.key());
    }
    QMetaObject::invokeMethod(this, &Lab::stopNext, Qt::QueuedConnection);
}

// Stops the first queued node that still runs and waits for it (componentStopped calls back).
void Lab::stopNext()
{
    if (!m_stopping)
        return;
    while (!m_stopQueue.isEmpty()) {
        const std::shared_ptr<Slot> slot = m_slots.value(m_stopQueue.constFirst());
        if (slot && slot->component) {
            slot->restartWhenStopped = false;
            halt(*slot);
            return;
        }
        m_stopQueue.removeFirst();
    }
    finishStop();
}

void Lab::finishStop()
{
    if (m_pool) {
        m_metrics->sampleNow(); // the final totals, for reports read after the stop
        m_metrics->stop();
        logEvent(QString(), QStringLiteral("lab-stopped"), QStringLiteral("every node stopped"));
    }
    m_pool.reset();
    m_stopping = false;
    emit stopped();
}

} // namespace infralab::runtime
