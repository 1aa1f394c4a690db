#include "httpserver/httpconnection.h"

#include "httpserver/errorpage.h"
#include "httpserver/httpshard.h"
#include "metrics/trafficrecorder.h"
#include "net/clock.h"
#include "net/connectionshard.h"
#include "net/streamsocket.h"

namespace infralab::httpserver {

namespace {
constexpr qsizetype ReadChunk = 4096;
constexpr qsizetype StreamChunk = 64 * 1024;
// Largest sendfile(2) per call, nginx's sendfile_max_chunk default: one connection taking a
// large file does not hold its thread for long, and the kernel still gets big pieces.
constexpr qint64 SendFileChunk = 2 * 1024 * 1024;
// File bodies from this size are sent corked (nginx's tcp_nopush with sendfile).
constexpr qint64 CorkFrom = 64 * 1024;
// Pipelined requests wait while this much response output is still queued.
constexpr qsizetype OutputHighWater = 1024 * 1024;
constexpr int LingerMs = 2000;
constexpr qint64 NoDeadline = std::numeric_limits<qint64>::max();
} // namespace

HttpConnection::HttpConnection(int fd, HttpShard *shard)
    : net::StreamConnection(shard)
    , m_shard(shard)
    , m_socket(openSocket(fd))
    , m_parser(shard->options().limits)
    , m_chunked(shard->options().limits)
    , m_exchange(this)
{
    m_exchange.m_peerAddress = m_socket->peerAddress();
    m_socket->setReader(this);
    connect(m_socket, &net::StreamSocket::failed, this, &HttpConnection::peerFailed);
    connect(m_socket, &net::StreamSocket::drained, this, [this] {
        if (m_state == State::Streaming) {
            pumpStream();
        } else if (m_state == State::Pushing) {
            m_deadlineMs = NoDeadline;
            if (auto callback = m_exchange.m_onDrained)
                callback(); // a copy: the callback may finish the exchange and reset it
        } else if (m_state == State::Head) {
            // Output fell below the high-water mark, for which processInput() paused reading:
            // read again and serve what is buffered. Without this, a connection paused with no
            // complete request left in its buffer never read again (not the client's next
            // request, not its FIN) until the keep-alive timeout.
            if (!m_draining)
                m_socket->setReadEnabled(true);
            processInput();
        } else if (m_state == State::Closing && m_peerClosed) {
            closeNow(); // the last response is out and the client sends nothing more
        }
    });
    markIdle(net::coarseNowMs());
    m_deadlineMs = idleSinceMs() + shard->options().headerTimeoutMs;
}

HttpConnection::~HttpConnection()
{
    m_exchange.cancel(); // an asynchronous handler must not keep a reference past this
}

void HttpConnection::onReadyRead()
{
    if (m_state == State::Closed)
        return;
    bool endOfStream = false;
    for (int i = 0; i < 16; ++i) {
        const qsizetype room = std::max(ReadChunk, m_in.capacity() - m_in.size());
        qsizetype n = 0;
        const auto status = m_socket->readInto(m_in, room, &n);
        if (status == net::StreamSocket::ReadStatus::Data) {
            m_shard->traffic().addBytesIn(n);
            if (n < room)
                break;
            continue;
        }
        if (status == net::StreamSocket::ReadStatus::WouldBlock)
            break;
        if (status == net::StreamSocket::ReadStatus::Error) {
            peerFailed();
            return;
        }
        endOfStream = true;
        break;
    }
    if (m_state == State::Closing) {
        m_in.resize(0); // lingering close: discard what the client still sends
        if (endOfStream) {
            m_peerClosed = true;
            closeWhenFlushed();
        }
        return;
    }
    if (endOfStream) {
        // The client half-closed (e.g. `printf … | nc`): answer the complete requests it sent,
        // then close once the answers are out. An unfinished request is dropped silently, as
        // nginx does. processInput() closes when nothing is left to serve; while the output is
        // above its high-water mark it waits for drained() and goes on.
        m_draining = true;
        m_peerClosed = true;
        m_socket->setReadEnabled(false);
    }
    processInput();
}

void HttpConnection::processInput()
{
    while (m_state == State::Head || m_state == State::Body) {
        if (m_socket->pendingBytes() > OutputHighWater) {
            m_socket->setReadEnabled(false);
            return; // resumed by drained()
        }
        if (m_state == State::Body) {
            if (!readBody())
                return;
            continue;
        }
        if (m_offset == m_in.size()) {
            if (m_draining)
                closeGracefully();
            return;
        }
        const QByteArrayView buffer = QByteArrayView(m_in).sliced(m_offset);
        const http::ParseResult result = m_parser.parse(buffer, m_head);
        if (result.isIncomplete()) {
            if (m_requestsServed > 0
                && m_deadlineMs - net::coarseNowMs() > m_shard->options().headerTimeoutMs) {
                // First bytes of a kept-alive request: the head timer starts now.
                m_deadlineMs = net::coarseNowMs() + m_shard->options().headerTimeoutMs;
            }
            if (m_draining)
                closeGracefully(); // the answers already queued still go out
            return;
        }
        if (result.isError()) {
            failRequest(result.httpStatus, metrics::ErrorKind::Protocol);
            return;
        }
        m_headLength = result.consumed;
        m_headData = m_in.constData();
        m_shard->traffic().addRequest();
        switch (m_head.framing) {
        case http::BodyFraming::None:
        case http::BodyFraming::UntilClose: dispatch({}, m_headLength); break;
        case http::BodyFraming::ContentLength:
        case http::BodyFraming::Chunked:
            m_state = State::Body;
            m_continueSent = false;
            m_chunked.reset();
            m_chunkConsumed = 0;
            m_chunkedBody.resize(0);
            m_deadlineMs = net::coarseNowMs() + m_shard->options().bodyTimeoutMs;
            break;
        }
    }
}

// The body's bytes are appended to m_in, and QByteArray moves its data when it grows: the head's
// views then point into freed memory. Parse the head again where it lies now (the same bytes,
// so the same head; only when the buffer moved). Found by fuzz_httpconnection under ASan.
void HttpConnection::refreshHead()
{
    if (m_in.constData() == m_headData)
        return;
    m_parser.reset();
    m_parser.parse(QByteArrayView(m_in).sliced(m_offset), m_head);
    m_headData = m_in.constData();
}

bool HttpConnection::readBody()
{
    const qsizetype bodyStart = m_offset + m_headLength;
    if (m_head.framing == http::BodyFraming::ContentLength) {
        if (m_in.size() - bodyStart >= m_head.contentLength) {
            refreshHead();
            dispatch(QByteArrayView(m_in).sliced(bodyStart, m_head.contentLength),
                     m_headLength + m_head.contentLength);
            return true;
        }
    } else {
        const http::ParseResult result = m_chunked.feed(
            QByteArrayView(m_in).sliced(bodyStart + m_chunkConsumed), m_chunkedBody);
        if (result.isError()) {
            failRequest(result.httpStatus, metrics::ErrorKind::Protocol);
            return false;
        }
        m_chunkConsumed += result.consumed;
        if (result.isComplete()) {
            refreshHead();
            dispatch(m_chunkedBody, m_headLength + m_chunkConsumed);
            return true;
        }
    }
    if (m_draining) {
        closeGracefully(); // the body will not come; earlier answers still go out
        return false;
    }
    // RFC 9110 §10.1.1: the client waits for 100 before sending the body.
    if (m_head.expectContinue && !m_continueSent) {
        m_continueSent = true;
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    m_deadlineMs = net::coarseNowMs() + m_shard->options().bodyTimeoutMs;
    return false;
}

void HttpConnection::dispatch(QByteArrayView body, qsizetype requestLength)
{
    m_requestLength = requestLength;
    m_state = State::Handling;
    m_deadlineMs = NoDeadline;
    m_socket->setReadEnabled(false); // pipelined bytes wait in the kernel: views stay valid
    m_exchange.reset(&m_head, body, net::steadyNowUs());
    ++m_requestsServed;
    if (m_draining || !m_head.keepAlive || m_requestsServed >= m_shard->options().keepAliveRequests)
        m_exchange.m_closeAfter = true;
    m_inDispatch = true;
    m_shard->handler().handle(m_exchange);
    m_inDispatch = false;
}

void HttpConnection::writeResponse(QByteArrayView head, QByteArrayView body)
{
    m_shard->traffic().addBytesOut(head.size() + body.size());
    m_socket->write(head, body);
    if (m_state == State::Closed)
        return;
    exchangeComplete();
}

void HttpConnection::startStream(QByteArrayView head, qint64 length,
                                 std::unique_ptr<BodySource> source)
{
    m_shard->traffic().addBytesOut(head.size());
    qint64 offset = 0;
    // Measured with wrk -c50 on a 1 MiB file: 1.9k req/s uncorked with 256 KiB pieces, 3.0-3.4k
    // corked with 2 MiB pieces (nginx: 3.0k); the client's CPU per byte is what differs.
    if (length >= CorkFrom && source->fileDescriptor(&offset) >= 0)
        m_socket->setCorked(true);
    m_socket->write(head);
    if (m_state == State::Closed)
        return;
    m_stream = std::move(source);
    m_streamRemaining = length;
    m_state = State::Streaming;
    pumpStream();
}

void HttpConnection::pumpStream()
{
    qint64 fileOffset = 0;
    const int fileFd = m_stream->fileDescriptor(&fileOffset);
    while (fileFd >= 0 && m_streamRemaining > 0 && m_socket->pendingBytes() == 0) {
        bool wouldBlock = false;
        const qint64 sent = m_socket->sendFile(
            fileFd, fileOffset, std::min(m_streamRemaining, SendFileChunk), &wouldBlock);
        if (sent < 0 || (sent == 0 && !wouldBlock)) {
            closeNow(); // socket gone, or the file shrank: truncate, never pad
            return;
        }
        m_shard->traffic().addBytesOut(sent);
        m_stream->advance(sent);
        fileOffset += sent;
        m_streamRemaining -= sent;
        if (wouldBlock)
            break;
    }
    while (fileFd < 0 && m_streamRemaining > 0 && m_socket->pendingBytes() < StreamChunk) {
        const qint64 want = std::min<qint64>(StreamChunk, m_streamRemaining);
        m_streamChunk.resize(want);
        const qint64 got = m_stream->read(m_streamChunk.data(), want);
        if (got <= 0) {
            closeNow(); // the client sees a truncated body, never padding
            return;
        }
        m_shard->traffic().addBytesOut(got);
        m_socket->write(QByteArrayView(m_streamChunk.constData(), got));
        if (m_state == State::Closed)
            return;
        m_streamRemaining -= got;
    }
    if (m_streamRemaining > 0) {
        m_deadlineMs = net::coarseNowMs() + m_shard->options().sendTimeoutMs;
        return;
    }
    m_stream.reset();
    m_socket->setCorked(false); // the body's last partial segment leaves now
    if (m_streamChunk.capacity() > StreamChunk)
        m_streamChunk = QByteArray();
    exchangeComplete();
}

void HttpConnection::startPush(QByteArrayView head)
{
    m_shard->traffic().addBytesOut(head.size());
    m_socket->write(head);
    if (m_state == State::Closed)
        return;
    m_state = State::Pushing;
}

bool HttpConnection::pushBody(QByteArrayView first, QByteArrayView second)
{
    if (m_state != State::Pushing)
        return false;
    m_shard->traffic().addBytesOut(first.size() + second.size());
    m_socket->write(first, second);
    if (m_state != State::Pushing)
        return false; // the write failed: closeNow() cancelled the exchange
    if (m_socket->pendingBytes() > 0 && m_deadlineMs == NoDeadline)
        m_deadlineMs = net::coarseNowMs() + m_shard->options().sendTimeoutMs;
    return true;
}

void HttpConnection::finishPush()
{
    if (m_state == State::Pushing)
        exchangeComplete();
}

void HttpConnection::abortExchange()
{
    if (m_state == State::Closed || m_state == State::Closing)
        return;
    const bool headSent = m_exchange.m_headSent;
    m_exchange.m_finished = true;
    m_exchange.m_onDrained = nullptr;
    m_exchange.m_onCancelled = nullptr;
    countResponse();
    m_shard->handler().finished(m_exchange);
    if (headSent)
        closeGracefully(); // flush what was relayed, then FIN: the client sees a short body
    else
        closeNow();
}

qsizetype HttpConnection::pendingOutput() const
{
    return m_socket->pendingBytes();
}

void HttpConnection::exchangeComplete()
{
    m_exchange.m_finished = true;
    m_exchange.m_onDrained = nullptr;
    m_exchange.m_onCancelled = nullptr;
    countResponse();
    m_shard->handler().finished(m_exchange);
    if (m_exchange.m_closeAfter) {
        closeGracefully();
        return;
    }
    // Drop the finished request; keep what was pipelined behind it.
    m_offset += m_requestLength;
    if (m_offset == m_in.size()) {
        m_in.resize(0);
        if (m_in.capacity() > 64 * 1024)
            m_in = QByteArray(); // a large body's buffer is not kept on an idle connection
    } else {
        m_in.remove(0, m_offset);
    }
    m_offset = 0;
    m_parser.reset();
    m_state = State::Head;
    markIdle(net::coarseNowMs());
    m_deadlineMs = idleSinceMs() + m_shard->options().keepAliveTimeoutMs;
    if (!m_draining)
        m_socket->setReadEnabled(true);
    if (m_socket->pendingBytes() > 0)
        m_deadlineMs
            = std::min(m_deadlineMs, net::coarseNowMs() + m_shard->options().sendTimeoutMs);
    // A synchronous handler returns into processInput()'s loop, which goes on with the next
    // pipelined request; an answer that came later resumes the loop here.
    if (!m_inDispatch)
        processInput();
}

void HttpConnection::countResponse()
{
    // Latency: the whole request was read → the response was handed to the kernel (for a
    // streamed body, its last byte), as nginx's $request_time measures it from the head.
    m_shard->traffic().addResponse(m_exchange.m_status,
                                   net::steadyNowUs() - m_exchange.m_startedUs);
}

// The client reset the connection or vanished: an error when it happened mid-request.
void HttpConnection::peerFailed()
{
    if (m_state != State::Closing && m_state != State::Closed && !isIdle())
        m_shard->traffic().addError(metrics::ErrorKind::Reset);
    closeNow();
}

void HttpConnection::failRequest(int status, metrics::ErrorKind kind)
{
    m_shard->traffic().addRejected(status, kind);
    const QByteArray body = errorPage(status);
    QByteArray head;
    http::ResponseHeadWriter writer(head, status);
    writer.add("Content-Type", "text/html").addContentLength(body.size()).addConnectionClose();
    writer.finish();
    m_shard->traffic().addBytesOut(head.size() + body.size());
    m_socket->write(head, body);
    if (m_state != State::Closed)
        closeGracefully();
}

void HttpConnection::closeGracefully()
{
    if (m_state == State::Closed || m_state == State::Closing)
        return;
    // Half-close and read what the client still sends before closing, so our last response
    // is not destroyed by a RST (nginx's lingering close).
    m_state = State::Closing;
    m_stream.reset();
    m_socket->shutdownWriteWhenFlushed();
    if (m_peerClosed) {
        closeWhenFlushed(); // nothing to linger for: the client already sent its FIN
        if (m_state == State::Closed)
            return;
    } else {
        m_socket->setReadEnabled(true);
    }
    m_deadlineMs = net::coarseNowMs()
                   + (m_socket->pendingBytes() > 0 ? m_shard->options().sendTimeoutMs : LingerMs);
}

// Closing and the client has sent everything it will: close once the queued output is out
// (drained() then calls closeNow()). Closing at the client's FIN instead would drop answers a
// half-closed client is still waiting for (fuzz_httpconnection).
void HttpConnection::closeWhenFlushed()
{
    if (m_socket->pendingBytes() == 0) {
        closeNow();
        return;
    }
    m_socket->setReadEnabled(false);
}

void HttpConnection::closeNow()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_exchange.cancel();
    m_stream.reset();
    m_socket->abort();
    closed();
}

void HttpConnection::checkDeadline(qint64 nowMs)
{
    if (nowMs < m_deadlineMs)
        return;
    switch (m_state) {
    case State::Head:
        if (isIdle() && m_socket->pendingBytes() == 0) {
            closeNow(); // keep-alive expired
            return;
        }
        if (m_socket->pendingBytes() > 0) {
            closeNow(); // the client stopped reading (send timeout)
            return;
        }
        [[fallthrough]];
    case State::Body: failRequest(408, metrics::ErrorKind::Timeout); return;
    case State::Streaming:
    case State::Pushing:
    case State::Closing: closeNow(); return;
    case State::Handling:
    case State::Closed: return;
    }
}

void HttpConnection::drain()
{
    m_draining = true;
    if (m_state == State::Handling)
        m_exchange.m_closeAfter = true; // its response says Connection: close
    else if (m_state == State::Head && isIdle())
        closeNow();
}

} // namespace infralab::httpserver
