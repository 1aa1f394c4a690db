#include "upstream/upstreamexchange.h"

#include "net/clock.h"
#include "net/connectionshard.h"
#include "net/listensocket.h"
#include "net/loopbackconnect.h"
#include "net/streamsocket.h"
#include "upstream/upstreampool.h"

namespace infralab::upstream {

namespace {
constexpr qsizetype ReadChunk = 64 * 1024;
} // namespace

UpstreamExchange::UpstreamExchange(UpstreamPool &pool, quint16 port, UpstreamRequest request,
                                   UpstreamListener *listener)
    : m_pool(pool)
    , m_port(port)
    , m_request(std::move(request))
    , m_listener(listener)
    , m_in(pool.takeBuffer())
    , m_parser(pool.options().limits)
    , m_chunked(pool.options().limits)
{
    pool.link(this);
}

UpstreamExchange::~UpstreamExchange()
{
    m_pool.untrack(this);
    m_pool.unlink(this);
    closeSocket();
    m_pool.recycleBuffer(std::move(m_in));
}

void UpstreamExchange::start()
{
    m_pool.track(this);
    // A stale pooled connection is replaced by a fresh one for idempotent requests anyway
    // (retryOnFreshConnection), so only the others pay for the liveness probe.
    if (net::StreamSocket *socket
        = m_pool.takeIdle(m_port, !http::isIdempotent(m_request.method))) {
        m_reused = true;
        attach(socket);
        sendRequest();
        return;
    }
    connectFresh();
}

void UpstreamExchange::connectFresh()
{
    m_state = State::Connecting;
    m_deadlineMs = net::coarseNowMs() + m_pool.options().connectTimeoutMs;
    m_pool.countOpened();
    const net::LoopbackConnect connection = net::LoopbackConnect::start(m_port);
    if (connection.state == net::LoopbackConnect::State::Connected) {
        attach(m_pool.adopt(new net::StreamSocket(connection.fd), m_port));
        sendRequest();
        return;
    }
    if (connection.state == net::LoopbackConnect::State::InProgress) {
        m_connectPoller = net::ReadinessPoller::forCurrentThread();
        if (m_connectPoller
            && m_connectPoller->add(connection.fd, this, net::ReadinessPoller::Writable)) {
            m_connectFd = connection.fd;
            return;
        }
        net::closeDescriptor(connection.fd);
    }
    // Refused at once (usual on loopback): report from the event loop, like every outcome,
    // so a listener never sees its callback inside start().
    m_pool.deferRefusal(this);
}

void UpstreamExchange::refusedAtOnce()
{
    if (m_state == State::Connecting && m_connectFd < 0 && !m_socket)
        fail(UpstreamOutcome::ConnectFailed);
}

void UpstreamExchange::onConnectReady()
{
    const int fd = std::exchange(m_connectFd, -1);
    m_connectPoller->remove(fd, this);
    if (net::finishConnect(fd) != 0) {
        net::closeDescriptor(fd);
        fail(UpstreamOutcome::ConnectFailed);
        return;
    }
    attach(m_pool.adopt(new net::StreamSocket(fd), m_port));
    sendRequest();
}

void UpstreamExchange::attach(net::StreamSocket *socket)
{
    // The pool delivers the socket's signals to its current owner (connected once, when the
    // socket was made: no connect and disconnect per request).
    m_socket = socket;
    m_pool.setOwner(socket, this);
    if (m_paused)
        socket->setReadEnabled(false);
}

void UpstreamExchange::sendRequest()
{
    m_state = State::Waiting;
    m_deadlineMs = net::coarseNowMs() + m_pool.options().responseTimeoutMs;
    m_socket->write(m_request.head, m_request.body);
    if (m_socket->isOpen())
        m_bytesWritten = m_request.head.size() + m_request.body.size();
}

void UpstreamExchange::onReadable()
{
    if (m_state == State::Done || m_state == State::Connecting || m_eof)
        return;
    qsizetype n = 0;
    switch (m_socket->readInto(m_in, ReadChunk, &n)) {
    case net::StreamSocket::ReadStatus::Data:
        m_gotByte = true;
        m_deadlineMs = net::coarseNowMs() + m_pool.options().responseTimeoutMs;
        break;
    case net::StreamSocket::ReadStatus::WouldBlock: return;
    case net::StreamSocket::ReadStatus::Error: m_eofReset = true; [[fallthrough]];
    case net::StreamSocket::ReadStatus::EndOfStream:
        m_eof = true;
        m_socket->setReadEnabled(false);
        break;
    }
    process();
}

void UpstreamExchange::socketFailed()
{
    if (m_state == State::Done || !m_socket || m_socket->isOpen())
        return;
    m_eof = true;
    m_eofReset = true;
    process();
}

void UpstreamExchange::process()
{
    m_inProcess = true;
    if (m_state == State::Waiting && !parseHead() && m_state == State::Waiting && m_eof) {
        if (m_gotByte)
            fail(UpstreamOutcome::InvalidResponse); // RFC 9112 §8: an incomplete head
        else if (!retryOnFreshConnection())
            fail(UpstreamOutcome::ResetBeforeResponse);
    }
    if (m_state == State::Body && !m_paused)
        deliverBody();
    m_inProcess = false;
}

bool UpstreamExchange::parseHead()
{
    while (true) {
        const http::ParseResult result = m_parser.parse(m_in, m_head, m_request.method);
        if (result.isIncomplete())
            return false;
        if (result.isError() || m_head.status == 101) {
            fail(UpstreamOutcome::InvalidResponse); // we never ask for a protocol switch
            return false;
        }
        if (m_head.isInformational()) { // RFC 9110 §15.2: 1xx precede the final answer
            m_in.remove(0, result.consumed);
            m_parser.reset();
            continue;
        }
        m_framing = m_head.framing;
        m_remaining = m_head.contentLength;
        m_reusable = m_head.keepAlive;
        m_chunked.reset();
        if (deliverWhole(result.consumed))
            return false;
        m_state = State::Body;
        m_listener->upstreamHead(m_head);
        if (m_state == State::Done)
            return false;
        m_in.remove(0, result.consumed);
        return true;
    }
}

bool UpstreamExchange::deliverWhole(qsizetype headLength)
{
    if (m_framing != http::BodyFraming::ContentLength || !m_listener->acceptsWhole()
        || m_in.size() - headLength < m_remaining)
        return false;
    if (m_in.size() - headLength > m_remaining)
        m_reusable = false; // more than the framing allowed: never reuse this connection
    m_state = State::Done;
    m_pool.untrack(this);
    if (m_reusable && !m_eof && m_socket && m_socket->isOpen() && m_socket->pendingBytes() == 0) {
        m_pool.giveBack(m_port, std::exchange(m_socket, nullptr));
    }
    closeSocket();
    // m_in stays untouched during the call: the head's and the body's views point into it.
    m_listener->upstreamWhole(m_head, QByteArrayView(m_in).sliced(headLength, m_remaining));
    return true;
}

void UpstreamExchange::deliverBody()
{
    switch (m_framing) {
    case http::BodyFraming::None: break;
    case http::BodyFraming::ContentLength:
        if (!m_in.isEmpty() && m_remaining > 0) {
            const qsizetype n = qsizetype(std::min<qint64>(m_in.size(), m_remaining));
            m_remaining -= n;
            m_listener->upstreamBody(QByteArrayView(m_in).first(n));
            if (m_state == State::Done)
                return;
            m_in.remove(0, n);
        }
        if (m_remaining > 0) {
            if (m_eof)
                fail(UpstreamOutcome::AbortedMidBody); // RFC 9112 §8: shorter than announced
            return;
        }
        break;
    case http::BodyFraming::Chunked: {
        const http::ParseResult result = m_chunked.feed(m_in, m_decoded);
        if (result.isError()) {
            fail(UpstreamOutcome::AbortedMidBody);
            return;
        }
        m_in.remove(0, result.consumed);
        if (!m_decoded.isEmpty()) {
            m_listener->upstreamBody(m_decoded);
            if (m_state == State::Done)
                return;
            m_decoded.resize(0);
        }
        if (!result.isComplete()) {
            if (m_eof)
                fail(UpstreamOutcome::AbortedMidBody);
            return;
        }
        break;
    }
    case http::BodyFraming::UntilClose:
        if (!m_in.isEmpty()) {
            m_listener->upstreamBody(m_in);
            if (m_state == State::Done)
                return;
            m_in.resize(0);
        }
        if (!m_eof)
            return;
        if (m_eofReset) {
            fail(UpstreamOutcome::AbortedMidBody); // a reset is not a clean end (RFC 9112 §6.3)
            return;
        }
        break;
    }
    if (!m_in.isEmpty())
        m_reusable = false; // more than the framing allowed: never reuse this connection
    complete();
}

void UpstreamExchange::complete()
{
    m_state = State::Done;
    m_pool.untrack(this);
    if (m_reusable && !m_eof && m_socket && m_socket->isOpen() && m_socket->pendingBytes() == 0) {
        m_pool.giveBack(m_port, std::exchange(m_socket, nullptr));
    }
    closeSocket();
    m_listener->upstreamFinished(UpstreamOutcome::Complete);
}

void UpstreamExchange::fail(UpstreamOutcome outcome)
{
    m_state = State::Done;
    m_pool.untrack(this);
    closeSocket();
    m_listener->upstreamFinished(outcome);
}

bool UpstreamExchange::retryOnFreshConnection()
{
    // A kept-alive connection the upstream closed while it sat in the pool: nothing was
    // processed, so one fresh attempt is safe (RFC 9112 §9.3.1 for non-idempotent requests
    // only when the request never left).
    if (!m_reused || m_retried || m_gotByte)
        return false;
    if (!http::isIdempotent(m_request.method) && m_bytesWritten > 0)
        return false;
    m_retried = true;
    m_reused = false;
    closeSocket();
    m_in.clear();
    m_parser.reset();
    m_eof = m_eofReset = false;
    m_bytesWritten = 0;
    connectFresh();
    return true;
}

void UpstreamExchange::checkDeadline(qint64 nowMs)
{
    if (m_state == State::Done || m_paused || nowMs < m_deadlineMs)
        return;
    fail(m_state == State::Connecting ? UpstreamOutcome::ConnectTimeout
                                      : UpstreamOutcome::ResponseTimeout);
}

void UpstreamExchange::pause()
{
    m_paused = true;
    if (m_socket && m_socket->isOpen())
        m_socket->setReadEnabled(false);
}

void UpstreamExchange::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    m_deadlineMs = net::coarseNowMs() + m_pool.options().responseTimeoutMs;
    if (m_socket && m_socket->isOpen() && !m_eof)
        m_socket->setReadEnabled(true);
    if (!m_inProcess && m_state == State::Body && (!m_in.isEmpty() || m_eof))
        process();
}

void UpstreamExchange::cancel()
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    m_pool.untrack(this);
    closeSocket();
}

void UpstreamExchange::closeSocket()
{
    if (m_connectFd >= 0) {
        m_connectPoller->remove(m_connectFd, this);
        net::closeDescriptor(std::exchange(m_connectFd, -1));
    }
    if (m_socket) {
        m_pool.forget(m_socket);
        m_socket->abort();
        std::exchange(m_socket, nullptr)->deleteLater(); // we may be inside its signal
    }
}

} // namespace infralab::upstream
