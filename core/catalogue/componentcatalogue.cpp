#include "catalogue/componentcatalogue.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace infralab {

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

ConfigKey intKey(const char *key, qint64 def, qint64 min, qint64 max, const char *help,
                 const char *unit = "")
{
    ConfigKey k;
    k.key = s(key);
    k.type = ValueType::Int;
    k.defaultValue = double(def);
    k.minimum = double(min);
    k.maximum = double(max);
    k.help = s(help);
    k.unit = s(unit);
    return k;
}

ConfigKey boolKey(const char *key, bool def, const char *help)
{
    ConfigKey k;
    k.key = s(key);
    k.type = ValueType::Bool;
    k.defaultValue = def;
    k.help = s(help);
    return k;
}

ConfigKey stringKey(const char *key, const char *def, const char *help,
                    ValueType type = ValueType::String)
{
    ConfigKey k;
    k.key = s(key);
    k.type = type;
    k.defaultValue = s(def);
    k.help = s(help);
    return k;
}

ConfigKey enumKey(const char *key, const char *def, std::initializer_list<const char *> values,
                  const char *help)
{
    ConfigKey k;
    k.key = s(key);
    k.type = ValueType::Enum;
    k.defaultValue = s(def);
    for (const char *v : values)
        k.enumValues.append(s(v));
    k.help = s(help);
    return k;
}

ConfigKey listKey(const char *key, std::initializer_list<const char *> def, const char *help)
{
    ConfigKey k;
    k.key = s(key);
    k.type = ValueType::StringList;
    QJsonArray array;
    for (const char *v : def)
        array.append(s(v));
    k.defaultValue = array;
    k.help = s(help);
    return k;
}

ConfigKey portKey()
{
    return intKey("port", 0, 0, 65535,
                  QT_TRANSLATE_NOOP("Catalogue",
                                    "TCP port on 127.0.0.1; 0 picks a free port at start."));
}

const QStringList httpKinds = {
    s("web-server"), s("reverse-proxy"), s("load-balancer"), s("api-gateway"), s("app-server"),
};

QList<KindInfo> buildKinds(); // defined in catalogue/kinds.cpp-style block below

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
{
}

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

namespace {

QList<KindInfo> buildKinds()
{
    QList<KindInfo> kinds;

    {
        KindInfo k;
        k.kind = s("traffic-generator");
        k.displayName = s(QT_TRANSLATE_NOOP("Catalogue", "Traffic generator"));
        k.category = Category::Traffic;
        k.idPrefix = s("load");
        k.description = s(QT_TRANSLATE_NOOP(
            "Catalogue", "Sends real HTTP load to its linked nodes, closed (like wrk) or open "
                         "(constant arrival rate, like wrk2)."));
        k.config = {
            enumKey("mode", "closed", {"closed", "open"},
                    QT_TRANSLATE_NOOP("Catalogue",
                                      "closed: each connection sends its next request when the "
                                      "last one is answered; open: requests arrive at a fixed "
                                      "rate whatever the latency.")),
            intKey("connections", 10, 1, 10000,
                   QT_TRANSLATE_NOOP("Catalogue", "Concurrent connections kept open.")),
            intKey("rate", 100, 1, 1000000,
                   QT_TRANSLATE_NOOP("Catalogue", "Requests per second in open mode."),
                   "req/s"),
            [] {
                ConfigKey r;
                r.key = s("requests");
                r.type = ValueType::RequestList;
                QJsonObject get;
                get.insert(s("method"), s("GET"));
                get.insert(s("path"), s("/"));
                get.insert(s("weight"), 1);
                r.defaultValue = QJsonArray{get};
                r.help = s(QT_TRANSLATE_NOOP(
                    "Catalogue", "Request mix: method, path ({n} is filled with a number), "
                                 "relative weight and optional body."));
                return r;
            }(),
            intKey("duration_s", 0, 0, 86400,
                   QT_TRANSLATE_NOOP("Catalogue", "How long to run; 0 runs until stopped."), "s"),
        };
        k.callees = httpKinds;
        kinds.append(k);
    }
    {
        KindInfo k;
        k.kind = s("web-server");
        k.displayName = s(QT_TRANSLATE_NOOP("Catalogue", "Web server"));
        k.category = Category::Edge;
        k.idPrefix = s("web");
        k.urlScheme = s("http");
        k.description = s(QT_TRANSLATE_NOOP(
            "Catalogue", "Serves static files like nginx and passes chosen path prefixes on to "
                         "its linked upstreams."));
        k.config = {
            portKey(),
            stringKey("root", "",
                      QT_TRANSLATE_NOOP("Catalogue",
                                        "Folder to serve; empty serves the bundled demo site."),
                      ValueType::Path),
            listKey("forward_prefixes", {"/api/"},
                    QT_TRANSLATE_NOOP("Catalogue",
                                      "Path prefixes sent on to the linked upstreams.")),
        };
        k.callees = httpKinds;
        kinds.append(k);
    }
    {
        KindInfo k;
        k.kind = s("reverse-proxy");
        k.displayName = s(QT_TRANSLATE_NOOP("Catalogue", "Reverse proxy"));
        k.category = Category::Edge;
        k.idPrefix = s("proxy");
        k.urlScheme = s("http");
        k.description = s(QT_TRANSLATE_NOOP(
            "Catalogue", "Forwards every request to its upstreams like nginx proxy_pass, with an "
                         "optional response cache."));
        k.config = {
            portKey(),
            boolKey("cache", false,
                    QT_TRANSLATE_NOOP("Catalogue", "Cache GET and HEAD responses.")),
            intKey("cache_ttl_s", 60, 0, 86400,
                   QT_TRANSLATE_NOOP("Catalogue",
                                     "How long a response without caching headers is kept."),
                   "s"),
        };
        k.callees = httpKinds;
        kinds.append(k);
    }
    {
        KindInfo k;
        k.kind = s("load-balancer");
        k.displayName = s(QT_TRANSLATE_NOOP("Catalogue", "Load balancer"));
        k.category = Category::Edge;
        k.idPrefix = s("lb");
        k.urlScheme = s("http");
        k.description = s(QT_TRANSLATE_NOOP(
            "Catalogue", "Balances requests across its backends like HAProxy, with health "
                         "checks, retries and sticky sessions."));
        k.config = {
            portKey(),
            enumKey("algorithm", "round-robin",
                    {"round-robin", "least-connections", "ip-hash", "uri-hash", "random", "first"},
                    QT_TRANSLATE_NOOP("Catalogue", "How a backend is chosen for each request.")),
            stringKey("health_check_path", "/",
                      QT_TRANSLATE_NOOP("Catalogue", "Path requested by active health checks.")),
            intKey("health_check_interval_ms", 2000, 100, 3600000,
                   QT_TRANSLATE_NOOP("Catalogue", "Time between two health checks of a backend."),
                   "ms"),
            intKey("rise", 2, 1, 100,
                   QT_TRANSLATE_NOOP("Catalogue",
                                     "Consecutive successful checks that mark a backend up.")),
            intKey("fall", 3, 1, 100,
                   QT_TRANSLATE_NOOP("Catalogue",
                                     "Consecutive failed checks that mark a backend down.")),
            stringKey("sticky_cookie", "",
                      QT_TRANSLATE_NOOP("Catalogue",
                                        "Cookie name for sticky sessions; empty turns them off.")),
        };
        k.linkConfig = {
            intKey("weight", 1, 0, 256,
                   QT_TRANSLATE_NOOP("Catalogue", "Share of traffic relative to other backends.")),
            boolKey("backup", false,
                    QT_TRANSLATE_NOOP("Catalogue", "Used only when no primary backend is up.")),
            intKey("max_connections", 0, 0, 100000,
                   QT_TRANSLATE_NOOP("Catalogue",
                                     "Concurrent requests to this backend; 0 is unlimited.")),
        };
        k.callees = httpKinds;
        kinds.append(k);
    }
    {
        KindInfo k;
        k.kind = s("api-gateway");
        k.displayName = s(QT_TRANSLATE_NOOP("Catalogue", "API gateway"));
        k.category = Category::Edge;
        k.idPrefix = s("gateway");
        k.urlScheme = s("http");
        k.description = s(QT_TRANSLATE_NOOP(
            "Catalogue", "Routes API requests to services like Kong, with authentication and "
                         "rate limiting."));
        k.config = {portKey()};
        k.callees = httpKinds;
        kinds.append(k);
    }
    {
        KindInfo k;
        k.kind = s("app-server");
        k.displayName = s(QT_TRANSLATE_NOOP("Catalogue", "Application server"));
        k.category = Category::Compute;
        k.idPrefix = s("app");
        k.urlScheme = s("http");
        k.description = s(QT_TRANSLATE_NOOP(
            "Catalogue", "Answers API requests with configurable work, calling the databases, "
                         "caches and services it is linked to."));
        k.config = {portKey()};
        k.callees = httpKinds + QStringList{s("database"), s("cache")};
        kinds.append(k);
    }
    {
        KindInfo k;
        k.kind = s("database");
        k.displayName = s(QT_TRANSLATE_NOOP("Catalogue", "Database"));
        k.category = Category::Data;
        k.idPrefix = s("db");
        k.urlScheme = s("postgres");
        k.description = s(QT_TRANSLATE_NOOP(
            "Catalogue", "A SQL database that speaks the PostgreSQL wire protocol, so psql and "
                         "pgbench can connect."));
        k.config = {portKey()};
        kinds.append(k);
    }
    {
        KindInfo k;
        k.kind = s("cache");
        k.displayName = s(QT_TRANSLATE_NOOP("Catalogue", "Cache"));
        k.category = Category::Data;
        k.idPrefix = s("cache");
        k.urlScheme = s("redis");
        k.description = s(QT_TRANSLATE_NOOP(
            "Catalogue", "An in-memory key-value store that speaks Redis RESP, so redis-cli can "
                         "connect."));
        k.config = {portKey()};
        kinds.append(k);
    }

    for (KindInfo &k : kinds)
        k.icon = QStringLiteral(":/icons/") + k.kind + QStringLiteral(".svg");
    return kinds;
}

} // namespace

} // namespace infralab
