#include "components/trafficgenerator/generatorconfig.h"

#include "catalogue/componentcatalogue.h"
#include "catalogue/settings.h"

#include <QJsonArray>
#include <QUrl>

namespace infralab::trafficgenerator {

GeneratorConfig GeneratorConfig::fromJson(const QJsonObject &config)
{
    const Settings settings = Settings::ofNode(u"traffic-generator", config);
    GeneratorConfig c;
    c.model = settings.choice("mode", loadModelChoices);
    c.connections = settings.integer("connections");
    c.rate = settings.number("rate");
    c.durationS = settings.integer("duration_s");
    c.maxRequests = settings.int64("max_requests");
    c.thinkTimeMs = settings.integer("think_time_ms");
    c.timeoutMs = settings.integer("timeout_ms");
    c.keepAlive = settings.boolean("keepalive");
    c.profile = LoadProfile(settings.choice("profile", LoadProfile::shapeChoices),
                            settings.integer("profile_period_s"));
    c.keys = KeySampler(settings.choice("path_distribution", KeySampler::distributionChoices),
                        settings.int64("path_keys"), settings.number("zipf_exponent"));

    c.requests.clear();
    for (const QJsonValue &value : settings.array("requests")) {
        const QJsonObject object = value.toObject();
        RequestTemplate request;
        request.method = object.value(QLatin1String("method")).toString().toUtf8();
        request.path = object.value(QLatin1String("path")).toString().toUtf8();
        request.body = object.value(QLatin1String("body")).toString().toUtf8();
        request.weight = object.value(QLatin1String("weight")).toInt(request.weight);
        if (request.method.isEmpty() || !request.path.startsWith('/') || request.weight <= 0)
            continue; // the validator refuses these; weight 0 means "not sent"
        c.requests.append(request);
    }
    c.extraTargets = settings.strings("targets");
    return c;
}

bool GeneratorConfig::isLiveKey(const QString &key)
{
    static const KindInfo *const info = ComponentCatalogue::instance().find(u"traffic-generator");
    return info && info->isLiveKey(key);
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
    return choiceName(loadModelChoices, model);
}

} // namespace infralab::trafficgenerator
