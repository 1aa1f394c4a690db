#include "net/streamconnection.h"

#include "net/streamshard.h"
#include "net/streamsocket.h"

namespace infralab::net {

StreamConnection::StreamConnection(StreamShard *shard)
    : QObject(shard)
    , m_shard(shard)
{}

StreamConnection::~StreamConnection() = default;

StreamSocket *StreamConnection::openSocket(int fd)
{
    auto *socket = new StreamSocket(fd, this);
    if (const FaultPolicy *policy = m_shard->faults().policy()) [[unlikely]]
        socket->applyFaultPolicy(policy);
    return socket;
}

void StreamConnection::closed()
{
    m_shard->connectionClosed(this);
    deleteLater();
}

} // namespace infralab::net
