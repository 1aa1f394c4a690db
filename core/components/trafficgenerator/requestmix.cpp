#include "components/trafficgenerator/requestmix.h"

#include <algorithm>

namespace infralab::trafficgenerator {

namespace {

const QByteArray KeyPlaceholder = QByteArrayLiteral("{n}");

QList<QByteArray> splitAtKey(const QByteArray &text)
{
    QList<QByteArray> parts;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(KeyPlaceholder, from);
        if (at < 0)
            break;
        parts.append(text.mid(from, at - from));
        from = at + KeyPlaceholder.size();
    }
    parts.append(text.mid(from));
    return parts;
}

void joinWithKey(const QList<QByteArray> &parts, const QByteArray &key, QByteArray &out)
{
    out.resize(0);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out.append(key);
        out.append(parts.at(i));
    }
}

QByteArrayView contentType(QByteArrayView body)
{
    const QByteArrayView trimmed = body.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return "application/json";
    return "text/plain; charset=utf-8";
}

} // namespace

RequestMix::RequestMix(const QList<RequestTemplate> &templates, const KeySampler &keys,
                       bool keepAlive, const QList<QByteArray> &hosts)
    : m_hosts(hosts)
    , m_keys(keys)
    , m_keepAlive(keepAlive)
{
    for (const RequestTemplate &request : templates) {
        if (request.weight <= 0)
            continue;
        Template t;
        t.method = request.method;
        t.pathParts = splitAtKey(request.path);
        t.bodyParts = splitAtKey(request.body);
        t.hasKey = t.pathParts.size() > 1 || t.bodyParts.size() > 1;
        if (request.method == "HEAD")
            t.framing = http::HttpMethod::Head;
        static const QByteArrayList idempotent{"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"};
        t.idempotent = idempotent.contains(request.method);
        t.sendsLength = !request.body.isEmpty() || request.method == "POST"
                        || request.method == "PUT" || request.method == "PATCH";
        m_totalWeight += quint64(request.weight);
        t.cumulativeWeight = m_totalWeight;
        if (!t.hasKey) {
            for (const QByteArray &host : hosts) {
                QByteArray bytes;
                writeHead(t, host, request.path, request.body, bytes);
                t.prebuiltHead.push_back(bytes.size());
                t.prebuilt.push_back(bytes + request.body);
            }
        }
        m_templates.push_back(std::move(t));
    }
}

void RequestMix::writeHead(const Template &t, const QByteArray &host, QByteArrayView path,
                           QByteArrayView body, QByteArray &out) const
{
    out.resize(0);
    out.append(t.method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host);
    out.append("\r\nUser-Agent: infralab-traffic-generator\r\n");
    if (t.sendsLength) {
        if (!body.isEmpty())
            out.append("Content-Type: ").append(contentType(body)).append("\r\n");
        out.append("Content-Length: ").append(QByteArray::number(body.size())).append("\r\n");
    }
    if (!m_keepAlive)
        out.append("Connection: close\r\n");
    out.append("\r\n");
}

int RequestMix::pickTemplate(Rng &rng) const
{
    if (m_templates.size() <= 1)
        return 0;
    const quint64 ticket = std::uniform_int_distribution<quint64>(0, m_totalWeight - 1)(rng);
    const auto it = std::upper_bound(
        m_templates.begin(), m_templates.end(), ticket,
        [](quint64 value, const Template &t) { return value < t.cumulativeWeight; });
    return int(it - m_templates.begin());
}

RequestMix::Request RequestMix::next(int target, Rng &rng)
{
    Request request;
    if (m_templates.empty())
        return request;
    request.templateIndex = pickTemplate(rng);
    const Template &t = m_templates[std::size_t(request.templateIndex)];
    request.framing = t.framing;
    request.idempotent = t.idempotent;
    if (!t.hasKey) {
        request.bytes = t.prebuilt[std::size_t(target)];
        request.headSize = t.prebuiltHead[std::size_t(target)];
        return request;
    }
    request.key = m_keys.next(rng);
    const QByteArray key = QByteArray::number(request.key);
    joinWithKey(t.pathParts, key, m_path);
    joinWithKey(t.bodyParts, key, m_body);
    writeHead(t, m_hosts.at(target), m_path, m_body, request.bytes);
    request.headSize = request.bytes.size();
    request.bytes.append(m_body);
    return request;
}

} // namespace infralab::trafficgenerator
