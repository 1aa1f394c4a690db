#pragma once

#include <QString>

namespace infralab::net {

// A listening TCP socket bound to 127.0.0.1 (never another address: DESIGN.md "Safety
// defaults"). Bound synchronously in the caller's thread so "port taken" is reported at once;
// the descriptor is then handed to an acceptor in a network thread.
struct ListenSocket
{
    int fd = -1;
    quint16 port = 0; // the bound port (the kernel's choice when 0 was asked)

    // Returns a socket with fd < 0 and `error` set on failure ("port 8080 is already in use").
    static ListenSocket bindLoopback(quint16 port, int backlog, QString *error);
};

// Closes a descriptor, retrying on EINTR semantics as POSIX allows.
void closeDescriptor(int fd);

} // namespace infralab::net
