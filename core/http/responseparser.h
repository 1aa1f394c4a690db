#pragma once

#include "http/headscanner.h"
#include "http/httptypes.h"

#include <QList>

namespace infralab::http {

// A parsed upstream response head; views point into the parsed buffer (same lifetime rule
// as RequestHead).
struct ResponseHead
{
    HttpVersion version = HttpVersion::Http11;
    int status = 0;
    QByteArrayView reason; // may be empty
    QList<HttpField> fields;

    BodyFraming framing = BodyFraming::None; // RFC 9112 §6.3, given the request method
    qint64 contentLength = 0;                // for ContentLength
    bool keepAlive = true; // may the upstream connection be reused after this response

    bool isInformational() const { return status >= 100 && status < 200; } // read the next head
    QByteArrayView field(QByteArrayView name) const;
    void clear();
};

// The strict response head parser a reverse proxy or load balancer uses on upstream
// connections. Same calling convention as RequestParser. Any malformed or ambiguous
// response (CL/TE conflicts, bad status line, oversized head) is an Error with
// httpStatus 502: the proxy answers 502 and must not reuse the upstream connection.
class ResponseParser
{
public:
    explicit ResponseParser(const HttpLimits &limits = {})
        : m_limits(limits)
    {}

    // `requestMethod` decides framing: responses to HEAD have no body, 2xx to CONNECT
    // starts a tunnel (RFC 9112 §6.3 items 1–2).
    ParseResult parse(QByteArrayView buffer, ResponseHead &out,
                      HttpMethod requestMethod = HttpMethod::Get);
    void reset();

private:
    ParseResult parseStatusLine(QByteArrayView buffer);
    ParseResult finish(QByteArrayView buffer, ResponseHead &out, HttpMethod requestMethod);
    ParseResult fail(ParseResult error);

    HttpLimits m_limits;
    HeadScanner m_scanner;
    int m_status = 0;
    qint32 m_reasonOffset = 0;
    qint32 m_reasonLength = 0;
    HttpVersion m_version = HttpVersion::Http11;
};

ParseResult parseResponseHead(QByteArrayView buffer, ResponseHead &out,
                              HttpMethod requestMethod = HttpMethod::Get,
                              const HttpLimits &limits = {});

} // namespace infralab::http
