#include "http/httptypes.h"

#include "http/httpsyntax_p.h"

namespace infralab::http {

QByteArrayView methodName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get: return "GET";
    case HttpMethod::Head: return "HEAD";
    case HttpMethod::Post: return "POST";
    case HttpMethod::Put: return "PUT";
    case HttpMethod::Delete: return "DELETE";
    case HttpMethod::Connect: return "CONNECT";
    case HttpMethod::Options: return "OPTIONS";
    case HttpMethod::Trace: return "TRACE";
    case HttpMethod::Patch: return "PATCH";
    }
    return {};
}

bool isIdempotent(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get:
    case HttpMethod::Head:
    case HttpMethod::Put:
    case HttpMethod::Delete:
    case HttpMethod::Options:
    case HttpMethod::Trace: return true;
    case HttpMethod::Post:
    case HttpMethod::Connect:
    case HttpMethod::Patch: return false;
    }
    return false;
}

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const uchar x = uchar(a[i]);
        const uchar y = uchar(b[i]);
        // Folding bit 0x20 is only a case change for letters; the second test keeps
        // e.g. '@' and '`' apart.
        if (x != y && ((x | 0x20) != (y | 0x20) || (x | 0x20) < 'a' || (x | 0x20) > 'z'))
            return false;
    }
    return true;
}

bool listContainsToken(QByteArrayView value, QByteArrayView token)
{
    bool found = false;
    syntax::forEachListElement(value, [&](QByteArrayView element) {
        found = equalsIgnoreCase(element, token);
        return !found;
    });
    return found;
}

namespace syntax {

qint64 parseContentLength(QByteArrayView value)
{
    if (value.isEmpty())
        return -1;
    qint64 result = 0;
    for (const char ch : value) {
        const uchar c = uchar(ch);
        if (!is(c, Digit))
            return -1;
        const int digit = c - '0';
        if (result > (std::numeric_limits<qint64>::max() - digit) / 10)
            return -1;
        result = result * 10 + digit;
    }
    return result;
}

bool isValidAuthority(QByteArrayView authority, bool requirePort)
{
    const auto *d = reinterpret_cast<const uchar *>(authority.data());
    const qsizetype n = authority.size();
    qsizetype i = 0;
    if (n > 0 && d[0] == '[') {
        // IP-literal: a lenient shape check (hex digits, ':' and '.' for IPv6 and embedded
        // IPv4); the resolver rejects nonsense, we only keep delimiters out.
        ++i;
        while (i < n && (is(d[i], HexDigit) || d[i] == ':' || d[i] == '.'))
            ++i;
        if (i == 1 || i >= n || d[i] != ']')
            return false;
        ++i;
    } else {
        i = skip(d, 0, n, RegName);
    }
    if (i == n)
        return !requirePort && i > 0;
    if (d[i] != ':')
        return false;
    const qsizetype portStart = ++i;
    i = skip(d, i, n, Digit);
    // An empty port is allowed by RFC 3986 (port = *DIGIT), except where one is required.
    return i == n && i - portStart <= 5 && (!requirePort || i > portStart) && portStart > 1;
}

} // namespace syntax
} // namespace infralab::http
