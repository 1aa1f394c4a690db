#include "net/loopbackconnect.h"

#include "net/listensocket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>

namespace infralab::net {

LoopbackConnect LoopbackConnect::start(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return {};
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int result;
    do {
        result = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
    } while (result < 0 && errno == EINTR);
    if (result == 0)
        return {State::Connected, fd};
    if (errno == EINPROGRESS)
        return {State::InProgress, fd};
    const int error = errno;
    closeDescriptor(fd);
    errno = error;
    return {};
}

int finishConnect(int fd)
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) < 0)
        error = errno;
    return error;
}

} // namespace infralab::net
