#include "http/requestparser.h"

#include "http/httpsyntax_p.h"

namespace infralab::http {

using namespace syntax;

namespace {

// Longer tokens cannot be a method we serve; answering 501 at once avoids buffering a
// "method" up to the request-line limit (nginx answers 405 for a 300-byte method).
constexpr qsizetype maxMethodLength = 16;

bool lookupMethod(QByteArrayView token, HttpMethod &method)
{
    // Methods are case-sensitive (RFC 9110 §9.1): `get` is not GET.
    static constexpr struct
    {
        const char *name;
        HttpMethod method;
    } methods[] = {{"GET", HttpMethod::Get},         {"HEAD", HttpMethod::Head},
                   {"POST", HttpMethod::Post},       {"PUT", HttpMethod::Put},
                   {"DELETE", HttpMethod::Delete},   {"CONNECT", HttpMethod::Connect},
                   {"OPTIONS", HttpMethod::Options}, {"TRACE", HttpMethod::Trace},
                   {"PATCH", HttpMethod::Patch}};
    for (const auto &m : methods) {
        if (token == QByteArrayView(m.name)) {
            method = m.method;
            return true;
        }
    }
    return false;
}

// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1)
bool isSchemeName(QByteArrayView scheme)
{
    for (qsizetype i = 0; i < scheme.size(); ++i) {
        const char c = scheme[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        if (!alpha && (i == 0 || !other))
            return false;
    }
    return !scheme.isEmpty();
}

bool nameIs(QByteArrayView name, const char *lower)
{
    return equalsIgnoreCase(name, QByteArrayView(lower));
}

} // namespace

QByteArrayView RequestHead::field(QByteArrayView name) const
{
    for (const HttpField &f : fields) {
        if (equalsIgnoreCase(f.name, name))
            return f.value;
    }
    return {};
}

void RequestHead::clear()
{
    fields.clear(); // keeps the capacity when not shared
    method = HttpMethod::Get;
    methodToken = target = path = query = host = {};
    targetForm = TargetForm::Origin;
    version = HttpVersion::Http11;
    framing = BodyFraming::None;
    contentLength = 0;
    keepAlive = true;
    expectContinue = false;
    upgrade = false;
}

void RequestParser::reset()
{
    m_scanner.reset();
    m_emptyLines = 0;
    m_lineBegin = 0;
}

ParseResult RequestParser::fail(ParseResult error)
{
    m_scanner.phase = HeadScanner::Phase::Failed;
    m_scanner.final = error;
    return error;
}

ParseResult RequestParser::parse(QByteArrayView buffer, RequestHead &out)
{
    using Phase = HeadScanner::Phase;
    if (m_scanner.phase == Phase::Done || m_scanner.phase == Phase::Failed)
        return m_scanner.final;
    if (m_scanner.phase == Phase::StartLine) {
        const ParseResult r = parseRequestLine(buffer);
        if (r.isError())
            return fail(r);
        if (r.isIncomplete())
            return r;
        m_scanner.phase = Phase::Fields;
    }
    const ParseResult r = m_scanner.scanFields(buffer, m_limits, 431, 400);
    if (r.isError())
        return fail(r);
    if (r.isIncomplete())
        return r;
    const ParseResult done = finish(buffer, out);
    if (done.isError())
        return fail(done);
    m_scanner.phase = Phase::Done;
    m_scanner.final = done;
    return done;
}

// request-line = method SP request-target SP HTTP-version CRLF (RFC 9112 §3), parsed left
// to right without repair: two spaces, a tab or trailing whitespace is a 400 (H25).
ParseResult RequestParser::parseRequestLine(QByteArrayView buffer)
{
    const auto *d = reinterpret_cast<const uchar *>(buffer.data());
    const qsizetype size = buffer.size();

    // RFC 9112 §2.2: ignore at least one empty line before the request line (H28).
    qsizetype pos = m_lineBegin;
    for (;;) {
        if (pos >= size)
            return ParseResult::incomplete();
        if (d[pos] == '\r') {
            if (pos + 1 >= size)
                return ParseResult::incomplete();
            if (d[pos + 1] != '\n')
                return ParseResult::error(400, "bare CR");
            pos += 2;
        } else if (d[pos] == '\n') {
            if (!m_limits.acceptBareLf)
                return ParseResult::error(400, "bare LF line ending");
            pos += 1;
        } else {
            break;
        }
        if (++m_emptyLines > m_limits.maxLeadingEmptyLines)
            return ParseResult::error(400, "too many empty lines before the request line");
        m_lineBegin = pos;
    }

    const qsizetype lineStart = pos;
    const qsizetype contentEnd = lineStart + m_limits.requestLine; // content index < contentEnd

    // method = token
    const qsizetype methodEnd = lineStart + maxMethodLength + 1;
    pos = skip(d, pos, qMin(qMin(size, contentEnd), methodEnd), Tchar);
    if (pos == methodEnd)
        return ParseResult::error(501, "method not implemented");
    if (pos >= contentEnd)
        return ParseResult::error(414, "request line too long");
    if (pos >= size)
        return ParseResult::incomplete();
    if (d[pos] != ' ') {
        // Also the first byte of TLS handshakes and other binary protocols (H35).
        return ParseResult::error(400, "invalid character in method");
    }
    const QByteArrayView methodToken = buffer.sliced(lineStart, pos - lineStart);
    if (methodToken.isEmpty())
        return ParseResult::error(400, "empty method");
    if (methodToken == QByteArrayView("PRI"))
        return ParseResult::error(400, "HTTP/2 connection preface on an HTTP/1.1 port");
    if (!lookupMethod(methodToken, m_method))
        return ParseResult::error(501, "method not implemented");
    m_methodLength = qint32(methodToken.size());

    // request-target
    const qsizetype targetStart = ++pos;
    pos = skipTarget(d, pos, qMin(size, contentEnd));
    if (pos >= contentEnd)
        return ParseResult::error(414, "request target too long");
    if (pos >= size)
        return ParseResult::incomplete();
    if (d[pos] != ' ') {
        if (d[pos] == '\r' || d[pos] == '\n')
            return ParseResult::error(400, "missing HTTP version");
        return ParseResult::error(400, "invalid character in request target");
    }
    if (pos == targetStart)
        return ParseResult::error(400, "empty request target");
    const QByteArrayView target = buffer.sliced(targetStart, pos - targetStart);
    // RFC 9112 §3.2: the form must match the method.
    if (m_method == HttpMethod::Connect) {
        if (!isValidAuthority(target, true))
            return ParseResult::error(400, "CONNECT needs an authority-form target");
    } else if (target[0] == '*') {
        if (target.size() != 1 || m_method != HttpMethod::Options)
            return ParseResult::error(400, "asterisk-form is only for OPTIONS");
    } else if (target[0] != '/') {
        // absolute-form: scheme "://" authority path-abempty [ "?" query ]
        const qsizetype sep = target.indexOf("://");
        if (sep <= 0 || !isSchemeName(target.first(sep)))
            return ParseResult::error(400, "invalid request target");
        const QByteArrayView rest = target.sliced(sep + 3);
        qsizetype end = 0;
        while (end < rest.size() && rest[end] != '/' && rest[end] != '?')
            ++end;
        // RFC 9110 §4.2.4: userinfo is deprecated and ought to be treated as an error;
        // §4.2.1: an http URI with an empty host is invalid.
        if (!isValidAuthority(rest.first(end), false))
            return ParseResult::error(400, "invalid authority in request target");
    }
    m_targetOffset = qint32(targetStart);
    m_targetLength = qint32(pos - targetStart);

    // HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive (RFC 9112 §2.3)
    const qsizetype versionStart = ++pos;
    static constexpr char pattern[] = "HTTP/0.0";
    for (int k = 0; k < 8; ++k, ++pos) {
        if (pos >= contentEnd)
            return ParseResult::error(414, "request line too long");
        if (pos >= size)
            return ParseResult::incomplete();
        const bool ok = (k == 5 || k == 7) ? is(d[pos], Digit) : d[pos] == uchar(pattern[k]);
        if (!ok)
            return ParseResult::error(400, "invalid HTTP version");
    }
    if (pos >= size)
        return ParseResult::incomplete();
    qsizetype next = 0;
    if (d[pos] == '\r') {
        if (pos + 1 >= size)
            return ParseResult::incomplete();
        if (d[pos + 1] != '\n')
            return ParseResult::error(400, "bare CR");
        next = pos + 2;
    } else if (d[pos] == '\n') {
        if (!m_limits.acceptBareLf)
            return ParseResult::error(400, "bare LF line ending");
        next = pos + 1;
    } else {
        // "HTTP/1.10", "HTTP/1.1 " and friends (H26).
        return ParseResult::error(400, "invalid HTTP version");
    }
    if (d[versionStart + 5] != '1')
        return ParseResult::error(505, "HTTP version not supported");
    // RFC 9110 §2.5: a higher minor version is processed as the highest we implement.
    m_version = d[versionStart + 7] == '0' ? HttpVersion::Http10 : HttpVersion::Http11;

    m_scanner.fieldsStart = m_scanner.lineStart = next;
    return ParseResult::complete(next);
}

// Framing and connection semantics once the whole head is there (RFC 9112 §6, §9; RFC 9110
// §7.2, §8.6, §10.1.1). Checks run in a fixed order so each input has exactly one answer.
ParseResult RequestParser::finish(QByteArrayView buffer, RequestHead &out)
{
    out.clear();
    m_scanner.exportFields(buffer, out.fields);
    out.method = m_method;
    out.methodToken = buffer.sliced(m_lineBegin, m_methodLength);
    out.version = m_version;
    out.target = buffer.sliced(m_targetOffset, m_targetLength);

    int hostCount = 0;
    int lengthCount = 0;
    bool hasTransferEncoding = false;
    QByteArrayView hostValue;
    QByteArrayView lengthValue;
    bool connectionClose = false;
    bool connectionKeepAlive = false;
    bool connectionUpgrade = false;
    bool connectionInvalid = false;
    bool hasUpgradeField = false;
    bool expectContinue = false;
    bool expectUnknown = false;
    int chunkedCount = 0;
    bool chunkedLast = false;
    bool otherCoding = false;
    bool codingInvalid = false;

    for (const HttpField &f : std::as_const(out.fields)) {
        switch (f.name.size()) {
        case 4:
            if (nameIs(f.name, "host")) {
                ++hostCount;
                hostValue = f.value;
            }
            break;
        case 14:
            if (nameIs(f.name, "content-length")) {
                ++lengthCount;
                lengthValue = f.value;
            }
            break;
        case 17:
            if (nameIs(f.name, "transfer-encoding")) {
                // Several lines form one list (RFC 9110 §5.3).
                hasTransferEncoding = true;
                forEachListElement(f.value, [&](QByteArrayView coding) {
                    if (!isToken(coding))
                        codingInvalid = true;
                    else if (equalsIgnoreCase(coding, "chunked"))
                        ++chunkedCount;
                    else
                        otherCoding = true;
                    chunkedLast = equalsIgnoreCase(coding, "chunked");
                    return true;
                });
            }
            break;
        case 10:
            if (nameIs(f.name, "connection")) {
                forEachListElement(f.value, [&](QByteArrayView option) {
                    if (!isToken(option))
                        connectionInvalid = true;
                    else if (equalsIgnoreCase(option, "close"))
                        connectionClose = true;
                    else if (equalsIgnoreCase(option, "keep-alive"))
                        connectionKeepAlive = true;
                    else if (equalsIgnoreCase(option, "upgrade"))
                        connectionUpgrade = true;
                    return true;
                });
            }
            break;
        case 6:
            if (nameIs(f.name, "expect")) {
                forEachListElement(f.value, [&](QByteArrayView e) {
                    if (equalsIgnoreCase(e, "100-continue"))
                        expectContinue = true;
                    else
                        expectUnknown = true;
                    return true;
                });
                if (trimmed(f.value).isEmpty())
                    expectUnknown = true;
            }
            break;
        case 7:
            if (nameIs(f.name, "upgrade"))
                hasUpgradeField = true;
            break;
        default: break;
        }
    }

    // Host: RFC 9112 §3.2 (H1).
    if (hostCount > 1)
        return ParseResult::error(400, "more than one Host field");
    if (hostCount == 0 && m_version == HttpVersion::Http11)
        return ParseResult::error(400, "missing Host field");
    if (hostCount == 1 && !isValidAuthority(hostValue, false))
        return ParseResult::error(400, "invalid Host field");

    // Content-Length: RFC 9110 §8.6, RFC 9112 §6.3 item 5 (H12–H14). Identical duplicates
    // ("5" twice, "5, 5") MAY be collapsed; we reject them like nginx and Node: a proxy in
    // front of us may have chosen differently, and a lab server gains nothing from guessing.
    qint64 contentLength = 0;
    if (lengthCount > 1)
        return ParseResult::error(400, "more than one Content-Length field");
    if (lengthCount == 1) {
        contentLength = parseContentLength(lengthValue);
        if (contentLength < 0)
            return ParseResult::error(400, "invalid Content-Length");
    }

    // Transfer-Encoding: RFC 9112 §6.1, §6.3 items 3–4 (H8–H11).
    if (hasTransferEncoding) {
        if (m_version == HttpVersion::Http10)
            return ParseResult::error(400, "Transfer-Encoding in an HTTP/1.0 request");
        if (lengthCount > 0)
            return ParseResult::error(400, "both Transfer-Encoding and Content-Length");
        if (codingInvalid)
            return ParseResult::error(400, "invalid Transfer-Encoding");
        if (chunkedCount == 0 || !chunkedLast)
            return ParseResult::error(400, "chunked is not the final transfer coding");
        if (chunkedCount > 1)
            return ParseResult::error(400, "chunked applied more than once");
        if (otherCoding)
            return ParseResult::error(501, "transfer coding not implemented");
    }

    if (connectionInvalid)
        return ParseResult::error(400, "invalid Connection field");

    // RFC 9110 §10.1.1: an HTTP/1.0 Expect is ignored; an unknown expectation MAY be 417.
    if (m_version == HttpVersion::Http11 && expectUnknown)
        return ParseResult::error(417, "unsupported expectation");

    if (contentLength > m_limits.maxBody)
        return ParseResult::error(413, "request body too large");

    // Target parts and the authority (RFC 9112 §3.2.2: absolute-form wins over Host).
    const QByteArrayView target = out.target;
    out.host = hostValue;
    if (m_method == HttpMethod::Connect) {
        out.targetForm = TargetForm::Authority;
        out.host = target;
    } else if (target[0] == '*') {
        out.targetForm = TargetForm::Asterisk;
        out.path = target;
    } else {
        QByteArrayView pathAndQuery = target;
        if (target[0] != '/') {
            out.targetForm = TargetForm::Absolute;
            const QByteArrayView rest = target.sliced(target.indexOf("://") + 3);
            qsizetype end = 0;
            while (end < rest.size() && rest[end] != '/' && rest[end] != '?')
                ++end;
            out.host = rest.first(end);
            pathAndQuery = rest.sliced(end);
        }
        const qsizetype q = pathAndQuery.indexOf('?');
        out.path = q < 0 ? pathAndQuery : pathAndQuery.first(q);
        out.query = q < 0 ? QByteArrayView() : pathAndQuery.sliced(q + 1);
        if (out.path.isEmpty())
            out.path = QByteArrayView("/");
    }

    if (hasTransferEncoding) {
        out.framing = BodyFraming::Chunked;
    } else if (contentLength > 0) {
        out.framing = BodyFraming::ContentLength;
        out.contentLength = contentLength;
    }
    // RFC 9112 §9.3: 1.1 persists unless "close"; 1.0 only with "keep-alive".
    out.keepAlive = !connectionClose && (m_version == HttpVersion::Http11 || connectionKeepAlive);
    out.expectContinue = m_version == HttpVersion::Http11 && expectContinue;
    out.upgrade = connectionUpgrade && hasUpgradeField;
    return ParseResult::complete(m_scanner.lineStart);
}

ParseResult parseRequestHead(QByteArrayView buffer, RequestHead &out, const HttpLimits &limits)
{
    RequestParser parser(limits);
    return parser.parse(buffer, out);
}

} // namespace infralab::http
