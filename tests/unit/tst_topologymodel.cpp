#include "catalogue/componentcatalogue.h"
#include "model/topology.h"

#include <QTest>

using namespace infralab;

// The model's small helpers: id rules, fresh ids, lookups.
class TestTopologyModel : public QObject
{
    Q_OBJECT

private slots:
    void nodeIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << "web-1" << true;
        QTest::newRow("one letter") << "a" << true;
        QTest::newRow("63 chars") << QString(63, QLatin1Char('a')) << true;
        QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("leading digit") << "1web" << false;
        QTest::newRow("leading dash") << "-web" << false;
        QTest::newRow("upper case") << "Web" << false;
        QTest::newRow("underscore") << "web_1" << false;
        QTest::newRow("space") << "web 1" << false;
        QTest::newRow("non-ascii") << QStringLiteral("wéb") << false;
    }
    void nodeIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(isValidNodeId(id), valid);
    }

    void uniqueIdSkipsTaken()
    {
        Topology t;
        t.nodes.append(Node{QStringLiteral("web-1"), QStringLiteral("web-server")});
        t.nodes.append(Node{QStringLiteral("web-3"), QStringLiteral("web-server")});
        QCOMPARE(t.uniqueId(u"web"), QStringLiteral("web-2"));
        QCOMPARE(t.uniqueId(u"db"), QStringLiteral("db-1"));
    }

    void linkLookups()
    {
        Topology t;
        t.links.append(Link{QStringLiteral("lb"), QStringLiteral("web-1")});
        t.links.append(Link{QStringLiteral("lb"), QStringLiteral("web-2")});
        t.links.append(Link{QStringLiteral("web-1"), QStringLiteral("app")});
        QCOMPARE(t.indexOfLink(u"lb", u"web-2"), 1);
        QCOMPARE(t.indexOfLink(u"web-2", u"lb"), -1);
        QCOMPARE(t.linksFrom(u"lb"), (QList<int>{0, 1}));
        QCOMPARE(t.linksTo(u"app"), (QList<int>{2}));
    }

    void callerDepths()
    {
        Topology t;
        for (const char *id : {"load", "lb", "web-1", "web-2", "app", "db"})
            t.nodes.append(Node{QString::fromLatin1(id), "web-server"});
        const auto link = [&t](const char *from, const char *to) {
            t.links.append(Link{QString::fromLatin1(from), QString::fromLatin1(to)});
        };
        link("load", "lb");
        link("lb", "web-1");
        link("lb", "web-2");
        link("web-1", "app");
        link("web-2", "app");
        link("app", "db");
        link("db", "app");      // a cycle: depths stop growing instead of running away
        link("web-2", "web-2"); // a self link is ignored
        const QHash<QString, int> depth = t.callerDepths();
        QCOMPARE(depth.value("load"), 0);
        QCOMPARE(depth.value("lb"), 1);
        QCOMPARE(depth.value("web-1"), 2);
        QCOMPARE(depth.value("web-2"), 2);
        QVERIFY(depth.value("app") >= 3 && depth.value("app") <= 6);
        QVERIFY(depth.value("db") <= 6);

        const QHash<QString, int> onlyFromLb
            = t.callerDepths([](const Link &l) { return l.from == QLatin1String("lb"); });
        QCOMPARE(onlyFromLb.value("lb"), 0);
        QCOMPARE(onlyFromLb.value("web-1"), 1);
        QCOMPARE(onlyFromLb.value("app"), 0);
    }

    void catalogueHasEveryKind()
    {
        const QStringList expected
            = {"traffic-generator", "web-server", "reverse-proxy", "load-balancer",
               "api-gateway",       "app-server", "database",      "cache"};
        QStringList names = ComponentCatalogue::instance().kindNames();
        names.sort();
        QStringList sorted = expected;
        sorted.sort();
        QCOMPARE(names, sorted);
    }

    void closestKind_data()
    {
        QTest::addColumn<QString>("misspelt");
        QTest::addColumn<QString>("suggestion");
        QTest::newRow("missing dash") << "webserver"
                                      << "web-server";
        QTest::newRow("typo") << "databse"
                              << "database";
        QTest::newRow("case") << "Cache"
                              << "cache";
        QTest::newRow("nothing close") << "kubernetes"
                                       << "";
    }
    void closestKind()
    {
        QFETCH(QString, misspelt);
        QFETCH(QString, suggestion);
        QCOMPARE(ComponentCatalogue::instance().closestKind(misspelt), suggestion);
    }
};

QTEST_GUILESS_MAIN(TestTopologyModel)
#include "tst_topologymodel.moc"
