#pragma once

#include <QDir>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace infralab::net {
class EventLoopPool;
}

namespace infralab::metrics {
class LinkMetrics;
}

namespace infralab::runtime {

class Component;

// One link of a node to a running callee, as a creator and a live rewire see it.
struct UpstreamLink
{
    QString nodeId;     // the callee
    quint16 port = 0;   // its bound port on 127.0.0.1
    QJsonObject config; // the link's effective config (load-balancer links: weight, backup, …)

    friend bool operator==(const UpstreamLink &, const UpstreamLink &) = default;
};

// What a creator needs to build the component of one node.
struct ComponentContext
{
    QString nodeId;
    QString kind;
    QJsonObject config; // effective: the node's keys completed with the catalogue's defaults
    QDir topologyDir;   // the topology file's folder
    net::EventLoopPool *pool = nullptr;
    // Bound ports of the node's running HTTP callees (its links, in file order); callees start
    // first. `hasHttpCallees` is true when the node links to any HTTP node, running or not
    // (a kind not implemented yet is skipped, so it has no port).
    QList<quint16> upstreamPorts;
    bool hasHttpCallees = false;
    // The same running HTTP callees with their ids and link settings, in file order.
    QList<UpstreamLink> upstreams;

    // `path` as written in the config, made absolute against the topology file's folder
    // (DESIGN.md: relative paths in config resolve there). Empty stays empty.
    QString resolvePath(const QString &path) const;
    // Per-link metrics for the node's upstreams (one recorder per link and network thread),
    // for a component that forwards to them to hand to its HttpForwarders.
    std::shared_ptr<const metrics::LinkMetrics> makeLinkMetrics() const;
};

// Kind → creator. A kind without a creator is not implemented in this version: the runtime
// reports its nodes as skipped. A creator checks what only the machine can tell (a root folder
// that is missing or unreadable) and returns null with `error` set; the validator has already
// checked types and ranges, so creators trust the config's values.
class ComponentFactory
{
public:
    using Creator
        = std::function<std::unique_ptr<Component>(const ComponentContext &, QString *error)>;

    // Every kind this version implements.
    static ComponentFactory builtIn();

    void add(const QString &kind, Creator creator);
    bool implements(const QString &kind) const { return m_creators.contains(kind); }
    QStringList kinds() const;

    // Null with `error` set when the node cannot be built (or its kind is not implemented).
    std::unique_ptr<Component> create(const ComponentContext &context, QString *error) const;

private:
    QHash<QString, Creator> m_creators;
};

} // namespace infralab::runtime
