#pragma once

#include "model/topology.h"

#include <QByteArray>
#include <QHash>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace infralab {

// A piece of a topology as the clipboard carries it: a complete topology file (format v1)
// holding some nodes and the links among them, so it pastes between windows and from any
// text editor. Pasting gives the nodes fresh ids (`web-2`, …) and moves them by an offset.
class TopologyFragment
{
public:
    // The nodes `nodeIds` of `topology` (file order) and every link between two of them.
    // Unplaced nodes get `displayed` positions, so a paste lands where the user saw them.
    static Topology extract(const Topology &topology, const QStringList &nodeIds,
                            const QHash<QString, QPointF> &displayed = {});
    static QByteArray toJson(const Topology &fragment);
    // Parses clipboard text; on failure returns false and sets `error` to a one-line message.
    static bool fromJson(const QByteArray &text, Topology *fragment, QString *error);

    // Renames the fragment's nodes to ids unused in `target` (the kind's id prefix, `web-2`)
    // and rewires its links, then moves every node by `offset`.
    static Topology prepareForInsert(const Topology &fragment, const Topology &target,
                                     const QPointF &offset);
};

} // namespace infralab
