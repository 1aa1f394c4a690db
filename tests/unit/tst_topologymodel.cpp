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
