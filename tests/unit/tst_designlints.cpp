#include "format/topologyreader.h"
#include "validation/designlints.h"

#include <QDir>
#include <QTest>

using namespace infralab;

namespace {

// "gen>lb lb>web-1" style: nodes as id:kind, links as from>to.
Topology makeTopology(const QStringList &nodes, const QStringList &links)
{
    Topology topology;
    for (const QString &spec : nodes) {
        Node node;
        node.id = spec.section(':', 0, 0);
        node.kind = spec.section(':', 1, 1);
        topology.nodes.append(node);
    }
    for (const QString &spec : links)
        topology.links.append(Link{spec.section('>', 0, 0), spec.section('>', 1, 1), {}, {}});
    return topology;
}

// "lb: has only one backend" → node id and the message's distinguishing words.
QStringList summarize(const Problems &problems)
{
    QStringList lines;
    for (const Problem &p : problems) {
        if (p.severity != Problem::Severity::Warning)
            lines.append("NOT A WARNING");
        QString tag;
        if (p.message.contains("no backends"))
            tag = "no-backends";
        else if (p.message.contains("only one backend"))
            tag = "one-backend";
        else if (p.message.contains("single point of failure"))
            tag = "spof";
        else if (p.message.contains("isolated"))
            tag = "isolated";
        else if (p.message.contains("no target"))
            tag = "no-target";
        else if (p.message.contains("requests its callers send it fail"))
            tag = "not-runnable-called";
        else if (p.message.contains("does not run in this version yet"))
            tag = "not-runnable";
        else
            tag = p.message;
        lines.append(p.nodeId + " " + tag);
    }
    return lines;
}

} // namespace

class TestDesignLints : public QObject
{
    Q_OBJECT

private slots:
    void lints_data()
    {
        QTest::addColumn<QStringList>("nodes");
        QTest::addColumn<QStringList>("links");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("empty") << QStringList() << QStringList() << QStringList();
        QTest::newRow("lone web server is a complete lab")
            << QStringList{"web-1:web-server"} << QStringList() << QStringList();
        QTest::newRow("lb without backends")
            << QStringList{"gen:traffic-generator", "lb:load-balancer"} << QStringList{"gen>lb"}
            << QStringList{"lb no-backends"};
        QTest::newRow("lb with one backend")
            << QStringList{"gen:traffic-generator", "lb:load-balancer", "web-1:web-server"}
            << QStringList{"gen>lb", "lb>web-1"} << QStringList{"lb one-backend"};
        QTest::newRow("lb with two backends")
            << QStringList{"gen:traffic-generator", "lb:load-balancer", "web-1:web-server",
                           "web-2:web-server"}
            << QStringList{"gen>lb", "lb>web-1", "lb>web-2"} << QStringList();
        QTest::newRow("generator without target")
            << QStringList{"gen:traffic-generator", "web-1:web-server"} << QStringList()
            << QStringList{"gen no-target", "web-1 isolated"};
        QTest::newRow("lone generator has no target")
            << QStringList{"gen:traffic-generator"} << QStringList()
            << QStringList{"gen no-target"};
        QTest::newRow("isolated cache beside a chain")
            << QStringList{"gen:traffic-generator", "web-1:web-server", "cache-1:cache"}
            << QStringList{"gen>web-1"} << QStringList{"cache-1 isolated"};
        QTest::newRow("single database behind every app server")
            << QStringList{"app-1:app-server", "app-2:app-server", "db-1:database",
                           "gen:traffic-generator", "lb:load-balancer"}
            << QStringList{"gen>lb", "lb>app-1", "lb>app-2", "app-1>db-1", "app-2>db-1"}
            << QStringList{"db-1 spof"};
        QTest::newRow("one app server: no spof lint")
            << QStringList{"gen:traffic-generator", "app-1:app-server", "db-1:database"}
            << QStringList{"gen>app-1", "app-1>db-1"} << QStringList();
        QTest::newRow("an app server without the database: no spof lint")
            << QStringList{"app-1:app-server", "app-2:app-server", "db-1:database",
                           "gen:traffic-generator", "lb:load-balancer"}
            << QStringList{"gen>lb", "lb>app-1", "lb>app-2", "app-1>db-1"} << QStringList();
        QTest::newRow("two databases: no spof lint")
            << QStringList{"app-1:app-server", "app-2:app-server",      "db-1:database",
                           "db-2:database",    "gen:traffic-generator", "lb:load-balancer"}
            << QStringList{"gen>lb",     "lb>app-1",   "lb>app-2",
                           "app-1>db-1", "app-2>db-1", "app-1>db-2"}
            << QStringList();
    }
    void lints()
    {
        QFETCH(QStringList, nodes);
        QFETCH(QStringList, links);
        QFETCH(QStringList, expected);
        const Problems problems = lintTopology(makeTopology(nodes, links));
        QCOMPARE(summarize(problems), expected);
        for (const Problem &p : problems) {
            QVERIFY(p.path.startsWith("nodes["));
            QVERIFY2(p.message.contains(p.nodeId), qPrintable(p.message)); // names the node
        }
    }

    void pathPointsAtTheNode()
    {
        const Topology topology
            = makeTopology({"web-1:web-server", "lb:load-balancer"}, {"lb>web-1"});
        const Problems problems = lintTopology(topology);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().path, "nodes[1]");
        QCOMPARE(problems.first().nodeId, "lb");
    }

    void notRunnable_data()
    {
        QTest::addColumn<QStringList>("nodes");
        QTest::addColumn<QStringList>("links");
        QTest::addColumn<QStringList>("runnable");
        QTest::addColumn<QStringList>("expected");
        const QStringList today{"web-server", "load-balancer", "traffic-generator"};
        QTest::newRow("every kind runs") << QStringList{"gen:traffic-generator", "web:web-server"}
                                         << QStringList{"gen>web"} << today << QStringList{};
        QTest::newRow("a called database")
            << QStringList{"web:web-server", "app:app-server", "db:database"}
            << QStringList{"web>app", "app>db"} << today
            << QStringList{"app not-runnable-called", "db not-runnable-called"};
        QTest::newRow("nothing calls it") << QStringList{"cache:cache"} << QStringList{} << today
                                          << QStringList{"cache not-runnable"};
        QTest::newRow("an unknown kind is the validator's")
            << QStringList{"x:webserver"} << QStringList{} << today << QStringList{};
        QTest::newRow("runs once implemented") << QStringList{"db:database"} << QStringList{}
                                               << QStringList{"database"} << QStringList{};
    }

    void notRunnable()
    {
        QFETCH(QStringList, nodes);
        QFETCH(QStringList, links);
        QFETCH(QStringList, runnable);
        QFETCH(QStringList, expected);
        const Problems problems = lintNotRunnable(makeTopology(nodes, links), runnable);
        QCOMPARE(summarize(problems), expected);
        for (const Problem &p : problems)
            QVERIFY2(p.message.contains(p.nodeId), qPrintable(p.message));
    }

    void examplesHaveNoAccidentalLints()
    {
        // The bundled examples are designed on purpose: no isolated nodes, no lonely targets.
        const QDir dir(INFRALAB_SOURCE_DIR "/resources/examples");
        const QStringList files = dir.entryList({"*.infralab.json"}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &name : files) {
            const auto result = TopologyReader::readFile(dir.filePath(name));
            for (const Problem &p : lintTopology(result.topology)) {
                QVERIFY2(!p.message.contains("isolated") && !p.message.contains("no target"),
                         qPrintable(name + ": " + p.toString()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDesignLints)
#include "tst_designlints.moc"
