#include "catalogue/settings.h"

#include "catalogue/componentcatalogue.h"

#include <QMutex>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace infralab {

namespace {

const QList<ConfigKey> &noKeys()
{
    static const QList<ConfigKey> none;
    return none;
}

bool hasDeclaredType(const ConfigKey &key, const QJsonValue &value)
{
    switch (key.type) {
    case ValueType::Bool: return value.isBool();
    case ValueType::Int:
        return value.isDouble() && std::trunc(value.toDouble()) == value.toDouble();
    case ValueType::Double: return value.isDouble();
    case ValueType::String:
    case ValueType::Enum:
    case ValueType::Path: return value.isString();
    case ValueType::StringList:
    case ValueType::RequestList: return value.isArray();
    }
    return false;
}

void reportUndeclared(const QString &owner, const char *key)
{
    static QMutex mutex;
    static QSet<QString> reported;
    const QString name = owner + QLatin1Char('.') + QLatin1String(key);
    {
        QMutexLocker lock(&mutex);
        if (reported.contains(name))
            return;
        reported.insert(name);
    }
    qCritical("Settings: %s reads '%s', which its catalogue entry does not declare",
              qPrintable(owner), key);
    Q_ASSERT_X(false, "Settings", "a kind reads a setting its catalogue entry does not declare");
}

} // namespace

Settings Settings::ofNode(QStringView kind, const QJsonObject &config)
{
    const KindInfo *info = ComponentCatalogue::instance().find(kind);
    return Settings(info ? info->config : noKeys(), kind.toString(), config);
}

Settings Settings::ofLink(QStringView callerKind, const QJsonObject &config)
{
    const KindInfo *info = ComponentCatalogue::instance().find(callerKind);
    return Settings(info ? info->linkConfig : noKeys(),
                    callerKind.toString() + QStringLiteral(" link"), config);
}

Settings::Settings(const QList<ConfigKey> &declared, QString owner, const QJsonObject &config)
    : m_declared(&declared)
    , m_owner(std::move(owner))
    , m_config(config)
{}

const ConfigKey *Settings::declaration(const char *key) const
{
    const QLatin1String name(key);
    for (const ConfigKey &k : *m_declared) {
        if (k.key == name)
            return &k;
    }
    reportUndeclared(m_owner, key);
    return nullptr;
}

QJsonValue Settings::declaredDefault(const char *key) const
{
    const ConfigKey *k = declaration(key);
    return k ? k->defaultValue : QJsonValue();
}

bool Settings::isSet(const char *key) const
{
    declaration(key);
    return m_config.contains(QLatin1String(key));
}

QJsonValue Settings::value(const char *key) const
{
    const ConfigKey *k = declaration(key);
    if (!k)
        return {};
    const QJsonValue set = m_config.value(QLatin1String(key));
    if (!hasDeclaredType(*k, set))
        return k->defaultValue;
    if (k->hasRange() && k->minimum <= k->maximum)
        return std::clamp(set.toDouble(), k->minimum, k->maximum);
    return set;
}

int Settings::integer(const char *key) const
{
    const double n = value(key).toDouble();
    return int(std::clamp(n, double(std::numeric_limits<int>::min()),
                          double(std::numeric_limits<int>::max())));
}

qint64 Settings::int64(const char *key) const
{
    return qint64(value(key).toDouble());
}

double Settings::number(const char *key) const
{
    return value(key).toDouble();
}

bool Settings::boolean(const char *key) const
{
    return value(key).toBool();
}

QString Settings::string(const char *key) const
{
    return value(key).toString();
}

QByteArray Settings::utf8(const char *key) const
{
    return value(key).toString().toUtf8();
}

QStringList Settings::strings(const char *key) const
{
    QStringList out;
    for (const QJsonValue &v : value(key).toArray()) {
        if (v.isString()) // the validator reports the others
            out.append(v.toString());
    }
    return out;
}

QJsonArray Settings::array(const char *key) const
{
    return value(key).toArray();
}

} // namespace infralab
