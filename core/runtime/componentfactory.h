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

// One link of a node to a running callee, as a creator and a live rewire see it, whatever the
// callee speaks: an app server's link to a database arrives here as much as a balancer's link
// to a web server. Kinds that only speak HTTP upstream skip the others (isHttp()); validation
// already limits which kinds may be linked.
struct UpstreamLink
{
    QString nodeId;     // the callee
    QString kind;       // its kind, as in the topology
    QString scheme;     // what it listens for: the catalogue's "Listens:" ("http", "postgres", …)
    quint16 port = 0;   // its bound port on `host`
    QJsonObject config; // the link's effective config (load-balancer links: weight, backup, …)
    QString host = QStringLiteral("127.0.0.1"); // every listener binds loopback (DESIGN.md)

    bool isHttp() const { return scheme == QLatin1String("http"); }
    // Where the caller reaches the callee: `postgres://127.0.0.1:5432`.
    QString url() const { return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(port); }

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
    // Every running callee, whatever its scheme, with its id, kind, scheme, address and link
    // settings, in file order.
    QList<UpstreamLink> upstreams;

    // The HTTP ones among `upstreams`, in file order.
    QList<UpstreamLink> httpUpstreams() const { return onlyHttp(upstreams); }
    static QList<UpstreamLink> onlyHttp(const QList<UpstreamLink> &links);

    // `path` as written in the config, made absolute against the topology file's folder
    // (DESIGN.md: relative paths in config resolve there). Empty stays empty.
    QString resolvePath(const QString &path) const;
    // Per-link metrics for the node's HTTP upstreams (one recorder per link and network thread),
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
