#include "upstream/upstreamrequest.h"

#include "upstream/upstreamoptions.h"

#include <charconv>
#include <cstring>

namespace infralab::upstream {

const char *outcomeName(UpstreamOutcome outcome)
{
    switch (outcome) {
    case UpstreamOutcome::Complete: return "complete";
    case UpstreamOutcome::ConnectFailed: return "connect-failed";
    case UpstreamOutcome::ConnectTimeout: return "connect-timeout";
    case UpstreamOutcome::ResetBeforeResponse: return "reset-before-response";
    case UpstreamOutcome::ResponseTimeout: return "response-timeout";
    case UpstreamOutcome::InvalidResponse: return "invalid-response";
    case UpstreamOutcome::AbortedMidBody: return "aborted-mid-body";
    }
    return "unknown";
}

RequestHeadWriter::RequestHeadWriter(QByteArray &out, QByteArrayView method, QByteArrayView target)
    : m_out(out)
{
    m_out.reserve(m_out.size() + 512);
    m_ok = isSafe(method) && isSafe(target) && !target.isEmpty() && !target.contains(' ');
    constexpr QByteArrayView version = " HTTP/1.1\r\n";
    char *p = grow(method.size() + 1 + target.size() + version.size());
    p = put(p, method);
    *p++ = ' ';
    p = put(p, target);
    put(p, version);
}

bool RequestHeadWriter::isSafe(QByteArrayView text)
{
    // CR (13), LF (10) and NUL: one comparison for nearly every byte.
    constexpr unsigned Forbidden = (1u << 0) | (1u << 10) | (1u << 13);
    for (const char c : text) {
        const uchar u = uchar(c);
        if (u <= 13 && ((Forbidden >> u) & 1u))
            return false;
    }
    return true;
}

char *RequestHeadWriter::grow(qsizetype size)
{
    const qsizetype at = m_out.size();
    m_out.resize(at + size);
    return m_out.data() + at;
}

char *RequestHeadWriter::put(char *out, QByteArrayView text)
{
    std::memcpy(out, text.data(), size_t(text.size()));
    return out + text.size();
}

RequestHeadWriter &RequestHeadWriter::add(QByteArrayView name, QByteArrayView value)
{
    if (!isSafe(name) || !isSafe(value) || name.isEmpty() || name.contains(':')) {
        m_ok = false;
        return *this;
    }
    char *p = grow(name.size() + value.size() + 4);
    p = put(p, name);
    *p++ = ':';
    *p++ = ' ';
    p = put(p, value);
    *p++ = '\r';
    *p = '\n';
    return *this;
}

RequestHeadWriter &RequestHeadWriter::addList(QByteArrayView name, QByteArrayView last,
                                              const QVarLengthArray<QByteArrayView, 2> &values)
{
    qsizetype size = name.size() + last.size() + 4;
    bool safe = isSafe(name) && isSafe(last) && !name.isEmpty() && !name.contains(':');
    for (const QByteArrayView value : values) {
        if (!value.isEmpty())
            size += value.size() + 2;
        safe = safe && isSafe(value);
    }
    if (!safe) {
        m_ok = false;
        return *this;
    }
    char *p = grow(size);
    p = put(p, name);
    *p++ = ':';
    *p++ = ' ';
    for (const QByteArrayView value : values) {
        if (value.isEmpty())
            continue;
        p = put(p, value);
        *p++ = ',';
        *p++ = ' ';
    }
    p = put(p, last);
    *p++ = '\r';
    *p = '\n';
    return *this;
}

RequestHeadWriter &RequestHeadWriter::addContentLength(qint64 length)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, length).ptr;
    return add("Content-Length", QByteArrayView(digits, end - digits));
}

void RequestHeadWriter::finish()
{
    char *p = grow(2);
    p[0] = '\r';
    p[1] = '\n';
}

} // namespace infralab::upstream
