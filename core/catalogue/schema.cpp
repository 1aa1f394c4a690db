#include "catalogue/schema.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace infralab::schema {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

static ConfigKey makeKey(const char *key, ValueType type, const QJsonValue &defaultValue,
                         const char *help)
{
    ConfigKey k;
    k.key = text(key);
    k.type = type;
    k.defaultValue = defaultValue;
    k.help = text(help);
    return k;
}

ConfigKey intKey(const char *key, qint64 defaultValue, qint64 minimum, qint64 maximum,
                 const char *help, const char *unit)
{
    ConfigKey k = makeKey(key, ValueType::Int, double(defaultValue), help);
    k.minimum = double(minimum);
    k.maximum = double(maximum);
    k.unit = text(unit);
    return k;
}

ConfigKey numberKey(const char *key, double defaultValue, double minimum, double maximum,
                    const char *help, const char *unit)
{
    ConfigKey k = makeKey(key, ValueType::Double, defaultValue, help);
    k.minimum = minimum;
    k.maximum = maximum;
    k.unit = text(unit);
    return k;
}

ConfigKey boolKey(const char *key, bool defaultValue, const char *help)
{
    return makeKey(key, ValueType::Bool, defaultValue, help);
}

ConfigKey stringKey(const char *key, const char *defaultValue, const char *help)
{
    return makeKey(key, ValueType::String, text(defaultValue), help);
}

ConfigKey pathKey(const char *key, const char *defaultValue, const char *help)
{
    return makeKey(key, ValueType::Path, text(defaultValue), help);
}

ConfigKey enumKey(const char *key, const char *defaultValue,
                  std::initializer_list<const char *> values, const char *help)
{
    QStringList names;
    for (const char *v : values)
        names.append(text(v));
    return enumKey(key, text(defaultValue), names, help);
}

ConfigKey enumKey(const char *key, const QString &defaultValue, const QStringList &values,
                  const char *help)
{
    ConfigKey k = makeKey(key, ValueType::Enum, defaultValue, help);
    k.enumValues = values;
    Q_ASSERT(k.enumValues.contains(defaultValue));
    return k;
}

ConfigKey listKey(const char *key, std::initializer_list<const char *> defaultValue,
                  const char *help)
{
    QJsonArray array;
    for (const char *v : defaultValue)
        array.append(text(v));
    return makeKey(key, ValueType::StringList, array, help);
}

ConfigKey live(ConfigKey key)
{
    key.live = true;
    return key;
}

void present(QList<ConfigKey> &keys, std::initializer_list<Presentation> presentation)
{
    for (const Presentation &p : presentation) {
        const auto it = std::find_if(keys.begin(), keys.end(), [&p](const ConfigKey &k) {
            return k.key == QLatin1String(p.key);
        });
        Q_ASSERT_X(it != keys.end(), "schema::present", p.key);
        if (it == keys.end())
            continue;
        it->label = text(p.label);
        it->group = text(p.group);
    }
}

ConfigKey portKey()
{
    ConfigKey k = intKey(
        "port", 0, 0, 65535,
        QT_TRANSLATE_NOOP("Catalogue", "TCP port on 127.0.0.1; 0 picks a free port at start."));
    k.label = text(QT_TRANSLATE_NOOP("Catalogue", "Port"));
    k.group = text(group::Listening);
    return k;
}

QList<ConfigKey> httpListenerKeys()
{
    constexpr qint64 Hour = 3600;
    constexpr qint64 GiB = 1024 * 1024 * 1024;
    QList<ConfigKey> keys = {
        intKey("header_timeout_s", 10, 1, Hour,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Time a client has to send the request line and headers "
                                 "before it gets 408."),
               "s"),
        intKey("body_timeout_s", 30, 1, Hour,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Longest pause between two reads of a request body before the "
                                 "request gets 408."),
               "s"),
        intKey("keepalive_timeout_s", 60, 0, Hour,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "How long an idle keep-alive connection stays open; 0 closes "
                                 "after each response."),
               "s"),
        intKey("send_timeout_s", 60, 1, Hour,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Longest wait between two writes of a response before the "
                                 "connection is closed (as nginx's send_timeout: it times each "
                                 "pause, not the whole response)."),
               "s"),
        intKey("max_body_bytes", 1024 * 1024, 0, GiB,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Largest request body accepted, larger ones get 413; 0 is "
                                 "unlimited."),
               "bytes"),
        intKey("max_connections", 1024, 0, 1000000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Client connections open at once; further ones wait in the "
                                 "listen queue while the oldest idle ones are closed to make "
                                 "room; 0 is unlimited.")),
        pathKey("access_log", "",
                QT_TRANSLATE_NOOP("Catalogue",
                                  "File that gets one combined-format line per request; empty "
                                  "turns the log off.")),
    };
    present(keys, {
        {"header_timeout_s", QT_TRANSLATE_NOOP("Catalogue", "Header timeout"), group::Timeouts},
        {"body_timeout_s", QT_TRANSLATE_NOOP("Catalogue", "Body timeout"), group::Timeouts},
        {"keepalive_timeout_s", QT_TRANSLATE_NOOP("Catalogue", "Keep-alive timeout"),
         group::Timeouts},
        {"send_timeout_s", QT_TRANSLATE_NOOP("Catalogue", "Send timeout"), group::Timeouts},
        {"max_body_bytes", QT_TRANSLATE_NOOP("Catalogue", "Largest request body"), group::Limits},
        {"max_connections", QT_TRANSLATE_NOOP("Catalogue", "Client connections"), group::Limits},
        {"access_log", QT_TRANSLATE_NOOP("Catalogue", "Access log file"), group::Logging},
    });
    return keys;
}

QList<ConfigKey> upstreamKeys(qint64 connectTimeoutMs, qint64 responseTimeoutMs)
{
    constexpr qint64 Hour = 3600 * 1000;
    QList<ConfigKey> keys = {
        intKey("connect_timeout_ms", connectTimeoutMs, 1, 10 * 60 * 1000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Time to open a connection to an upstream before the attempt "
                                 "fails."),
               "ms"),
        intKey(
            "response_timeout_ms", responseTimeoutMs, 1, Hour,
            QT_TRANSLATE_NOOP(
                "Catalogue", "Longest wait for an upstream's response before the client gets 504."),
            "ms"),
        intKey("upstream_keepalive", 32, 0, 10000,
               QT_TRANSLATE_NOOP("Catalogue",
                                 "Idle connections kept open to each upstream; 0 opens a new "
                                 "connection per request.")),
    };
    present(keys, {
        {"connect_timeout_ms", QT_TRANSLATE_NOOP("Catalogue", "Upstream connect timeout"),
         group::Timeouts},
        {"response_timeout_ms", QT_TRANSLATE_NOOP("Catalogue", "Upstream response timeout"),
         group::Timeouts},
        {"upstream_keepalive", QT_TRANSLATE_NOOP("Catalogue", "Idle upstream connections"),
         group::Upstreams},
    });
    return keys;
}

QStringList httpKinds()
{
    return {text("web-server"), text("reverse-proxy"), text("load-balancer"), text("api-gateway"),
            text("app-server")};
}

} // namespace infralab::schema
