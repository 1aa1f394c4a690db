#include "format/topologyreader.h"

namespace infralab {

ReadResult TopologyReader::parse(const QByteArray &)
{
    return {}; // PLACEHOLDER
}

ReadResult TopologyReader::readFile(const QString &)
{
    return {}; // PLACEHOLDER
}

} // namespace infralab
