#pragma once

#include "http/httptypes.h"

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

} // namespace infralab::upstream
