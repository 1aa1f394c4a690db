#include "model/topologydiff.h"

#include <QSet>

#include <algorithm>

namespace infralab {

QStringList changedConfigKeys(const QJsonObject &before, const QJsonObject &after)
{
    QStringList keys;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        const auto old = before.constFind(it.key());
        if (old == before.constEnd() || old.value() != it.value())
            keys.append(it.key());
    }
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        if (!after.contains(it.key()))
            keys.append(it.key());
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

ChangedNode ChangedNode::between(const Node &before, const Node &after)
{
    ChangedNode change;
    change.id = after.id;
    if (before.kind != after.kind)
        change.changes |= NodeChange::Kind;
    if (before.name != after.name)
        change.changes |= NodeChange::Name;
    if (before.description != after.description)
        change.changes |= NodeChange::Description;
    if (before.position != after.position)
        change.changes |= NodeChange::Position;
    if (before.config != after.config) {
        change.changes |= NodeChange::Config;
        change.configKeys = changedConfigKeys(before.config, after.config);
    }
    if (before.extra != after.extra)
        change.changes |= NodeChange::Extra;
    return change;
}

TopologyDiff TopologyDiff::between(const Topology &before, const Topology &after)
{
    TopologyDiff diff;
    diff.metadataChanged = before.name != after.name || before.description != after.description
                           || before.extra != after.extra;

    for (const Node &node : after.nodes) {
        const Node *old = before.findNode(node.id);
        if (!old) {
            diff.addedNodes.append(node.id);
        } else if (*old != node) {
            diff.changedNodes.append(ChangedNode::between(*old, node));
        }
    }
    for (const Node &node : before.nodes) {
        if (!after.findNode(node.id))
            diff.removedNodes.append(node.id);
    }

    // By (from, to): a hash, so large topologies do not cost links².
    QHash<LinkKey, const Link *> oldLinks;
    for (const Link &link : before.links)
        oldLinks.insert(LinkKey(link.from, link.to), &link);
    QSet<LinkKey> newLinks;
    for (const Link &link : after.links) {
        const LinkKey key(link.from, link.to);
        newLinks.insert(key);
        const Link *old = oldLinks.value(key);
        if (!old) {
            diff.addedLinks.append(key);
        } else if (*old != link) {
            diff.changedLinks.append({link.from, link.to,
                                      changedConfigKeys(old->config, link.config),
                                      old->extra != link.extra});
        }
    }
    for (const Link &link : before.links) {
        const LinkKey key(link.from, link.to);
        if (!newLinks.contains(key))
            diff.removedLinks.append(key);
    }
    return diff;
}

bool TopologyDiff::isEmpty() const
{
    return addedNodes.isEmpty() && removedNodes.isEmpty() && changedNodes.isEmpty()
           && addedLinks.isEmpty() && removedLinks.isEmpty() && changedLinks.isEmpty()
           && !metadataChanged;
}

const ChangedNode *TopologyDiff::changedNode(QStringView id) const
{
    for (const ChangedNode &change : changedNodes) {
        if (change.id == id)
            return &change;
    }
    return nullptr;
}

} // namespace infralab
