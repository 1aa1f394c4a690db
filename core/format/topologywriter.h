#pragma once

#include "model/topology.h"

#include <QByteArray>
#include <QString>

namespace infralab {

// Writes `*.infralab.json` in canonical form: two-space indentation, a fixed key order
// (format, version, name, description, nodes, links, then unknown keys sorted; within a node
// id, kind, name, description, position, config, unknown keys), config keys in catalogue order
// then unknown ones sorted. Reading then writing a canonical file gives back the same bytes.
class TopologyWriter
{
public:
    static QByteArray serialize(const Topology &topology);
    // Atomic save with QSaveFile; on failure returns false and sets `error`, the old file stays.
    static bool writeFile(const Topology &topology, const QString &fileName, QString *error);
};

} // namespace infralab
