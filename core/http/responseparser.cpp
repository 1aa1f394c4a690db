#include "http/responseparser.h"

#include "http/httpsyntax_p.h"

namespace infralab::http {

using namespace syntax;

namespace {

// Every failure of an upstream response is the proxy's 502 (HAProxy: "the server returns an
// empty, invalid or incomplete response").
ParseResult bad(const char *reason)
{
    return ParseResult::error(502, reason);
}

} // namespace

QByteArrayView ResponseHead::field(QByteArrayView name) const
{
    for (const HttpField &f : fields) {
        if (equalsIgnoreCase(f.name, name))
            return f.value;
    }
    return {};
}

void ResponseHead::clear()
{
    fields.clear();
    version = HttpVersion::Http11;
    status = 0;
    reason = {};
    framing = BodyFraming::None;
    contentLength = 0;
    keepAlive = true;
}

void ResponseParser::reset()
{
    m_scanner.reset();
}

ParseResult ResponseParser::fail(ParseResult error)
{
    m_scanner.phase = HeadScanner::Phase::Failed;
    m_scanner.final = error;
    return error;
}

ParseResult ResponseParser::parse(QByteArrayView buffer, ResponseHead &out,
                                  HttpMethod requestMethod)
{
    using Phase = HeadScanner::Phase;
    if (m_scanner.phase == Phase::Done || m_scanner.phase == Phase::Failed)
        return m_scanner.final;
    if (m_scanner.phase == Phase::StartLine) {
        const ParseResult r = parseStatusLine(buffer);
        if (r.isError())
            return fail(r);
        if (r.isIncomplete())
            return r;
        m_scanner.phase = Phase::Fields;
    }
    const ParseResult r = m_scanner.scanFields(buffer, m_limits, 502, 502);
    if (r.isError())
        return fail(bad(r.reason));
    if (r.isIncomplete())
        return r;
    const ParseResult done = finish(buffer, out, requestMethod);
    if (done.isError())
        return fail(done);
    m_scanner.phase = Phase::Done;
    m_scanner.final = done;
    return done;
}

// status-line = HTTP-version SP status-code SP [ reason-phrase ] CRLF (RFC 9112 §4). A
// missing SP before an empty reason is accepted: some servers omit it and the reason
// carries no meaning.
ParseResult ResponseParser::parseStatusLine(QByteArrayView buffer)
{
    const auto *d = reinterpret_cast<const uchar *>(buffer.data());
    const qsizetype size = buffer.size();
    const qsizetype contentEnd = m_limits.requestLine;

    static constexpr char pattern[] = "HTTP/0.0 000";
    qsizetype pos = 0;
    for (; pos < 12; ++pos) {
        if (pos >= contentEnd)
            return bad("status line too long");
        if (pos >= size)
            return ParseResult::incomplete();
        const char p = pattern[pos];
        const bool ok = p == '0' ? is(d[pos], Digit) : d[pos] == uchar(p);
        if (!ok)
            return bad(pos < 8 ? "invalid HTTP version in status line" : "invalid status code");
    }
    if (d[5] != '1')
        return bad("unsupported HTTP version in status line");
    m_version = d[7] == '0' ? HttpVersion::Http10 : HttpVersion::Http11;
    m_status = (d[9] - '0') * 100 + (d[10] - '0') * 10 + (d[11] - '0');
    if (m_status < 100 || m_status > 599)
        return bad("invalid status code");

    m_reasonOffset = qint32(pos);
    m_reasonLength = 0;
    if (pos >= size)
        return ParseResult::incomplete();
    if (d[pos] == ' ') {
        m_reasonOffset = qint32(++pos);
        pos = skip(d, pos, qMin(size, contentEnd), FieldValue);
        if (pos >= contentEnd)
            return bad("status line too long");
        if (pos >= size)
            return ParseResult::incomplete();
        m_reasonLength = qint32(pos - m_reasonOffset);
    }
    qsizetype next = 0;
    if (d[pos] == '\r') {
        if (pos + 1 >= size)
            return ParseResult::incomplete();
        if (d[pos + 1] != '\n')
            return bad("bare CR");
        next = pos + 2;
    } else if (d[pos] == '\n' && m_limits.acceptBareLf) {
        next = pos + 1;
    } else {
        return bad(d[pos] == '\n' ? "bare LF line ending" : "invalid status line");
    }
    m_scanner.fieldsStart = m_scanner.lineStart = next;
    return ParseResult::complete(next);
}

// Response framing, RFC 9112 §6.3, strict about anything a request smuggler or a broken
// upstream could make ambiguous: the proxy re-frames what it forwards, so it must know.
ParseResult ResponseParser::finish(QByteArrayView buffer, ResponseHead &out,
                                   HttpMethod requestMethod)
{
    out.clear();
    m_scanner.exportFields(buffer, out.fields);
    out.version = m_version;
    out.status = m_status;
    out.reason = buffer.sliced(m_reasonOffset, m_reasonLength);

    int lengthCount = 0;
    QByteArrayView lengthValue;
    bool hasTransferEncoding = false;
    int chunkedCount = 0;
    bool chunkedLast = false;
    bool otherCoding = false;
    bool connectionClose = false;
    bool connectionKeepAlive = false;
    for (const HttpField &f : std::as_const(out.fields)) {
        if (equalsIgnoreCase(f.name, "content-length")) {
            ++lengthCount;
            lengthValue = f.value;
        } else if (equalsIgnoreCase(f.name, "transfer-encoding")) {
            hasTransferEncoding = true;
            forEachListElement(f.value, [&](QByteArrayView coding) {
                chunkedLast = equalsIgnoreCase(coding, "chunked");
                if (chunkedLast)
                    ++chunkedCount;
                else
                    otherCoding = true;
                return true;
            });
        } else if (equalsIgnoreCase(f.name, "connection")) {
            connectionClose = connectionClose || listContainsToken(f.value, "close");
            connectionKeepAlive = connectionKeepAlive || listContainsToken(f.value, "keep-alive");
        }
    }

    qint64 contentLength = 0;
    if (lengthCount > 1)
        return bad("more than one Content-Length field");
    if (lengthCount == 1) {
        contentLength = parseContentLength(lengthValue);
        if (contentLength < 0)
            return bad("invalid Content-Length");
    }
    if (hasTransferEncoding) {
        if (m_version == HttpVersion::Http10)
            return bad("Transfer-Encoding in an HTTP/1.0 response");
        if (lengthCount > 0)
            return bad("both Transfer-Encoding and Content-Length");
        // RFC 9112 §6.3 item 4 would read a non-chunked coding until close; we do not
        // decode other codings, so a proxy could not forward such a body faithfully.
        if (otherCoding || chunkedCount != 1 || !chunkedLast)
            return bad("unsupported Transfer-Encoding");
    }

    out.keepAlive = !connectionClose && (m_version == HttpVersion::Http11 || connectionKeepAlive);
    const bool noBody = requestMethod == HttpMethod::Head || out.isInformational()
                        || m_status == 204 || m_status == 304
                        || (requestMethod == HttpMethod::Connect && m_status / 100 == 2);
    if (m_status == 101 || (requestMethod == HttpMethod::Connect && m_status / 100 == 2))
        out.keepAlive = false; // the connection becomes something else (a tunnel)
    if (noBody) {
        out.framing = BodyFraming::None;
    } else if (hasTransferEncoding) {
        out.framing = BodyFraming::Chunked;
    } else if (lengthCount == 1) {
        if (contentLength > m_limits.maxBody)
            return bad("upstream response body too large");
        out.framing = contentLength > 0 ? BodyFraming::ContentLength : BodyFraming::None;
        out.contentLength = contentLength;
    } else {
        out.framing = BodyFraming::UntilClose;
        out.keepAlive = false;
    }
    return ParseResult::complete(m_scanner.lineStart);
}

ParseResult parseResponseHead(QByteArrayView buffer, ResponseHead &out, HttpMethod requestMethod,
                              const HttpLimits &limits)
{
    ResponseParser parser(limits);
    return parser.parse(buffer, out, requestMethod);
}

} // namespace infralab::http
