#include "model/topology.h"

#include <algorithm>

namespace infralab {

int Topology::indexOfNode(QStringView id) const
{
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (nodes.at(i).id == id)
            return int(i);
    }
    return -1;
}

const Node *Topology::findNode(QStringView id) const
{
    const int i = indexOfNode(id);
    return i < 0 ? nullptr : &nodes.at(i);
}

Node *Topology::findNode(QStringView id)
{
    const int i = indexOfNode(id);
    return i < 0 ? nullptr : &nodes[i];
}

int Topology::indexOfLink(QStringView from, QStringView to) const
{
    for (qsizetype i = 0; i < links.size(); ++i) {
        if (links.at(i).from == from && links.at(i).to == to)
            return int(i);
    }
    return -1;
}

QList<int> Topology::linksFrom(QStringView id) const
{
    QList<int> result;
    for (qsizetype i = 0; i < links.size(); ++i) {
        if (links.at(i).from == id)
            result.append(int(i));
    }
    return result;
}

QList<int> Topology::linksTo(QStringView id) const
{
    QList<int> result;
    for (qsizetype i = 0; i < links.size(); ++i) {
        if (links.at(i).to == id)
            result.append(int(i));
    }
    return result;
}

QHash<QString, int> Topology::callerDepths(const std::function<bool(const Link &)> &follow) const
{
    QHash<QString, int> depth;
    for (const Node &node : nodes)
        depth.insert(node.id, 0);
    const int limit = int(nodes.size());
    for (int round = 0; round < limit; ++round) {
        bool changed = false;
        for (const Link &link : links) {
            if (!depth.contains(link.from) || !depth.contains(link.to) || link.from == link.to
                || (follow && !follow(link)))
                continue;
            const int candidate = std::min(depth.value(link.from) + 1, limit);
            if (candidate > depth.value(link.to)) {
                depth[link.to] = candidate;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    return depth;
}

QString Topology::uniqueId(QStringView prefix) const
{
    for (int n = 1;; ++n) {
        const QString candidate = prefix.toString() + QLatin1Char('-') + QString::number(n);
        if (indexOfNode(candidate) < 0)
            return candidate;
    }
}

bool isValidNodeId(QStringView id)
{
    if (id.isEmpty() || id.size() > 63)
        return false;
    if (id.front() < u'a' || id.front() > u'z')
        return false;
    for (const QChar c : id) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace infralab
