#include "upstream/upstreamrequest.h"

#include "upstream/proxyfields.h"
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

bool writeForwardedRequest(const http::RequestHead &request, QByteArrayView body,
                           const ForwardedRequestOptions &options, UpstreamRequest &out)
{
    const QByteArrayView peer = options.peer;
    const bool whole = options.wholeResource;
    const bool headAsGet = whole && request.method == http::HttpMethod::Head;
    out.method = headAsGet ? http::HttpMethod::Get : request.method;
    out.body = body;
    RequestHeadWriter writer(out.head, headAsGet ? "GET" : request.methodToken, request.target);
    const bool addForwarded = options.forwardedHeaders;
    // Host as the client sent it (nginx: Host $host). An HTTP/1.0 client may send none, but an
    // HTTP/1.1 request must carry one (RFC 9112 §3.2, our own servers answer 400 without):
    // then the upstream's address, like nginx's default Host $proxy_host (without the port,
    // which each attempt picks later).
    writer.add("Host", request.host.isEmpty() ? QByteArrayView("127.0.0.1") : request.host);
    QVarLengthArray<QByteArrayView, 2> forwardedFor; // what arrived, ours added at the end
    QVarLengthArray<QByteArrayView, 2> via;
    QByteArray rewritten;
    const ConnectionOptions connection(request.fields);
    for (const http::HttpField &f : request.fields) {
        if (options.rewriter
            && options.rewriter->rewriteRequestField(f.name, f.value, &rewritten)) {
            if (!rewritten.isEmpty())
                writer.add(f.name, rewritten);
            continue;
        }
        const ProxyField kind = classifyProxyField(f.name);
        if (whole && kind == ProxyField::Conditional)
            continue;
        if (kind == ProxyField::Via) {
            via.append(f.value);
            continue;
        }
        if (addForwarded && kind == ProxyField::XForwardedFor) {
            forwardedFor.append(f.value); // $proxy_add_x_forwarded_for
            continue;
        }
        if (connection.isHopByHop(kind, f.name))
            continue;
        switch (kind) {
        case ProxyField::Host:
        case ProxyField::ContentLength:
        case ProxyField::Expect: continue; // ours
        case ProxyField::XForwardedProto:
        case ProxyField::XForwardedHost:
        case ProxyField::XRealIp:
            if (addForwarded)
                continue; // replaced by ours
            break;
        default: break;
        }
        writer.add(f.name, f.value);
    }
    if (addForwarded) {
        writer.addList("X-Forwarded-For", peer, forwardedFor)
            .add("X-Forwarded-Proto", "http")
            .add("X-Real-IP", peer);
    }
    writer.addList("Via", "1.1 infralab", via);
    if (addForwarded && !request.host.isEmpty())
        writer.add("X-Forwarded-Host", request.host);
    // The engine already de-chunked the body and answered Expect: 100-continue itself.
    const bool bodyMethod = request.method == http::HttpMethod::Post
                            || request.method == http::HttpMethod::Put
                            || request.method == http::HttpMethod::Patch;
    if (bodyMethod || !out.body.isEmpty())
        writer.addContentLength(out.body.size());
    writer.finish();
    return writer.ok();
}

} // namespace infralab::upstream
