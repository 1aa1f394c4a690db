#include "components/trafficgenerator/clientconnection.h"

#include "net/clock.h"
#include "net/faulthook.h"
#include "net/listensocket.h"
#include "net/loopbackconnect.h"
#include "net/streamsocket.h"

#include <QSocketNotifier>

namespace infralab::trafficgenerator {

namespace {

constexpr qsizetype ReadChunk = 64 * 1024;

// A load generator reads whatever the server sends: no body limit, the head limits of a proxy.
http::HttpLimits clientLimits()
{
    http::HttpLimits limits;
    limits.maxBody = http::HttpLimits::noBodyLimit;
    return limits;
}

} // namespace

ClientConnection::ClientConnection(quint16 port, ClientConnectionListener *listener,
                                   GeneratorStats &stats, QObject *parent,
                                   const net::OutgoingFaults *faults)
    : QObject(parent)
    , m_port(port)
    , m_faults(faults)
    , m_listener(listener)
    , m_stats(stats)
    , m_parser(clientLimits())
    , m_chunked(clientLimits())
{
    m_in.reserve(ReadChunk);
}

ClientConnection::~ClientConnection()
{
    closeSocket();
}

void ClientConnection::send(const QByteArray &request, qsizetype headSize, http::HttpMethod framing,
                            bool idempotent)
{
    Q_ASSERT(!isBusy());
    ++m_generation;
    m_request = request;
    m_headSize = headSize;
    m_framing = framing;
    m_idempotent = idempotent;
    m_retried = false;
    if (m_state == State::Idle && m_socket && m_socket->isOpen()) {
        writeRequest();
        return;
    }
    connectFresh();
}

void ClientConnection::connectFresh()
{
    closeSocket();
    m_state = State::Connecting;
    const net::LoopbackConnect connection = net::LoopbackConnect::start(m_port);
    if (connection.state == net::LoopbackConnect::State::Connected) {
        attach(connection.fd);
        writeRequest();
        return;
    }
    if (connection.state == net::LoopbackConnect::State::InProgress) {
        m_connectFd = connection.fd;
        m_connectNotifier = new QSocketNotifier(connection.fd, QSocketNotifier::Write, this);
        connect(m_connectNotifier, &QSocketNotifier::activated, this,
                &ClientConnection::onConnectReady);
        return;
    }
    // Refused at once (usual on loopback): reported from the event loop, so an owner never
    // sees its callback inside send().
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation] {
            if (generation == m_generation && isBusy())
                fail(ErrorClass::Connect);
        },
        Qt::QueuedConnection);
}

void ClientConnection::onConnectReady()
{
    const int fd = std::exchange(m_connectFd, -1);
    // Off at once (the socket's own write notifier comes next), deleted later: we are inside
    // its signal.
    m_connectNotifier->setEnabled(false);
    std::exchange(m_connectNotifier, nullptr)->deleteLater();
    if (net::finishConnect(fd) != 0) {
        net::closeDescriptor(fd);
        fail(ErrorClass::Connect);
        return;
    }
    attach(fd);
    writeRequest();
}

void ClientConnection::attach(int fd)
{
    m_socket = new net::StreamSocket(fd, this);
    if (m_faults) [[unlikely]]
        m_socket->applyFaultPolicy(m_faults->policy(m_port));
    m_servedOnSocket = 0;
    m_stats.countConnectionOpened();
    m_socket->setReader(this);
    // Queued: a write failure (EPIPE, ECONNRESET) surfaces inside write(); handle it once the
    // call returned, and only if that socket is still ours.
    connect(
        m_socket, &net::StreamSocket::failed, this,
        [this, serial = ++m_socketSerial] {
            if (serial == m_socketSerial && isBusy() && m_socket && !m_socket->isOpen()) {
                m_eof = m_reset = true;
                process();
            }
        },
        Qt::QueuedConnection);
}

void ClientConnection::writeRequest()
{
    m_state = State::Waiting;
    m_in.resize(0);
    m_parser.reset();
    m_gotByte = m_eof = m_reset = false;
    m_reusable = true;
    m_sentAtUs = steadyNowUs();
    const QByteArrayView request(m_request);
    m_socket->write(request.first(m_headSize), request.sliced(m_headSize));
}

void ClientConnection::onReadable()
{
    if (!m_socket || m_eof)
        return;
    qsizetype n = 0;
    switch (m_socket->readInto(m_in, ReadChunk, &n)) {
    case net::StreamSocket::ReadStatus::Data:
        m_stats.countBytesIn(n);
        m_gotByte = true;
        break;
    case net::StreamSocket::ReadStatus::WouldBlock: return;
    case net::StreamSocket::ReadStatus::Error: m_reset = true; [[fallthrough]];
    case net::StreamSocket::ReadStatus::EndOfStream: m_eof = true; break;
    }
    if (m_state == State::Idle) {
        // Between requests the server may only close (idle timeout, keepalive_requests);
        // anything else is out of turn. Either way the connection is done, quietly.
        closeSocket();
        return;
    }
    process();
}

void ClientConnection::process()
{
    if (m_state == State::Waiting && !parseHead()) {
        if (m_state == State::Waiting && m_eof) {
            if (!m_gotByte && retryOnFreshConnection())
                return;
            fail(ErrorClass::Reset); // closed before the head was complete
        }
        return;
    }
    if (m_state == State::Body && consumeBody())
        complete();
}

bool ClientConnection::parseHead()
{
    while (true) {
        const http::ParseResult result = m_parser.parse(m_in, m_head, m_framing);
        if (result.isIncomplete())
            return false;
        if (result.isError() || m_head.status == 101) {
            fail(ErrorClass::Protocol);
            return false;
        }
        if (m_head.isInformational()) { // RFC 9110 §15.2: 100 Continue and friends come first
            m_in.remove(0, result.consumed);
            m_parser.reset();
            continue;
        }
        m_in.remove(0, result.consumed);
        m_reusable = m_head.keepAlive;
        m_remaining = m_head.framing == http::BodyFraming::ContentLength ? m_head.contentLength : 0;
        if (m_head.framing == http::BodyFraming::Chunked)
            m_chunked.reset();
        m_state = State::Body;
        return true;
    }
}

// True once the body is complete; fails the request when the connection ended first.
bool ClientConnection::consumeBody()
{
    switch (m_head.framing) {
    case http::BodyFraming::None: break;
    case http::BodyFraming::ContentLength: {
        const qint64 n = std::min<qint64>(m_in.size(), m_remaining);
        m_remaining -= n;
        if (n == m_in.size())
            m_in.resize(0);
        else
            m_in.remove(0, qsizetype(n));
        if (m_remaining > 0) {
            if (m_eof)
                fail(ErrorClass::Reset); // RFC 9112 §8: shorter than announced
            return false;
        }
        break;
    }
    case http::BodyFraming::Chunked: {
        const http::ParseResult result = m_chunked.feed(m_in, m_decoded);
        m_decoded.resize(0);
        if (result.isError()) {
            fail(ErrorClass::Protocol);
            return false;
        }
        m_in.remove(0, result.consumed);
        if (!result.isComplete()) {
            if (m_eof)
                fail(ErrorClass::Reset);
            return false;
        }
        break;
    }
    case http::BodyFraming::UntilClose:
        m_in.resize(0);
        if (!m_eof)
            return false;
        if (m_reset) {
            fail(ErrorClass::Reset); // a reset is not a clean end (RFC 9112 §6.3)
            return false;
        }
        break;
    }
    if (!m_in.isEmpty())
        m_reusable = false; // bytes beyond the response: never reuse this connection
    return true;
}

void ClientConnection::complete()
{
    ++m_servedOnSocket;
    if (m_reusable && !m_eof && m_socket && m_socket->isOpen()) {
        m_state = State::Idle;
    } else {
        closeSocket();
    }
    m_listener->responseComplete(this, m_head.status);
}

void ClientConnection::fail(ErrorClass error)
{
    closeSocket();
    m_listener->requestFailed(this, error);
}

bool ClientConnection::retryOnFreshConnection()
{
    // A kept-alive connection the server closed just as we reused it: nothing was processed,
    // so one fresh attempt is safe for an idempotent request (RFC 9112 §9.3.1).
    if (m_servedOnSocket == 0 || m_retried || !m_idempotent)
        return false;
    connectFresh();
    m_retried = true;
    return true;
}

void ClientConnection::close()
{
    ++m_generation;
    closeSocket();
}

void ClientConnection::closeSocket()
{
    if (m_connectFd >= 0) {
        delete std::exchange(m_connectNotifier, nullptr);
        net::closeDescriptor(std::exchange(m_connectFd, -1));
    }
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->setReader(nullptr);
        m_socket->abort();
        std::exchange(m_socket, nullptr)->deleteLater(); // we may be inside its signal
        m_stats.countConnectionClosed();
    }
    m_state = State::Closed;
}

} // namespace infralab::trafficgenerator
