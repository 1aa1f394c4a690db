// Settings: a node's config read through its kind's declaration in the catalogue (one source
// per setting). Defaults, ranges and enum names come from the declaration; every running kind's
// typed parse reads only declared keys; the keys the catalogue marks live are the ones a
// running node really takes without a restart.
#include "catalogue/componentcatalogue.h"
#include "catalogue/settings.h"
#include "components/loadbalancer/loadbalancerconfig.h"
#include "components/reverseproxy/reverseproxy.h"
#include "components/trafficgenerator/generatorconfig.h"
#include "components/webserver/webserverconfig.h"

#include <QJsonArray>
#include <QTest>

using namespace infralab;

namespace {

// Fails the running test on any critical message (Settings reports an undeclared read so).
QStringList g_criticals;
QtMessageHandler g_previous = nullptr;

void collectCriticals(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        g_criticals.append(message);
    if (g_previous)
        g_previous(type, context, message);
}

// Another valid value than the key's default, of the declared type and within its range.
QJsonValue otherValue(const ConfigKey &key)
{
    switch (key.type) {
    case ValueType::Bool: return !key.defaultValue.toBool();
    case ValueType::Int:
    case ValueType::Double:
        return key.defaultValue.toDouble() != key.maximum ? key.maximum : key.minimum;
    case ValueType::Enum:
        for (const QString &value : key.enumValues) {
            if (value != key.defaultValue.toString())
                return value;
        }
        return key.defaultValue;
    case ValueType::String:
    case ValueType::Path: return key.defaultValue.toString() + QLatin1String("x");
    case ValueType::StringList: return QJsonArray{QStringLiteral("x")};
    case ValueType::RequestList:
        return QJsonArray{QJsonObject{{QStringLiteral("method"), QStringLiteral("POST")},
                                      {QStringLiteral("path"), QStringLiteral("/x")}}};
    }
    return {};
}

} // namespace

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        g_criticals.clear();
        g_previous = qInstallMessageHandler(collectCriticals);
    }

    void cleanup()
    {
        qInstallMessageHandler(g_previous);
        QVERIFY2(g_criticals.isEmpty(), qPrintable(g_criticals.join(QLatin1Char('\n'))));
    }

    // An empty config reads as every declared default, node keys and link keys alike.
    void defaultsComeFromTheDeclaration()
    {
        for (const KindInfo &info : ComponentCatalogue::instance().kinds()) {
            const Settings node = Settings::ofNode(info.kind, {});
            for (const ConfigKey &key : info.config) {
                const QByteArray name = key.key.toUtf8();
                QVERIFY2(!node.isSet(name.constData()), name.constData());
                QCOMPARE(node.value(name.constData()), key.defaultValue);
            }
            const Settings link = Settings::ofLink(info.kind, {});
            for (const ConfigKey &key : info.linkConfig) {
                const QByteArray name = key.key.toUtf8();
                QCOMPARE(link.value(name.constData()), key.defaultValue);
            }
        }
    }

    void reads_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("fileValue");
        QTest::addColumn<QJsonValue>("read");

        const QString lb = QStringLiteral("load-balancer");
        const QString gen = QStringLiteral("traffic-generator");
        QTest::newRow("set") << lb << "retries" << QJsonValue(5) << QJsonValue(5);
        QTest::newRow("wrong type → default")
            << lb << "retries" << QJsonValue("five") << QJsonValue(3);
        QTest::newRow("fraction for an integer → default")
            << lb << "retries" << QJsonValue(2.5) << QJsonValue(3);
        QTest::newRow("above the range → maximum")
            << lb << "retries" << QJsonValue(99) << QJsonValue(10);
        QTest::newRow("below the range → minimum")
            << lb << "retries" << QJsonValue(-4) << QJsonValue(0);
        QTest::newRow("null → default")
            << lb << "stats_path" << QJsonValue(QJsonValue::Null) << QJsonValue("/infralab/stats");
        QTest::newRow("empty string is a value")
            << lb << "stats_path" << QJsonValue("") << QJsonValue("");
        QTest::newRow("bool") << lb << "forwarded_headers" << QJsonValue(false)
                              << QJsonValue(false);
        QTest::newRow("bool as number → default")
            << lb << "forwarded_headers" << QJsonValue(0) << QJsonValue(true);
        QTest::newRow("double clamped")
            << gen << "zipf_exponent" << QJsonValue(9.5) << QJsonValue(4.0);
        QTest::newRow("list as string → default")
            << gen << "targets" << QJsonValue("http://127.0.0.1:1") << QJsonValue(QJsonArray());
    }

    void reads()
    {
        QFETCH(QString, kind);
        QFETCH(QString, key);
        QFETCH(QJsonValue, fileValue);
        QFETCH(QJsonValue, read);
        const Settings settings = Settings::ofNode(kind, QJsonObject{{key, fileValue}});
        const QByteArray name = key.toUtf8();
        QVERIFY(settings.isSet(name.constData()));
        QCOMPARE(settings.value(name.constData()), read);
    }

    void typedReads()
    {
        const Settings s = Settings::ofNode(
            u"traffic-generator",
            QJsonObject{{QStringLiteral("rate"), 2500},
                        {QStringLiteral("max_requests"), 900000000.0},
                        {QStringLiteral("targets"),
                         QJsonArray{QStringLiteral("a"), 7, QStringLiteral("b")}}});
        QCOMPARE(s.integer("rate"), 2500);
        QCOMPARE(s.number("rate"), 2500.0);
        QCOMPARE(s.int64("max_requests"), Q_INT64_C(900000000));
        QCOMPARE(s.strings("targets"), (QStringList{"a", "b"}));
        QCOMPARE(s.boolean("keepalive"), true);
    }

    void choices_data()
    {
        QTest::addColumn<QJsonValue>("fileValue");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("unset") << QJsonValue() << "round-robin";
        QTest::newRow("named") << QJsonValue("least-connections") << "least-connections";
        QTest::newRow("unknown name → default") << QJsonValue("fastest") << "round-robin";
        QTest::newRow("wrong case → default") << QJsonValue("FIRST") << "round-robin";
        QTest::newRow("number → default") << QJsonValue(2) << "round-robin";
    }

    void choices()
    {
        QFETCH(QJsonValue, fileValue);
        QFETCH(QString, algorithm);
        QJsonObject config;
        if (!fileValue.isUndefined())
            config.insert(QStringLiteral("algorithm"), fileValue);
        const Settings s = Settings::ofNode(u"load-balancer", config);
        QCOMPARE(loadbalancer::algorithmName(s.choice("algorithm", loadbalancer::algorithmChoices)),
                 algorithm);
    }

    // The enum keys' value lists are the kinds' own choice tables, not a second copy.
    void enumKeysListTheChoiceTables()
    {
        const KindInfo *lb = ComponentCatalogue::instance().find(u"load-balancer");
        QVERIFY(lb);
        QCOMPARE(lb->findKey(u"algorithm")->enumValues,
                 choiceNames(loadbalancer::algorithmChoices));
        const KindInfo *gen = ComponentCatalogue::instance().find(u"traffic-generator");
        QVERIFY(gen);
        QCOMPARE(gen->findKey(u"mode")->enumValues,
                 choiceNames(trafficgenerator::loadModelChoices));
        QCOMPARE(gen->findKey(u"profile")->enumValues,
                 choiceNames(trafficgenerator::LoadProfile::shapeChoices));
        QCOMPARE(gen->findKey(u"path_distribution")->enumValues,
                 choiceNames(trafficgenerator::KeySampler::distributionChoices));
    }

    // The inspector shows every key under a human label in a group (schema::present): a key
    // added without them would show as its bare name, ungrouped.
    void everyKeyHasALabelAndAGroup()
    {
        for (const KindInfo &kind : ComponentCatalogue::instance().kinds()) {
            for (const QList<ConfigKey> *keys : {&kind.config, &kind.linkConfig}) {
                for (const ConfigKey &key : *keys) {
                    const QString where = kind.kind + QLatin1Char('/') + key.key;
                    QVERIFY2(!key.label.isEmpty(), qPrintable(where + " has no label"));
                    QVERIFY2(!key.group.isEmpty(), qPrintable(where + " has no group"));
                    QVERIFY2(key.label != key.key, qPrintable(where + " is labelled by its key"));
                }
            }
        }
        const KindInfo *gen = ComponentCatalogue::instance().find(u"traffic-generator");
        QCOMPARE(gen->findKey(u"duration_s")->label, "Duration");
        QCOMPARE(gen->findKey(u"timeout_ms")->group, "Timeouts");
        const KindInfo *web = ComponentCatalogue::instance().find(u"web-server");
        QCOMPARE(web->findKey(u"port")->group, "Listening");
        QCOMPARE(web->findKey(u"header_timeout_s")->group, "Timeouts");
        QCOMPARE(web->findKey(u"max_body_bytes")->group, "Limits");
    }

    // Reading a key the kind does not declare is reported (and asserts in debug builds, so this
    // runs where Q_ASSERT is off).
    void undeclaredReadIsReported()
    {
#ifdef QT_NO_DEBUG
        const Settings s = Settings::ofNode(u"web-server", {});
        QVERIFY(s.value("no_such_setting").isNull());
        QCOMPARE(g_criticals.size(), 1);
        QVERIFY2(g_criticals.first().contains(QLatin1String("no_such_setting")),
                 qPrintable(g_criticals.first()));
        s.value("no_such_setting");
        QCOMPARE(g_criticals.size(), 1); // once per key
        g_criticals.clear();
#else
        QSKIP("Q_ASSERT is on in this build: an undeclared read aborts");
#endif
    }

    // Every running kind's typed parse reads only declared keys (cleanup() fails on a
    // critical) and gives the same settings from an empty config as from the effective one.
    void everyRunningKindParsesItsDeclaredKeys()
    {
        const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
        auto effective = [&](QStringView kind) {
            return catalogue.effectiveConfig(*catalogue.find(kind), {});
        };
        QString error;
        const auto web = webserver::WebServerConfig::fromJson({}, QString(), &error);
        QVERIFY2(web, qPrintable(error));
        const auto webEffective
            = webserver::WebServerConfig::fromJson(effective(u"web-server"), QString(), &error);
        QVERIFY2(webEffective, qPrintable(error));
        QCOMPARE(web->port, webEffective->port);
        QCOMPARE(web->serverOptions.keepAliveRequests,
                 webEffective->serverOptions.keepAliveRequests);

        const auto proxy = reverseproxy::ReverseProxyConfig::fromJson({});
        const auto proxyEffective
            = reverseproxy::ReverseProxyConfig::fromJson(effective(u"reverse-proxy"));
        QCOMPARE(proxy.upstream.responseTimeoutMs, proxyEffective.upstream.responseTimeoutMs);
        QCOMPARE(proxy.upstream.forwardedHeaders, proxyEffective.upstream.forwardedHeaders);

        const auto lb = loadbalancer::LoadBalancerConfig::fromJson({});
        const auto lbEffective
            = loadbalancer::LoadBalancerConfig::fromJson(effective(u"load-balancer"));
        QVERIFY(lb.sameRestartSettings(lbEffective));
        QVERIFY(lb.health == lbEffective.health);
        QCOMPARE(lb.live.retries, lbEffective.live.retries);

        const auto gen = trafficgenerator::GeneratorConfig::fromJson({});
        const auto genEffective
            = trafficgenerator::GeneratorConfig::fromJson(effective(u"traffic-generator"));
        QCOMPARE(gen.rate, genEffective.rate);
        QCOMPARE(gen.connections, genEffective.connections);
        QCOMPARE(gen.timeoutMs, genEffective.timeoutMs);
        QVERIFY(gen.profile == genEffective.profile);
    }

    // The structs' member initialisers serve code that builds a config directly (tests, the
    // engine's own users); they must say what the catalogue says, so a config built in code
    // and one parsed from an empty node behave alike. The declaration stays the one source:
    // this check fails when an initialiser drifts from it. (The engine's HttpServerOptions and
    // UpstreamOptions keep engine defaults of their own: a node always fills them from the
    // catalogue, components::httpListenerOptions / upstreamOptions.)
    void directlyBuiltConfigsMatchTheCatalogue()
    {
        QString error;
        const auto web = webserver::WebServerConfig::fromJson({}, QString(), &error);
        QVERIFY2(web, qPrintable(error));
        const webserver::WebServerConfig webBuilt;
        QCOMPARE(webBuilt.index, web->index);
        QCOMPARE(webBuilt.gzip, web->gzip);

        const auto proxy = reverseproxy::ReverseProxyConfig::fromJson({});
        const reverseproxy::ReverseProxyConfig proxyBuilt;
        QCOMPARE(proxyBuilt.cache, proxy.cache);
        QCOMPARE(proxyBuilt.cacheTtlS, proxy.cacheTtlS);
        QCOMPARE(proxyBuilt.cacheMaxBytes, proxy.cacheMaxBytes);
        QCOMPARE(proxyBuilt.cacheEntryMaxBytes, proxy.cacheEntryMaxBytes);
        QCOMPARE(proxyBuilt.cacheLockTimeoutMs, proxy.cacheLockTimeoutMs);

        const auto lb = loadbalancer::LoadBalancerConfig::fromJson({});
        const loadbalancer::LoadBalancerConfig lbBuilt;
        QVERIFY(lbBuilt.health == lb.health);
        QCOMPARE(int(lbBuilt.live.algorithm), int(lb.live.algorithm));
        QCOMPARE(lbBuilt.live.stickyCookie, lb.live.stickyCookie);
        QCOMPARE(lbBuilt.live.retries, lb.live.retries);
        QCOMPARE(lbBuilt.live.queueTimeoutMs, lb.live.queueTimeoutMs);
        QCOMPARE(lbBuilt.live.statsPath, lb.live.statsPath);
        QCOMPARE(lbBuilt.ejection.consecutive5xx, lb.ejection.consecutive5xx);
        QCOMPARE(lbBuilt.ejection.baseTimeMs, lb.ejection.baseTimeMs);
        QCOMPARE(lbBuilt.ejection.maxPercent, lb.ejection.maxPercent);
        QCOMPARE(lbBuilt.ejection.maxTimeMs, lb.ejection.maxTimeMs);

        const auto gen = trafficgenerator::GeneratorConfig::fromJson({});
        const trafficgenerator::GeneratorConfig genBuilt;
        QCOMPARE(int(genBuilt.model), int(gen.model));
        QCOMPARE(genBuilt.connections, gen.connections);
        QCOMPARE(genBuilt.rate, gen.rate);
        QCOMPARE(genBuilt.durationS, gen.durationS);
        QCOMPARE(genBuilt.maxRequests, gen.maxRequests);
        QCOMPARE(genBuilt.thinkTimeMs, gen.thinkTimeMs);
        QCOMPARE(genBuilt.timeoutMs, gen.timeoutMs);
        QCOMPARE(genBuilt.keepAlive, gen.keepAlive);
        QVERIFY(genBuilt.profile == gen.profile);
        QCOMPARE(genBuilt.requests.size(), gen.requests.size());
        QCOMPARE(genBuilt.requests.first().method, gen.requests.first().method);
        QCOMPARE(genBuilt.requests.first().path, gen.requests.first().path);
    }

    // A balancer key marked live is one a running balancer takes without a restart
    // (LoadBalancerConfig::sameRestartSettings), and every other key needs one.
    void balancerLiveKeysMatchWhatItTakesLive()
    {
        const KindInfo *info = ComponentCatalogue::instance().find(u"load-balancer");
        QVERIFY(info);
        const auto base = loadbalancer::LoadBalancerConfig::fromJson({});
        for (const ConfigKey &key : info->config) {
            const QJsonValue changed = otherValue(key);
            QVERIFY2(changed != key.defaultValue, qPrintable(key.key));
            const auto config
                = loadbalancer::LoadBalancerConfig::fromJson(QJsonObject{{key.key, changed}});
            QVERIFY2(config.sameRestartSettings(base) == key.live,
                     qPrintable(QStringLiteral("%1 is %2 in the catalogue")
                                    .arg(key.key, key.live ? "live" : "not live")));
        }
    }

    void generatorLiveKeysAreTheCatalogues()
    {
        const KindInfo *info = ComponentCatalogue::instance().find(u"traffic-generator");
        QVERIFY(info);
        int live = 0;
        for (const ConfigKey &key : info->config) {
            QCOMPARE(trafficgenerator::GeneratorConfig::isLiveKey(key.key), key.live);
            live += key.live ? 1 : 0;
        }
        QVERIFY(live > 0);
        QVERIFY(!trafficgenerator::GeneratorConfig::isLiveKey(QStringLiteral("no_such_setting")));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
