#include "catalogue/componentcatalogue.h"

#include "catalogue/kinds.h"

#include <algorithm>

namespace infralab {

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Palette order: traffic, edge, compute, data.
QList<KindInfo> buildKinds()
{
    QList<KindInfo> all = {
        kinds::trafficGenerator(), kinds::webServer(), kinds::reverseProxy(), kinds::loadBalancer(),
        kinds::apiGateway(),       kinds::appServer(), kinds::database(),     kinds::cache(),
    };
    for (KindInfo &k : all)
        k.icon = QStringLiteral(":/icons/") + k.kind + QStringLiteral(".svg");
    return all;
}

} // namespace

QString valueTypeName(ValueType type)
{
    switch (type) {
    case ValueType::Bool: return s("bool");
    case ValueType::Int: return s("int");
    case ValueType::Double: return s("number");
    case ValueType::String: return s("string");
    case ValueType::Enum: return s("enum");
    case ValueType::Path: return s("path");
    case ValueType::StringList: return s("string list");
    case ValueType::RequestList: return s("request list");
    }
    return {};
}

QString categoryName(Category category)
{
    switch (category) {
    case Category::Traffic: return s("traffic");
    case Category::Edge: return s("edge");
    case Category::Compute: return s("compute");
    case Category::Data: return s("data");
    }
    return {};
}

const ConfigKey *KindInfo::findKey(QStringView key) const
{
    for (const ConfigKey &k : config) {
        if (k.key == key)
            return &k;
    }
    return nullptr;
}

bool KindInfo::isLiveKey(QStringView key) const
{
    const ConfigKey *declared = findKey(key);
    return declared && declared->live;
}

const ConfigKey *KindInfo::findLinkKey(QStringView key) const
{
    for (const ConfigKey &k : linkConfig) {
        if (k.key == key)
            return &k;
    }
    return nullptr;
}

const ComponentCatalogue &ComponentCatalogue::instance()
{
    static const ComponentCatalogue catalogue;
    return catalogue;
}

ComponentCatalogue::ComponentCatalogue()
    : m_kinds(buildKinds())
{}

QStringList ComponentCatalogue::kindNames() const
{
    QStringList names;
    for (const KindInfo &info : m_kinds)
        names.append(info.kind);
    return names;
}

const KindInfo *ComponentCatalogue::find(QStringView kind) const
{
    for (const KindInfo &info : m_kinds) {
        if (info.kind == kind)
            return &info;
    }
    return nullptr;
}

static QJsonObject withDefaults(const QList<ConfigKey> &keys, const QJsonObject &config)
{
    QJsonObject result = config;
    for (const ConfigKey &k : keys) {
        if (!result.contains(k.key))
            result.insert(k.key, k.defaultValue);
    }
    return result;
}

QJsonObject ComponentCatalogue::effectiveConfig(const KindInfo &info,
                                                const QJsonObject &config) const
{
    return withDefaults(info.config, config);
}

QJsonObject ComponentCatalogue::effectiveLinkConfig(const KindInfo &callerInfo,
                                                    const QJsonObject &config) const
{
    return withDefaults(callerInfo.linkConfig, config);
}

static int editDistance(QStringView a, QStringView b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            const int cost = a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

QString ComponentCatalogue::closestKind(QStringView misspelt) const
{
    QString best;
    int bestDistance = 4; // suggest only near misses
    for (const KindInfo &info : m_kinds) {
        const int d = editDistance(misspelt, info.kind);
        if (d < bestDistance) {
            bestDistance = d;
            best = info.kind;
        }
    }
    return best;
}

} // namespace infralab
