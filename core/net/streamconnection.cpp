#include "net/streamconnection.h"

#include "net/streamshard.h"

namespace infralab::net {

StreamConnection::StreamConnection(StreamShard *shard)
    : QObject(shard)
    , m_shard(shard)
{}

StreamConnection::~StreamConnection() = default;

void StreamConnection::closed()
{
    m_shard->connectionClosed(this);
    deleteLater();
}

} // namespace infralab::net
