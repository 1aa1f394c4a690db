#pragma once

#include "http/httptypes.h"
#include "http/requestparser.h"

#include <QByteArray>
#include <QVarLengthArray>

namespace infralab::upstream {

// One request to send upstream: a complete head (written by RequestHeadWriter) and a body
// view the caller keeps valid until the exchange finishes (the HttpExchange's body is).
struct UpstreamRequest
{
    http::HttpMethod method = http::HttpMethod::Get;
    QByteArray head;
    QByteArrayView body;
};

// Writes an HTTP/1.1 request head. Every piece is checked for CR, LF and NUL (RFC 9110 §5.5:
// they may never appear in a field value; a forwarded target is the raw, still-encoded one),
// so no input can inject a header or split the request; ok() is false once one was refused.
class RequestHeadWriter
{
public:
    RequestHeadWriter(QByteArray &out, QByteArrayView method, QByteArrayView target);

    RequestHeadWriter &add(QByteArrayView name, QByteArrayView value);
    // One field whose value is the comma-separated list of `values` (empty ones skipped), then
    // `last` (Via, X-Forwarded-For: what arrived, then our own entry).
    RequestHeadWriter &addList(QByteArrayView name, QByteArrayView last,
                               const QVarLengthArray<QByteArrayView, 2> &values);
    RequestHeadWriter &addContentLength(qint64 length);
    void finish();
    bool ok() const { return m_ok; }

private:
    static bool isSafe(QByteArrayView text);
    // `size` more bytes at the end of the head, to be filled (written straight, not appended
    // piece by piece: a relayed request head is a dozen pieces).
    char *grow(qsizetype size);
    static char *put(char *out, QByteArrayView text);

    QByteArray &m_out;
    bool m_ok = true;
};

// May rewrite a request field on its way upstream (a balancer's sticky cookie).
class RequestFieldRewriter
{
public:
    // Return true and set `replacement` (empty = drop the field), or false to pass it on.
    virtual bool rewriteRequestField(QByteArrayView name, QByteArrayView value,
                                     QByteArray *replacement)
    {
        Q_UNUSED(name);
        Q_UNUSED(value);
        Q_UNUSED(replacement);
        return false;
    }

protected:
    ~RequestFieldRewriter() = default;
};

// How a proxy forwards a client's request (nginx's proxy_pass defaults).
struct ForwardedRequestOptions
{
    QByteArrayView peer;          // the client's address, for X-Forwarded-For and X-Real-IP
    bool forwardedHeaders = true; // X-Forwarded-For/-Proto/-Host and X-Real-IP
    bool wholeResource = false;   // a cache fill: HEAD asked as GET, no conditional fields
    RequestFieldRewriter *rewriter = nullptr;
};

// The upstream request for a client's `request` with `body`: Host as the client sent it (or
// 127.0.0.1 for an HTTP/1.0 client without one), hop-by-hop fields and the client's
// Connection options dropped, Via and X-Forwarded-For extended, Content-Length ours (the
// engine de-chunked the body and answered Expect itself). False when a piece was refused
// (CR, LF or NUL).
bool writeForwardedRequest(const http::RequestHead &request, QByteArrayView body,
                           const ForwardedRequestOptions &options, UpstreamRequest &out);

} // namespace infralab::upstream
