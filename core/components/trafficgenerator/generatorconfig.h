#pragma once

#include "components/trafficgenerator/keysampler.h"
#include "components/trafficgenerator/loadprofile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace infralab::trafficgenerator {

enum class LoadModel {
    Closed, // wrk: each connection sends its next request when the last one is answered
    Open,   // wrk2, k6 constant-arrival-rate: requests are due at a rate, whatever the latency
};
// The `mode` values.
inline constexpr Choices<LoadModel, 2> loadModelChoices{{
    {"closed", LoadModel::Closed},
    {"open", LoadModel::Open},
}};

// One entry of the `requests` mix. `{n}` in the path or body is replaced by a key.
struct RequestTemplate
{
    QByteArray method = "GET";
    QByteArray path = "/";
    QByteArray body;
    int weight = 1;
};

// Where requests go: a linked node, or an extra target given by URL (both on 127.0.0.1).
struct GeneratorTarget
{
    QString name; // the node id, or the URL as written
    quint16 port = 0;
    int weight = 1; // relative share of the requests (link weight)
};

// A traffic-generator node's settings, read once from its effective config (the validator
// has checked types and ranges, so values are trusted); see docs/components.md.
struct GeneratorConfig
{
    LoadModel model = LoadModel::Closed;
    int connections = 10;
    double rate = 100; // open model, requests per second at full load
    QList<RequestTemplate> requests{RequestTemplate{}};
    int durationS = 0;      // 0 = until stopped
    qint64 maxRequests = 0; // 0 = no limit
    int thinkTimeMs = 0;    // closed model
    LoadProfile profile;
    KeySampler keys;
    int timeoutMs = 2000;
    bool keepAlive = true;
    QStringList extraTargets; // `targets`: URLs outside the lab

    static GeneratorConfig fromJson(const QJsonObject &config);
    // The config keys a running generator takes without a restart (Component::applyConfig):
    // those its catalogue entry marks live.
    static bool isLiveKey(const QString &key);
};

// `http://127.0.0.1:PORT`, `http://localhost:PORT` (or without the scheme) → the port.
// Anything else is refused with a message: the generator only ever targets this machine.
bool parseLoopbackUrl(const QString &url, quint16 *port, QString *error);

QString modelName(LoadModel model); // "closed", "open"

} // namespace infralab::trafficgenerator
