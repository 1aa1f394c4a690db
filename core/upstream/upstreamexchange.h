#pragma once

#include "http/chunkeddecoder.h"
#include "http/responseparser.h"
#include "net/readinesspoller.h"
#include "net/streamsocket.h"
#include "upstream/upstreamoptions.h"
#include "upstream/upstreamrequest.h"

namespace infralab::upstream {

class UpstreamPool;

// What an exchange reports, in order: at most one head, body pieces, then exactly one
// upstreamFinished(). Views are valid during the call only. A listener may call pause(),
// resume() or cancel() from inside any callback.
class UpstreamListener
{
public:
    virtual ~UpstreamListener() = default;
    virtual void upstreamHead(const http::ResponseHead &head) = 0; // final head (1xx skipped)
    virtual void upstreamBody(QByteArrayView data) = 0;            // decoded (de-chunked) bytes
    virtual void upstreamFinished(UpstreamOutcome outcome) = 0;
    // A Content-Length response whose whole body came in with its head (the usual small
    // answer) is then reported in one call instead of head, body and finished(Complete), so a
    // relay can answer its client with one write. The connection is already back in the pool.
    virtual bool acceptsWhole() const { return false; }
    virtual void upstreamWhole(const http::ResponseHead &head, QByteArrayView body)
    {
        Q_UNUSED(head);
        Q_UNUSED(body);
    }
};

// One request/response on an upstream connection to 127.0.0.1:port, taken from the pool or
// opened with a non-blocking connect. Parses the response strictly (framing by request
// method: HEAD/204/304/1xx, chunked, Content-Length, close-delimited) and streams the body to
// the listener. The connection returns to the pool only after a clean, complete keep-alive
// response. A pooled connection that dies before any response byte is replaced once by a
// fresh one, when that is safe: idempotent method, or the request was never sent.
// Lives in the pool's thread; the pool deletes leftovers first, while it is still whole. Hand
// it to UpstreamPool::retire() when done (its owner may be inside one of its callbacks), which
// deletes finished exchanges in batches from the event loop. Not a QObject: one is made per
// request, and a QObject's making and unmaking cost more than the rest of it.
class UpstreamExchange final : private net::SocketReader, private net::ReadinessHandler
{
    Q_DISABLE_COPY_MOVE(UpstreamExchange)

public:
    UpstreamExchange(UpstreamPool &pool, quint16 port, UpstreamRequest request,
                     UpstreamListener *listener);
    ~UpstreamExchange();

    void start();
    // Backpressure: stop reading the upstream (the response timeout pauses too).
    void pause();
    void resume();
    // No more callbacks; the connection is closed, never reused.
    void cancel();

    quint16 port() const { return m_port; }
    bool requestWritten() const { return m_bytesWritten > 0; }
    bool isFinished() const { return m_state == State::Done; }
    bool reusedConnection() const { return m_reused; }

private:
    friend class UpstreamPool;
    enum class State : quint8 { Connecting, Waiting, Body, Done };

    void socketReadable(net::StreamSocket *) override { onReadable(); }
    void descriptorReady(quint32) override { onConnectReady(); } // the connect finished
    void connectFresh();
    void onConnectReady();
    void refusedAtOnce(); // from the pool, in the event loop
    void attach(net::StreamSocket *socket);
    void sendRequest();
    void onReadable();
    void process();
    bool parseHead();
    bool deliverWhole(qsizetype headLength);
    void deliverBody();
    void socketFailed();
    void checkDeadline(qint64 nowMs);
    void fail(UpstreamOutcome outcome);
    void complete();
    bool retryOnFreshConnection();
    void closeSocket();

    UpstreamPool &m_pool;
    quint16 m_port;
    UpstreamRequest m_request;
    UpstreamListener *m_listener;
    net::StreamSocket *m_socket = nullptr;
    int m_connectFd = -1;
    net::ReadinessPoller *m_connectPoller = nullptr; // while m_connectFd is connecting
    UpstreamExchange *m_previous = nullptr;          // the pool's list of living exchanges
    UpstreamExchange *m_next = nullptr;
    QByteArray m_in;
    QByteArray m_decoded;
    http::ResponseParser m_parser;
    http::ResponseHead m_head;
    http::ChunkedDecoder m_chunked;
    http::BodyFraming m_framing = http::BodyFraming::None;
    qint64 m_remaining = 0;
    qint64 m_deadlineMs = 0;
    qint64 m_bytesWritten = 0;
    State m_state = State::Connecting;
    bool m_reused = false;
    bool m_retried = false;
    bool m_gotByte = false;
    bool m_paused = false;
    bool m_reusable = true;
    bool m_inProcess = false;
    bool m_eof = false;
    bool m_eofReset = false;
    bool m_refusalPending = false; // queued in the pool's refusal list
};

} // namespace infralab::upstream
