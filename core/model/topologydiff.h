#pragma once

#include "model/topology.h"

#include <QFlags>
#include <QList>
#include <QStringList>

namespace infralab {

// The parts of a node an edit can change. Each listener reacts to the parts that concern it:
// the canvas card to position, name, description and kind; validation and the running lab to
// config and kind.
enum class NodeChange {
    Kind = 0x01,
    Name = 0x02,
    Description = 0x04,
    Position = 0x08,
    Config = 0x10,
    Extra = 0x20, // unknown keys kept for the file
};
Q_DECLARE_FLAGS(NodeChanges, NodeChange)
Q_DECLARE_OPERATORS_FOR_FLAGS(NodeChanges)

// The config keys set, unset or given another value between `before` and `after`, sorted.
QStringList changedConfigKeys(const QJsonObject &before, const QJsonObject &after);

// One node present on both sides that differs, and how.
struct ChangedNode
{
    QString id;
    NodeChanges changes;
    QStringList configKeys; // when changes has Config

    static ChangedNode between(const Node &before, const Node &after);
    friend bool operator==(const ChangedNode &, const ChangedNode &) = default;
};

// One link present on both sides (same from, to) that differs.
struct ChangedLink
{
    QString from;
    QString to;
    QStringList configKeys; // empty when only its unknown keys changed
    bool extra = false;

    friend bool operator==(const ChangedLink &, const ChangedLink &) = default;
};

// What turns one topology into another, node by id and link by (from, to). A pure value: the
// live edit sync asks it what differs between the document and the running lab, and
// Lab::apply which running nodes take a new config. Lists follow file order: added and changed
// items the order of `after`, removed ones the order of `before`.
struct TopologyDiff
{
    using LinkKey = std::pair<QString, QString>;

    QStringList addedNodes;
    QStringList removedNodes;
    QList<ChangedNode> changedNodes;
    QList<LinkKey> addedLinks;
    QList<LinkKey> removedLinks;
    QList<ChangedLink> changedLinks;
    bool metadataChanged = false; // the topology's name, description or unknown keys

    static TopologyDiff between(const Topology &before, const Topology &after);

    bool isEmpty() const;
    // The change of node `id`, nullptr when it is unchanged, added or removed.
    const ChangedNode *changedNode(QStringView id) const;

    friend bool operator==(const TopologyDiff &, const TopologyDiff &) = default;
};

} // namespace infralab
