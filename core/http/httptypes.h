#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <limits>

namespace infralab::http {

// The sizes a parser accepts before it answers with an error instead of buffering more.
// Defaults follow robustness.md §1.1 (nginx large_client_header_buffers 4 8k, HAProxy
// maxhdr 101, nginx client_max_body_size 1m). A proxy reading upstream responses usually
// raises maxBody (or sets noBodyLimit).
struct HttpLimits
{
    static constexpr qint64 noBodyLimit = std::numeric_limits<qint64>::max();

    qsizetype requestLine = 8 * 1024;    // start line without CRLF; longer → 414 (502 upstream)
    qsizetype headerSection = 32 * 1024; // all field lines incl. CRLFs and the empty line → 431
    int fieldCount = 100;                // more field lines → 431
    qsizetype fieldLine = 8 * 1024;      // one field line without CRLF → 431
    qint64 maxBody = 1024 * 1024;        // Content-Length or decoded chunked size → 413
    qsizetype chunkLine = 4 * 1024;      // chunk-size line incl. extensions, without CRLF → 400
    qsizetype trailerSection = 8 * 1024; // chunked trailer field lines incl. CRLFs → 431
    int maxLeadingEmptyLines = 4;        // RFC 9112 §2.2 says ignore at least one
    // RFC 9112 §2.2: a recipient MAY accept a bare LF as the line terminator of the start
    // line and field lines (nginx and HAProxy do, Node does not). Never inside chunked
    // framing (H30). We re-serialise every message we forward, so accepting is safe.
    bool acceptBareLf = true;
};

enum class ParseStatus : quint8 { Complete, Incomplete, Error };

// The answer of every parser: Incomplete is normal (call again with more bytes).
struct ParseResult
{
    ParseStatus status = ParseStatus::Incomplete;
    qsizetype consumed = 0;  // Complete: bytes of the head; chunked decoder: bytes used so far
    int httpStatus = 0;      // Error: the status to answer (400, 413, 414, 417, 431, 501, 505;
                             // 502 for upstream responses); the connection must then close
    const char *reason = ""; // Error: short static English text for logs and error pages

    bool isComplete() const { return status == ParseStatus::Complete; }
    bool isIncomplete() const { return status == ParseStatus::Incomplete; }
    bool isError() const { return status == ParseStatus::Error; }

    static ParseResult incomplete(qsizetype consumed = 0)
    {
        return {ParseStatus::Incomplete, consumed, 0, ""};
    }
    static ParseResult complete(qsizetype consumed)
    {
        return {ParseStatus::Complete, consumed, 0, ""};
    }
    static ParseResult error(int httpStatus, const char *reason)
    {
        return {ParseStatus::Error, 0, httpStatus, reason};
    }
};

// Methods we serve (RFC 9110 §9 plus PATCH, RFC 5789). Methods are case-sensitive; any
// other token is answered with 501 (RFC 9110 §9.1).
enum class HttpMethod : quint8 { Get, Head, Post, Put, Delete, Connect, Options, Trace, Patch };

QByteArrayView methodName(HttpMethod method); // "GET", …
bool isIdempotent(HttpMethod method);         // RFC 9110 §9.2.2: a proxy may retry these

enum class HttpVersion : quint8 { Http10, Http11 };

// RFC 9112 §3.2: the four forms of request-target.
enum class TargetForm : quint8 { Origin, Absolute, Authority, Asterisk };

// How the message body is delimited, decided per RFC 9112 §6.3.
enum class BodyFraming : quint8 {
    None,          // no body (or Content-Length: 0)
    ContentLength, // exactly contentLength bytes
    Chunked,       // feed the bytes after the head to a ChunkedDecoder
    UntilClose,    // responses only: the body ends when the upstream closes
};

// One field line: views into the parsed buffer (see the parsers for their lifetime).
struct HttpField
{
    QByteArrayView name;  // as received (case preserved); compare case-insensitively
    QByteArrayView value; // leading and trailing whitespace removed (RFC 9110 §5.5)
};

// ASCII case-insensitive comparison, as field names and tokens need (RFC 9110 §5.1).
bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b);
// True when the comma-separated list `value` (RFC 9110 §5.6.1) holds `token`, ignoring case;
// e.g. Connection options, which a proxy must strip (RFC 9110 §7.6.1).
bool listContainsToken(QByteArrayView value, QByteArrayView token);

} // namespace infralab::http
