#pragma once

#include "http/headscanner.h"
#include "http/httptypes.h"

#include <QList>

namespace infralab::http {

// A parsed request head. Every view points into the buffer given to the parser: it stays
// valid while that buffer is neither modified nor freed, i.e. until the connection drops
// the consumed bytes. Reuse one RequestHead per connection so `fields` keeps its capacity.
struct RequestHead
{
    HttpMethod method = HttpMethod::Get;
    QByteArrayView methodToken; // as received ("GET")
    QByteArrayView target;      // the raw request-target, never decoded
    TargetForm targetForm = TargetForm::Origin;
    QByteArrayView path;  // origin/absolute-form: the absolute path ("/" if empty); "*"; empty for
                          // authority-form
    QByteArrayView query; // after '?', without it; empty when absent
    HttpVersion version = HttpVersion::Http11;
    // The authority the request is for: the absolute-form or authority-form target's
    // authority when present (RFC 9112 §3.2.2), else the Host field value (may be empty).
    QByteArrayView host;
    QList<HttpField> fields; // every field line, in order, including the ones interpreted below

    BodyFraming framing = BodyFraming::None; // None, ContentLength or Chunked
    qint64 contentLength = 0;                // for ContentLength
    bool keepAlive = true;       // RFC 9112 §9.3: may the connection serve another request
    bool expectContinue = false; // HTTP/1.1 `Expect: 100-continue` (RFC 9110 §10.1.1)
    bool upgrade = false;        // `Connection: upgrade` with an Upgrade field

    // The first field named `name` (case-insensitive), or a null view.
    QByteArrayView field(QByteArrayView name) const;
    bool hasField(QByteArrayView name) const { return !field(name).isNull(); }
    void clear();
};

// The strict HTTP/1.1 request head parser (RFC 9112, robustness.md H1–H35), picohttpparser
// style: call parse() with the whole buffer received so far after every read; Incomplete
// asks for more bytes. The result is identical however the bytes are split across reads,
// and limit violations are reported while the head is still incomplete. Work already done
// is not repeated: complete lines are parsed once, only the unfinished line is re-read.
// Errors are final: answer with ParseResult::httpStatus and close the connection.
class RequestParser
{
public:
    explicit RequestParser(const HttpLimits &limits = {})
        : m_limits(limits)
    {}

    // `buffer` must begin with the bytes given to the previous call since reset().
    // On Complete, `out` is filled and result.consumed is the head's length (the body, if
    // any, follows). Calling again after Complete or Error repeats that answer.
    ParseResult parse(QByteArrayView buffer, RequestHead &out);
    // Forget the current request, for the next one on the connection (after dropping the
    // consumed head and body from the buffer).
    void reset();

    const HttpLimits &limits() const { return m_limits; }

private:
    ParseResult parseRequestLine(QByteArrayView buffer);
    ParseResult finish(QByteArrayView buffer, RequestHead &out);
    ParseResult fail(ParseResult error);

    HttpLimits m_limits;
    HeadScanner m_scanner;
    int m_emptyLines = 0;
    qsizetype m_lineBegin = 0; // request line start (after skipped empty lines)
    qint32 m_methodLength = 0;
    qint32 m_targetOffset = 0;
    qint32 m_targetLength = 0;
    HttpMethod m_method = HttpMethod::Get;
    HttpVersion m_version = HttpVersion::Http11;
};

// One-shot form: parses `buffer` from the start with a fresh parser.
ParseResult parseRequestHead(QByteArrayView buffer, RequestHead &out,
                             const HttpLimits &limits = {});

} // namespace infralab::http
