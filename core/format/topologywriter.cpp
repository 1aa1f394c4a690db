#include "format/topologywriter.h"

namespace infralab {

QByteArray TopologyWriter::serialize(const Topology &)
{
    return {}; // PLACEHOLDER
}

bool TopologyWriter::writeFile(const Topology &, const QString &, QString *)
{
    return false; // PLACEHOLDER
}

} // namespace infralab
