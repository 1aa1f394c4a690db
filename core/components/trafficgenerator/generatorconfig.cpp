#include "components/trafficgenerator/generatorconfig.h"

#include <QJsonArray>
#include <QUrl>

namespace infralab::trafficgenerator {

namespace {

int intValue(const QJsonObject &config, const char *key, int fallback)
{
    return config.value(QLatin1String(key)).toInt(fallback);
}

} // namespace

GeneratorConfig GeneratorConfig::fromJson(const QJsonObject &config)
{
    GeneratorConfig c;
    c.model = config.value(QLatin1String("mode")).toString() == QLatin1String("open")
                  ? LoadModel::Open
                  : LoadModel::Closed;
    c.connections = std::max(1, intValue(config, "connections", c.connections));
    c.rate = std::max(1e-3, config.value(QLatin1String("rate")).toDouble(c.rate));
    c.durationS = intValue(config, "duration_s", c.durationS);
    c.maxRequests = qint64(config.value(QLatin1String("max_requests")).toDouble(0));
    c.thinkTimeMs = intValue(config, "think_time_ms", c.thinkTimeMs);
    c.timeoutMs = std::max(1, intValue(config, "timeout_ms", c.timeoutMs));
    c.keepAlive = config.value(QLatin1String("keepalive")).toBool(c.keepAlive);

    LoadProfile::Shape shape = LoadProfile::Shape::Constant;
    LoadProfile::shapeFromName(config.value(QLatin1String("profile")).toString(), &shape);
    c.profile = LoadProfile(shape, intValue(config, "profile_period_s", 30));

    const bool zipf
        = config.value(QLatin1String("path_distribution")).toString() == QLatin1String("zipf");
    c.keys = KeySampler(zipf ? KeySampler::Distribution::Zipf : KeySampler::Distribution::Uniform,
                        qint64(config.value(QLatin1String("path_keys")).toDouble(1000)),
                        config.value(QLatin1String("zipf_exponent")).toDouble(1.0));

    if (config.contains(QLatin1String("requests"))) {
        c.requests.clear();
        const QJsonArray requests = config.value(QLatin1String("requests")).toArray();
        for (const QJsonValue &value : requests) {
            const QJsonObject object = value.toObject();
            RequestTemplate request;
            request.method = object.value(QLatin1String("method")).toString().toUtf8();
            request.path = object.value(QLatin1String("path")).toString().toUtf8();
            request.body = object.value(QLatin1String("body")).toString().toUtf8();
            request.weight = object.value(QLatin1String("weight")).toInt(1);
            if (request.method.isEmpty() || !request.path.startsWith('/') || request.weight <= 0)
                continue; // the validator refuses these; weight 0 means "not sent"
            c.requests.append(request);
        }
    }
    const QJsonArray targets = config.value(QLatin1String("targets")).toArray();
    for (const QJsonValue &value : targets)
        c.extraTargets.append(value.toString());
    return c;
}

bool GeneratorConfig::isLiveKey(const QString &key)
{
    static const char *const live[] = {"rate",          "profile",       "profile_period_s",
                                       "think_time_ms", "requests",      "path_distribution",
                                       "path_keys",     "zipf_exponent", "timeout_ms"};
    for (const char *name : live) {
        if (key == QLatin1String(name))
            return true;
    }
    return false;
}

bool parseLoopbackUrl(const QString &text, quint16 *port, QString *error)
{
    QString withScheme = text.trimmed();
    if (!withScheme.contains(QLatin1String("://")))
        withScheme.prepend(QLatin1String("http://"));
    const QUrl url(withScheme, QUrl::StrictMode);
    const QString host = url.host();
    const bool loopback = host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost");
    const int number = url.port(-1);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || !loopback || number < 1
        || (!url.path().isEmpty() && url.path() != QLatin1String("/"))) {
        if (error)
            *error = QStringLiteral("target '%1' is not http://127.0.0.1:PORT (the traffic "
                                    "generator only targets this machine)")
                         .arg(text);
        return false;
    }
    *port = quint16(number);
    return true;
}

QString modelName(LoadModel model)
{
    return model == LoadModel::Open ? QStringLiteral("open") : QStringLiteral("closed");
}

} // namespace infralab::trafficgenerator
