#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>

#include <functional>
#include <optional>

namespace infralab {

// One component on the canvas. A plain value: the document owns the topology and announces
// changes by id. `config` holds only the keys the file (or the user) set; missing keys take the
// catalogue's defaults (ComponentCatalogue::effectiveConfig). `extra` keeps unknown keys so a
// load/save round trip loses nothing.
struct Node
{
    QString id;
    QString kind;
    QString name;
    QString description;
    std::optional<QPointF> position;
    QJsonObject config;
    QJsonObject extra;

    QString displayName() const { return name.isEmpty() ? id : name; }
    friend bool operator==(const Node &, const Node &) = default;
};

// A connection from a caller to a callee, in the direction traffic flows.
struct Link
{
    QString from;
    QString to;
    QJsonObject config;
    QJsonObject extra;

    friend bool operator==(const Link &, const Link &) = default;
};

// A whole lab design: the in-memory form of a `*.infralab.json` file (format version 1).
// Node and link order is the file's order, so validation paths (`nodes[2]`) point into the file.
class Topology
{
public:
    static constexpr int FormatVersion = 1;
    static constexpr const char *FormatName = "infralab-topology";

    QString name;
    QString description;
    QList<Node> nodes;
    QList<Link> links;
    QJsonObject extra;

    int indexOfNode(QStringView id) const;
    const Node *findNode(QStringView id) const;
    Node *findNode(QStringView id);
    int indexOfLink(QStringView from, QStringView to) const;
    QList<int> linksFrom(QStringView id) const;
    QList<int> linksTo(QStringView id) const;

    // For every node, the length of the longest chain of callers above it (0 for nodes nothing
    // calls), following only the links `follow` accepts (all when empty). Cycles are cut:
    // depths stop growing after nodes.size() rounds. Layouts place columns by it.
    QHash<QString, int> callerDepths(const std::function<bool(const Link &)> &follow = {}) const;

    // A fresh id for a new node of `kind`: `web-1`, `web-2`, … (the catalogue's id prefix).
    QString uniqueId(QStringView prefix) const;

    friend bool operator==(const Topology &, const Topology &) = default;
};

// `[a-z][a-z0-9-]{0,62}`, the id rule of the file format.
bool isValidNodeId(QStringView id);

} // namespace infralab
