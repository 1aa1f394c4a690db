#include "net/listensocket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace infralab::net {

ListenSocket ListenSocket::bindLoopback(quint16 port, int backlog, QString *error)
{
    ListenSocket result;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        if (error)
            *error = QStringLiteral("cannot create a socket: %1")
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return result;
    }
    // SO_REUSEADDR lets a restarted node bind again while old connections sit in TIME_WAIT;
    // it does not allow two listeners on one port (that needs SO_REUSEPORT, which we avoid).
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);

    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) < 0) {
        const int code = errno;
        ::close(fd);
        if (error) {
            *error = code == EADDRINUSE ? QStringLiteral("port %1 is already in use").arg(port)
                                        : QStringLiteral("cannot bind 127.0.0.1:%1: %2")
                                              .arg(port)
                                              .arg(QString::fromLocal8Bit(std::strerror(code)));
        }
        return result;
    }
    if (::listen(fd, backlog) < 0) {
        const int code = errno;
        ::close(fd);
        if (error)
            *error = QStringLiteral("cannot listen on 127.0.0.1:%1: %2")
                         .arg(port)
                         .arg(QString::fromLocal8Bit(std::strerror(code)));
        return result;
    }
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    result.fd = fd;
    result.port = ntohs(address.sin_port);
    return result;
}

void closeDescriptor(int fd)
{
    if (fd >= 0)
        ::close(fd); // on Linux the descriptor is released even when close() reports EINTR
}

} // namespace infralab::net
