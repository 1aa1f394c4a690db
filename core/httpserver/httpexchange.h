#pragma once

#include "http/requestparser.h"
#include "http/responseheadwriter.h"

#include <QByteArray>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace infralab::httpserver {

class FilterChain;
class HttpConnection;

// A response body produced piece by piece (a large file): the connection pulls the next
// piece only when the socket has drained, so memory per connection stays bounded.
class BodySource
{
public:
    virtual ~BodySource() = default;
    // Up to `max` bytes into `data`; 0 at the end; -1 on error (the connection is aborted).
    virtual qint64 read(char *data, qint64 max) = 0;
    // A source backed by a regular file may expose its descriptor and current offset; the
    // connection then sends with sendfile(2) (no copy through user space, as nginx does) and
    // reports progress with advance(). -1 = use read().
    virtual int fileDescriptor(qint64 *offset) const
    {
        Q_UNUSED(offset);
        return -1;
    }
    virtual void advance(qint64 bytes) { Q_UNUSED(bytes); }
};

// What a handler sees of one request on a connection, and how it answers. Views stay valid
// until the response is finished. Exactly one of send(), sendStream(), sendError() or
// sendHead() … finishBody() ends the exchange (abort() also does). A handler may answer later
// (asynchronously); it must then set an onCancelled callback: the connection calls it when the
// client went away or the drain deadline struck, and the exchange must not be touched after.
class HttpExchange
{
public:
    explicit HttpExchange(HttpConnection *connection)
        : m_connection(connection)
    {}

    const http::RequestHead &request() const { return *m_request; }
    QByteArrayView body() const { return m_body; }
    QByteArrayView peerAddress() const { return m_peerAddress; }
    bool isHead() const { return m_request->method == http::HttpMethod::Head; }
    qint64 startedMs() const { return m_startedUs / 1000; } // steady clock (net::steadyNowMs)
    qint64 startedUs() const { return m_startedUs; }

    // Status line, Date and Server are written; add fields, then send()/sendStream().
    http::ResponseHeadWriter &begin(int status);
    // Ends with `body` (Content-Length added; no body bytes for HEAD, 204 and 304).
    void send(QByteArrayView body);
    // Ends with `length` bytes pulled from `source` (nothing pulled for HEAD).
    void sendStream(qint64 length, std::unique_ptr<BodySource> source);
    // A complete error response with the standard page; the connection closes afterwards
    // when `close` is set.
    void sendError(int status, bool close = false);
    // Ask the connection to close after this response (Connection: close).
    void setCloseAfter() { m_closeAfter = true; }

    // Push streaming (a relayed upstream body). sendHead() writes the head for a body of
    // `contentLength` bytes, or of unknown length when -1: chunked for HTTP/1.1 clients,
    // delimited by closing the connection for HTTP/1.0 ones (RFC 9112 §6.3, §7.1). Then
    // writeBody() any number of times and finishBody(). For HEAD, 204 and 304 the body bytes
    // are dropped; finishBody() is still called. writeBody() returns false once the client
    // connection is gone (onCancelled has then been called).
    void sendHead(qint64 contentLength);
    bool writeBody(QByteArrayView data);
    void finishBody();
    // Ends the exchange by closing the client connection after what was written so far is
    // flushed: the client sees a truncated body (RFC 9112 §8: incomplete message), never
    // padding, and the connection is never reused.
    void abort();
    bool isHeadSent() const { return m_headSent; }
    // Response bytes queued for the client; stop producing while this is large and resume in
    // onDrained (the client socket emptied its queue).
    qsizetype pendingOutput() const;
    void setOnDrained(std::function<void()> callback) { m_onDrained = std::move(callback); }
    void setOnCancelled(std::function<void()> callback) { m_onCancelled = std::move(callback); }

    bool isFinished() const { return m_finished; }
    int status() const { return m_status; }
    qint64 bodyBytesSent() const { return m_bodyBytes; }

private:
    friend class FilterChain;
    friend class HttpConnection;
    void reset(const http::RequestHead *request, QByteArrayView body, qint64 nowUs);
    void finishHead(qint64 contentLength);
    void cancel(); // from the connection: the client is gone

    HttpConnection *m_connection;
    FilterChain *m_filters = nullptr; // set by a chain with response filters
    const http::RequestHead *m_request = nullptr;
    QByteArrayView m_body;
    QByteArray m_peerAddress;
    QByteArray m_head; // reused across requests
    std::optional<http::ResponseHeadWriter> m_writer;
    qint64 m_startedUs = 0;
    qint64 m_bodyBytes = 0;
    int m_status = 0;
    qint64 m_pushLength = 0; // sendHead(): -1 unknown length
    std::function<void()> m_onDrained;
    std::function<void()> m_onCancelled;
    bool m_closeAfter = false;
    bool m_finished = true;
    bool m_headSent = false;
    bool m_pushChunked = false;
    bool m_pushBody = false; // body bytes go out (not HEAD/204/304)
};

// The component side of an HTTP server: one instance per network thread (made by the
// server's factory), so handlers need no locks for their own state.
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;
    virtual void handle(HttpExchange &exchange) = 0;
    // After each response is complete (for access logs and metrics).
    virtual void finished(const HttpExchange &) {}
};

} // namespace infralab::httpserver
