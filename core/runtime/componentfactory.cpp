#include "runtime/componentfactory.h"

#include "components/loadbalancer/loadbalancercomponent.h"
#include "components/reverseproxy/reverseproxycomponent.h"
#include "components/trafficgenerator/trafficgeneratorcomponent.h"
#include "components/webserver/webservercomponent.h"
#include "metrics/linkmetrics.h"
#include "net/eventlooppool.h"
#include "runtime/component.h"

#include <algorithm>

namespace infralab::runtime {

QString ComponentContext::resolvePath(const QString &path) const
{
    if (path.isEmpty())
        return path;
    return QDir::cleanPath(topologyDir.absoluteFilePath(path));
}

QList<UpstreamLink> ComponentContext::onlyHttp(const QList<UpstreamLink> &links)
{
    QList<UpstreamLink> http;
    for (const UpstreamLink &link : links) {
        if (link.isHttp())
            http.append(link);
    }
    return http;
}

std::shared_ptr<const metrics::LinkMetrics> ComponentContext::makeLinkMetrics() const
{
    QList<QThread *> threads;
    for (int i = 0; pool && i < pool->size(); ++i)
        threads.append(pool->thread(i));
    QList<std::pair<QString, quint16>> callees;
    for (const UpstreamLink &link : httpUpstreams())
        callees.append({link.nodeId, link.port});
    return std::make_shared<const metrics::LinkMetrics>(threads, callees);
}

// The one place that names the kinds this version runs: each kind's Component lives in its
// folder (components/<kind>/), and adding a kind adds its line here.
ComponentFactory ComponentFactory::builtIn()
{
    ComponentFactory factory;
    factory.add(QStringLiteral("web-server"), &webserver::WebServerComponent::create);
    factory.add(QStringLiteral("reverse-proxy"), &reverseproxy::ReverseProxyComponent::create);
    factory.add(QStringLiteral("load-balancer"), &loadbalancer::LoadBalancerComponent::create);
    factory.add(QStringLiteral("traffic-generator"),
                &trafficgenerator::TrafficGeneratorComponent::create);
    return factory;
}

void ComponentFactory::add(const QString &kind, Creator creator)
{
    m_creators.insert(kind, std::move(creator));
}

QStringList ComponentFactory::kinds() const
{
    QStringList kinds = m_creators.keys();
    std::sort(kinds.begin(), kinds.end());
    return kinds;
}

std::unique_ptr<Component> ComponentFactory::create(const ComponentContext &context,
                                                    QString *error) const
{
    const auto it = m_creators.constFind(context.kind);
    if (it == m_creators.cend()) {
        if (error)
            *error = QStringLiteral("%1 nodes are not implemented yet").arg(context.kind);
        return nullptr;
    }
    QString reason;
    std::unique_ptr<Component> component = (*it)(context, &reason);
    if (!component && error)
        *error = reason.isEmpty() ? QStringLiteral("cannot be created") : reason;
    return component;
}

} // namespace infralab::runtime
