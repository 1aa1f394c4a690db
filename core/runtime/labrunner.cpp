#include "runtime/labrunner.h"

#include "catalogue/componentcatalogue.h"
#include "model/topology.h"
#include "net/eventlooppool.h"
#include "runtime/component.h"
#include "runtime/startorder.h"

namespace infralab::runtime {

LabRunner::LabRunner(ComponentFactory factory, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
{}

LabRunner::~LabRunner()
{
    // Components (their servers and shards) before the threads their connections live in.
    m_components.clear();
    m_pool.reset();
}

bool LabRunner::start(const Topology &topology, const QString &topologyDir, int threadCount)
{
    Q_ASSERT(m_components.empty() && !m_stopping);
    m_pool = std::make_unique<net::EventLoopPool>(threadCount);
    for (const QString &nodeId : startOrder(topology)) {
        if (!startNode(topology, nodeId, topologyDir)) {
            stop();
            return false;
        }
    }
    return true;
}

bool LabRunner::startNode(const Topology &topology, const QString &nodeId,
                          const QString &topologyDir)
{
    const Node &node = *topology.findNode(nodeId);
    if (!m_factory.implements(node.kind)) {
        emit nodeStateChanged(nodeId, NodeState::Skipped,
                              QStringLiteral("%1 nodes are not implemented yet").arg(node.kind));
        return true;
    }
    emit nodeStateChanged(nodeId, NodeState::Starting, QString());

    const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
    const KindInfo *info = catalogue.find(node.kind);
    ComponentContext context;
    context.nodeId = node.id;
    context.kind = node.kind;
    context.config = info ? catalogue.effectiveConfig(*info, node.config) : node.config;
    context.topologyDir = QDir(topologyDir);
    context.pool = m_pool.get();
    for (const int linkIndex : topology.linksFrom(node.id)) {
        const Node *callee = topology.findNode(topology.links.at(linkIndex).to);
        const KindInfo *calleeInfo = callee ? catalogue.find(callee->kind) : nullptr;
        if (!calleeInfo || calleeInfo->urlScheme != QLatin1String("http"))
            continue;
        context.hasHttpCallees = true;
        if (const Component *running = component(callee->id); running && running->port() != 0) {
            context.upstreamPorts.append(running->port());
            const Link &link = topology.links.at(linkIndex);
            context.upstreams.append(
                {callee->id, running->port(),
                 info ? catalogue.effectiveLinkConfig(*info, link.config) : link.config});
        }
    }

    QString error;
    std::unique_ptr<Component> component = m_factory.create(context, &error);
    if (component && !component->start(&error))
        component.reset();
    if (!component) {
        emit nodeStateChanged(nodeId, NodeState::Failed, error);
        return false;
    }
    // Queued: a component may emit stopped() inside stop(); the next stop must not re-enter.
    connect(
        component.get(), &Component::stopped, this,
        [this, stopping = component.get()] { componentStopped(stopping); }, Qt::QueuedConnection);
    m_components.push_back(std::move(component));
    emit nodeStateChanged(nodeId, NodeState::Running, QString());
    return true;
}

QList<const Component *> LabRunner::components() const
{
    QList<const Component *> list;
    for (const auto &component : m_components)
        list.append(component.get());
    return list;
}

const Component *LabRunner::component(const QString &nodeId) const
{
    for (const auto &component : m_components) {
        if (component->nodeId() == nodeId)
            return component.get();
    }
    return nullptr;
}

void LabRunner::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_stopIndex = int(m_components.size());
    if (m_stopIndex == 0) {
        QMetaObject::invokeMethod(this, &LabRunner::finishStop, Qt::QueuedConnection);
        return;
    }
    Component &last = *m_components.at(m_stopIndex - 1);
    emit nodeStateChanged(last.nodeId(), NodeState::Stopping, QString());
    last.stop();
}

// Reports the component being stopped (the one at m_stopIndex - 1) and stops the next.
void LabRunner::componentStopped(const Component *component)
{
    if (!m_stopping || m_stopIndex == 0 || m_components.at(m_stopIndex - 1).get() != component)
        return;
    --m_stopIndex;
    emit nodeStateChanged(m_components.at(m_stopIndex)->nodeId(), NodeState::Stopped, QString());
    if (m_stopIndex == 0) {
        finishStop();
        return;
    }
    Component &next = *m_components.at(m_stopIndex - 1);
    emit nodeStateChanged(next.nodeId(), NodeState::Stopping, QString());
    next.stop();
}

void LabRunner::finishStop()
{
    m_components.clear();
    m_pool.reset();
    m_stopping = false;
    emit stopped();
}

} // namespace infralab::runtime
