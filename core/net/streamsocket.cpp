#include "net/streamsocket.h"

#include "net/listensocket.h"
#include "net/socketfaults.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace infralab::net {

namespace {
constexpr qsizetype SmallWrite = 8 * 1024;
} // namespace

StreamSocket::StreamSocket(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in peer{};
    socklen_t length = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &length) == 0
        && peer.sin_family == AF_INET) {
        m_peerIPv4 = ntohl(peer.sin_addr.s_addr);
        m_peerPort = ntohs(peer.sin_port);
    }
    m_poller = ReadinessPoller::forCurrentThread();
    if (m_poller && m_poller->add(fd, this, ReadinessPoller::Readable)) {
        m_registered = ReadinessPoller::Readable;
        return;
    }
    // No readiness would ever come (descriptors or kernel memory exhausted): the owner hears
    // of it like of a peer reset, once its constructor is done.
    const int error = errno;
    abort();
    QMetaObject::invokeMethod(
        this, [this, error] { emit failed(error); }, Qt::QueuedConnection);
}

StreamSocket::~StreamSocket()
{
    if (m_destroyed)
        *m_destroyed = true;
    abort();
}

QByteArray StreamSocket::peerAddress() const
{
    return QByteArray::number((m_peerIPv4 >> 24) & 0xff) + '.'
           + QByteArray::number((m_peerIPv4 >> 16) & 0xff) + '.'
           + QByteArray::number((m_peerIPv4 >> 8) & 0xff) + '.'
           + QByteArray::number(m_peerIPv4 & 0xff);
}

StreamSocket::ReadStatus StreamSocket::readInto(QByteArray &buffer, qsizetype maxBytes,
                                                qsizetype *bytesRead)
{
    *bytesRead = 0;
    if (m_faults) [[unlikely]]
        return readFaulted(buffer, maxBytes, bytesRead);
    if (m_fd < 0)
        return ReadStatus::Error;
    const qsizetype oldSize = buffer.size();
    buffer.resize(oldSize + maxBytes);
    ssize_t n;
    do {
        n = ::recv(m_fd, buffer.data() + oldSize, size_t(maxBytes), 0);
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
        buffer.resize(oldSize + n);
        *bytesRead = n;
        return ReadStatus::Data;
    }
    buffer.resize(oldSize);
    if (n == 0)
        return ReadStatus::EndOfStream;
    if (errno == EAGAIN || errno == EWOULDBLOCK)
        return ReadStatus::WouldBlock;
    return ReadStatus::Error;
}

void StreamSocket::setReadEnabled(bool enabled)
{
    m_readEnabled = enabled;
    // Off is lazy: the poller keeps asking for read readiness until some arrives (then
    // descriptorReady() tells it), so a connection that pauses reading for every request it
    // handles costs no system call when nothing arrives meanwhile.
    if (enabled && !(m_registered & ReadinessPoller::Readable))
        updateInterest();
}

void StreamSocket::updateInterest()
{
    const quint32 want = wanted();
    if (m_fd < 0 || want == m_registered || !m_poller)
        return;
    if (want == 0) {
        // Out of the set: a hang-up is reported even without interest, and must not wake the
        // thread again and again while the owner does not read.
        m_poller->remove(m_fd, this);
        m_registered = 0;
        return;
    }
    const bool ok
        = m_registered == 0 ? m_poller->add(m_fd, this, want) : m_poller->modify(m_fd, this, want);
    if (ok) {
        m_registered = want;
        return;
    }
    const int error = errno;
    QMetaObject::invokeMethod(
        this, [this, error] { fail(error); }, Qt::QueuedConnection);
}

void StreamSocket::descriptorReady(quint32 events)
{
    bool destroyed = false; // the owner may delete us from inside a signal
    m_destroyed = &destroyed;
    const quint32 unwanted = events & ~wanted();
    if ((events & ReadinessPoller::Writable) && m_writeArmed) {
        onWritable();
        if (destroyed)
            return;
    }
    if ((events & ReadinessPoller::Readable) && m_readEnabled && m_fd >= 0 && m_reader) {
        m_reader->socketReadable(this);
        if (destroyed)
            return;
    }
    m_destroyed = nullptr;
    // Readiness arrived for what we no longer want: now the kernel hears. (Reading turned off
    // by the owner just now stays lazy: usually it is on again before anything arrives.)
    if (unwanted)
        updateInterest();
}

void StreamSocket::armWrite()
{
    m_writeArmed = true;
    updateInterest();
}

qsizetype StreamSocket::sendNow(const char *data, qsizetype size, bool *failedOut)
{
    qsizetype sent = 0;
    while (sent < size) {
        const ssize_t n = ::send(m_fd, data + sent, size_t(size - sent), MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        *failedOut = true;
        break;
    }
    return sent;
}

void StreamSocket::write(QByteArrayView data)
{
    if (m_fd < 0 || data.isEmpty())
        return;
    if (m_faults) [[unlikely]] {
        writeFaulted(data);
        return;
    }
    writeToKernel(data);
}

void StreamSocket::writeToKernel(QByteArrayView data)
{
    if (kernelPendingBytes() > 0) {
        m_out.append(data.data(), data.size());
        return;
    }
    bool failedNow = false;
    const qsizetype sent = sendNow(data.data(), data.size(), &failedNow);
    if (failedNow) {
        fail(errno);
        return;
    }
    if (sent < data.size()) {
        m_out.truncate(0);
        m_outOffset = 0;
        m_out.append(data.data() + sent, data.size() - sent);
        armWrite();
    }
}

void StreamSocket::write(QByteArrayView first, QByteArrayView second)
{
    if (m_fd < 0)
        return;
    if (pendingBytes() > 0 || first.isEmpty() || second.isEmpty() || m_faults) {
        write(first);
        write(second);
        return;
    }
    const qsizetype total = first.size() + second.size();
    if (total <= SmallWrite) {
        // Copying a small answer together costs less than writev(2) does over send(2): the
        // iovec import and a user-copy check per piece.
        thread_local char joined[SmallWrite];
        std::memcpy(joined, first.data(), size_t(first.size()));
        std::memcpy(joined + first.size(), second.data(), size_t(second.size()));
        write(QByteArrayView(joined, total));
        return;
    }
    iovec parts[2] = {{const_cast<char *>(first.data()), size_t(first.size())},
                      {const_cast<char *>(second.data()), size_t(second.size())}};
    msghdr message = {};
    message.msg_iov = parts;
    message.msg_iovlen = 2;
    ssize_t n;
    do {
        // sendmsg(2) rather than writev(2): the same gather write, with MSG_NOSIGNAL.
        n = ::sendmsg(m_fd, &message, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            fail(errno);
            return;
        }
        n = 0;
    }
    if (n == total)
        return;
    m_out.truncate(0);
    m_outOffset = 0;
    if (n < first.size()) {
        m_out.append(first.data() + n, first.size() - n);
        m_out.append(second.data(), second.size());
    } else {
        const qsizetype done = n - first.size();
        m_out.append(second.data() + done, second.size() - done);
    }
    armWrite();
}

qint64 StreamSocket::sendFile(int fileFd, qint64 offset, qint64 count, bool *wouldBlock)
{
    *wouldBlock = false;
    if (m_fd < 0 || pendingBytes() > 0)
        return -1;
    if (m_faults) [[unlikely]] {
        // A fault must see the bytes: read them through user space instead.
        QByteArray chunk(qsizetype(std::min<qint64>(count, 64 * 1024)), Qt::Uninitialized);
        ssize_t n;
        do {
            n = ::pread(fileFd, chunk.data(), size_t(chunk.size()), off_t(offset));
        } while (n < 0 && errno == EINTR);
        if (n <= 0)
            return n == 0 ? 0 : -1;
        chunk.truncate(n);
        write(chunk);
        return m_fd < 0 ? -1 : n;
    }
    off_t position = off_t(offset);
    ssize_t n;
    do {
        n = ::sendfile(m_fd, fileFd, &position, size_t(count));
    } while (n < 0 && errno == EINTR);
    if (n >= 0)
        return n;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
        *wouldBlock = true;
        armWrite(); // onWritable() finds nothing queued: drained()
        return 0;
    }
    return -1;
}

void StreamSocket::onWritable()
{
    bool failedNow = false;
    const qsizetype sent
        = sendNow(m_out.constData() + m_outOffset, kernelPendingBytes(), &failedNow);
    if (failedNow) {
        fail(errno);
        return;
    }
    m_outOffset += sent;
    if (kernelPendingBytes() > 0)
        return;
    m_out.truncate(0);
    m_outOffset = 0;
    if (m_out.capacity() > 256 * 1024)
        m_out.squeeze(); // do not keep a large burst's buffer on an idle connection
    m_writeArmed = false;
    updateInterest(); // at once: a writable socket would wake the thread on every turn
    if (m_faultQueuedOut > 0)
        return; // drained() once the fault has released the rest
    if (m_shutdownPending) {
        m_shutdownPending = false;
        ::shutdown(m_fd, SHUT_WR);
    }
    emit drained();
}

void StreamSocket::setCorked(bool corked)
{
    if (m_fd < 0 || corked == m_corked)
        return;
    const int value = corked ? 1 : 0;
    if (::setsockopt(m_fd, IPPROTO_TCP, TCP_CORK, &value, sizeof value) == 0)
        m_corked = corked;
}

void StreamSocket::shutdownWriteWhenFlushed()
{
    if (m_fd < 0)
        return;
    if (pendingBytes() > 0)
        m_shutdownPending = true;
    else
        ::shutdown(m_fd, SHUT_WR);
}

void StreamSocket::abort(bool reset)
{
    if (m_fd < 0)
        return;
    if (reset) {
        const linger option{1, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
    if (m_registered != 0 && m_poller)
        m_poller->remove(m_fd, this); // before close(): the number may be reused at once
    m_registered = 0;
    m_writeArmed = false;
    closeDescriptor(m_fd);
    m_fd = -1;
    m_out.clear();
    m_outOffset = 0;
    m_faultQueuedOut = 0;
    if (m_faults) {
        m_faults->timer.stop();
        for (auto &queue : m_faults->queue)
            queue.clear();
        m_faults->queuedIn = 0;
    }
}

void StreamSocket::fail(int error)
{
    abort();
    emit failed(error);
}

} // namespace infralab::net
