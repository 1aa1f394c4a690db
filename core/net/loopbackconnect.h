#pragma once

#include <QtGlobal>

namespace infralab::net {

// A non-blocking TCP connect to 127.0.0.1:`port` (never another address: DESIGN.md "Safety
// defaults"), shared by the upstream client and the traffic generator.
struct LoopbackConnect
{
    enum class State : quint8 {
        Connected,  // fd is a connected socket (usual on loopback)
        InProgress, // wait until fd is writable, then finishConnect(fd)
        Failed,     // refused at once, or no socket: fd is -1 and errno tells why
    };
    State state = State::Failed;
    int fd = -1;

    static LoopbackConnect start(quint16 port);
};

// After an InProgress descriptor turned writable: 0 when connected, else the error the connect
// failed with (SO_ERROR). The caller still owns `fd` either way.
int finishConnect(int fd);

} // namespace infralab::net
