#pragma once

#include "http/requestparser.h"
#include "http/responseheadwriter.h"

#include <QByteArray>
#include <QPointer>

#include <memory>
#include <optional>

namespace infralab::httpserver {

class HttpConnection;

// A response body produced piece by piece (a large file): the connection pulls the next
// piece only when the socket has drained, so memory per connection stays bounded.
class BodySource
{
public:
    virtual ~BodySource() = default;
    // Up to `max` bytes into `data`; 0 at the end; -1 on error (the connection is aborted).
    virtual qint64 read(char *data, qint64 max) = 0;
};

// What a handler sees of one request on a connection, and how it answers. Views stay valid
// until the response is finished. Exactly one of send(), sendStream() or sendError() ends
// the exchange; a handler may do so later (asynchronously) as long as isValid() holds.
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
    qint64 startedMs() const { return m_startedMs; }

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

    bool isFinished() const { return m_finished; }
    int status() const { return m_status; }
    qint64 bodyBytesSent() const { return m_bodyBytes; }

private:
    friend class HttpConnection;
    void reset(const http::RequestHead *request, QByteArrayView body, qint64 nowMs);
    void finishHead(qint64 contentLength);

    HttpConnection *m_connection;
    const http::RequestHead *m_request = nullptr;
    QByteArrayView m_body;
    QByteArray m_peerAddress;
    QByteArray m_head; // reused across requests
    std::optional<http::ResponseHeadWriter> m_writer;
    qint64 m_startedMs = 0;
    qint64 m_bodyBytes = 0;
    int m_status = 0;
    bool m_closeAfter = false;
    bool m_finished = true;
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
