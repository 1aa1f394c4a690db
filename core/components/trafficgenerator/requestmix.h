#pragma once

#include "components/trafficgenerator/generatorconfig.h"
#include "components/trafficgenerator/keysampler.h"
#include "http/httptypes.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace infralab::trafficgenerator {

// The requests one network thread sends: picks a template of the mix by weight, fills `{n}`
// from the key sampler and serialises an HTTP/1.1 request for the chosen target. Templates
// without `{n}` are serialised once per target at construction, so the hot path copies
// nothing; the rest are built into a reused buffer.
class RequestMix
{
public:
    struct Request
    {
        QByteArray bytes; // head (request line and fields, the empty line), then body
        qsizetype headSize = 0;
        http::HttpMethod framing = http::HttpMethod::Get; // how to frame the response
        bool idempotent = true; // RFC 9110 §9.2.2: may be sent again after a stale connection
        int templateIndex = 0;
        qint64 key = 0; // the number put in for {n}, 0 when the template has none
    };

    // `hosts`: the Host field value per target ("127.0.0.1:8080").
    RequestMix(const QList<RequestTemplate> &templates, const KeySampler &keys, bool keepAlive,
               const QList<QByteArray> &hosts);

    int templateCount() const { return int(m_templates.size()); }
    // Prebuilt requests are shared, not copied (QByteArray's implicit sharing).
    Request next(int target, Rng &rng);
    // Only the weighted choice of a template (what next() does first).
    int pickTemplate(Rng &rng) const;

private:
    struct Template
    {
        QByteArray method;
        QList<QByteArray> pathParts; // the path split at every {n}
        QList<QByteArray> bodyParts; // the body split at every {n}
        http::HttpMethod framing = http::HttpMethod::Get;
        bool idempotent = true;
        bool sendsLength = false; // Content-Length even for an empty body (POST, PUT, PATCH)
        bool hasKey = false;
        std::vector<QByteArray> prebuilt;    // per target: head + body, when !hasKey
        std::vector<qsizetype> prebuiltHead; // per target: where the body starts
        quint64 cumulativeWeight = 0;
    };

    // The head (ending with the empty line) for `body`, which follows it on the wire.
    void writeHead(const Template &t, const QByteArray &host, QByteArrayView path,
                   QByteArrayView body, QByteArray &out) const;

    std::vector<Template> m_templates;
    QList<QByteArray> m_hosts;
    KeySampler m_keys;
    bool m_keepAlive;
    quint64 m_totalWeight = 0;
    QByteArray m_path; // scratch for templates with {n}
    QByteArray m_body;
};

} // namespace infralab::trafficgenerator
