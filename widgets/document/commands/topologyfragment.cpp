#include "document/commands/topologyfragment.h"

#include "catalogue/componentcatalogue.h"
#include "format/topologyreader.h"
#include "format/topologywriter.h"

#include <QCoreApplication>

namespace infralab {

Topology TopologyFragment::extract(const Topology &topology, const QStringList &nodeIds,
                                   const QHash<QString, QPointF> &displayed)
{
    Topology fragment;
    for (Node node : topology.nodes) {
        if (!nodeIds.contains(node.id))
            continue;
        if (!node.position && displayed.contains(node.id))
            node.position = displayed.value(node.id);
        fragment.nodes.append(node);
    }
    for (const Link &link : topology.links) {
        if (nodeIds.contains(link.from) && nodeIds.contains(link.to))
            fragment.links.append(link);
    }
    return fragment;
}

QByteArray TopologyFragment::toJson(const Topology &fragment)
{
    return TopologyWriter::serialize(fragment);
}

bool TopologyFragment::fromJson(const QByteArray &text, Topology *fragment, QString *error)
{
    // Pasting stays strict: only a valid fragment is inserted (a file with errors opens, but
    // the clipboard's content is no one's unsaved work, and its kinds must be known to get ids).
    const ReadResult result = TopologyReader::parse(text);
    const Problems problems = validateFile(result);
    if (hasErrors(problems)) {
        for (const Problem &problem : problems) {
            if (problem.isError()) {
                *error = QCoreApplication::translate("TopologyFragment",
                                                     "The clipboard holds no topology: %1")
                             .arg(problem.toString());
                break;
            }
        }
        return false;
    }
    if (result.topology.nodes.isEmpty()) {
        *error = QCoreApplication::translate("TopologyFragment", "The clipboard holds no nodes.");
        return false;
    }
    *fragment = result.topology;
    return true;
}

Topology TopologyFragment::prepareForInsert(const Topology &fragment, const Topology &target,
                                            const QPointF &offset)
{
    const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
    Topology taken = target; // ids in use: the target's and those already handed out
    QHash<QString, QString> renamed;
    Topology prepared;
    for (Node node : fragment.nodes) {
        const KindInfo *info = catalogue.find(node.kind);
        const QString prefix = info ? info->idPrefix : QStringLiteral("node");
        const QString id = taken.uniqueId(prefix);
        renamed.insert(node.id, id);
        node.id = id;
        if (node.position)
            node.position = *node.position + offset;
        taken.nodes.append(Node{id, node.kind, {}, {}, {}, {}, {}});
        prepared.nodes.append(node);
    }
    for (Link link : fragment.links) {
        link.from = renamed.value(link.from);
        link.to = renamed.value(link.to);
        prepared.links.append(link);
    }
    return prepared;
}

} // namespace infralab
