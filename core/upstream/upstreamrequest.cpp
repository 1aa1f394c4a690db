#include "upstream/upstreamrequest.h"

#include "upstream/upstreamoptions.h"

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
    m_out.append(method);
    m_out.append(' ');
    m_out.append(target);
    m_out.append(" HTTP/1.1\r\n");
}

bool RequestHeadWriter::isSafe(QByteArrayView text)
{
    for (const char c : text) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

RequestHeadWriter &RequestHeadWriter::add(QByteArrayView name, QByteArrayView value)
{
    if (!isSafe(name) || !isSafe(value) || name.isEmpty() || name.contains(':')) {
        m_ok = false;
        return *this;
    }
    m_out.append(name);
    m_out.append(": ");
    m_out.append(value);
    m_out.append("\r\n");
    return *this;
}

RequestHeadWriter &RequestHeadWriter::addContentLength(qint64 length)
{
    m_out.append("Content-Length: ");
    m_out.append(QByteArray::number(length));
    m_out.append("\r\n");
    return *this;
}

void RequestHeadWriter::finish()
{
    m_out.append("\r\n");
}

} // namespace infralab::upstream
