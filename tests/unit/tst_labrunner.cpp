#include "httpserver/httpserver.h"
#include "model/topology.h"
#include "runtime/component.h"
#include "runtime/httpcomponent.h"
#include "runtime/labrunner.h"
#include "runtime/startorder.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

// The runtime core without any real kind: the start order of topologies (chains, fan-out,
// cycles), and LabRunner with test components (start callees first, stop callers first,
// state events, skipped kinds, rollback that closes every port while the process lives on).
using namespace infralab;
using namespace infralab::runtime;

namespace {

Topology makeTopology(const QStringList &ids, const QList<QPair<QString, QString>> &links,
                      const QString &kind = "web-server")
{
    Topology topology;
    for (const QString &id : ids) {
        Node node;
        node.id = id;
        node.kind = kind;
        node.config.insert("port", 0);
        topology.nodes.append(node);
    }
    for (const auto &[from, to] : links)
        topology.links.append(Link{from, to, {}, {}});
    return topology;
}

// Answers every request with 204: enough to see that a port serves.
class NoContentHandler final : public httpserver::HttpHandler
{
public:
    void handle(httpserver::HttpExchange &exchange) override
    {
        exchange.begin(204);
        exchange.send({});
    }
};

// The test component: an HttpComponent on the node's `port`; records starts and stops.
struct Journal
{
    QStringList events; // "start web-1", "stop web-1"
};

ComponentFactory testFactory(Journal &journal, const QString &kind = "web-server")
{
    ComponentFactory factory;
    factory.add(
        kind,
        [&journal](const ComponentContext &context, QString *error) -> std::unique_ptr<Component> {
            if (context.config.value("fail").toBool()) {
                *error = "refuses to be created";
                return nullptr;
            }
            auto component = std::make_unique<HttpComponent>(
                context.nodeId, context.kind, *context.pool,
                quint16(context.config.value("port").toInt()), httpserver::HttpServerOptions{},
                [] { return std::make_unique<NoContentHandler>(); });
            journal.events.append("start " + context.nodeId);
            QObject::connect(component.get(), &Component::stopped, [&journal, id = context.nodeId] {
                journal.events.append("stop " + id);
            });
            return component;
        });
    return factory;
}

bool isListening(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(2000);
}

} // namespace

class TestLabRunner : public QObject
{
    Q_OBJECT

private slots:
    void startOrder_data()
    {
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QStringList>("links"); // "from>to"
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("no links: file order")
            << QStringList{"a", "b", "c"} << QStringList{} << QStringList{"a", "b", "c"};
        QTest::newRow("chain written callers first")
            << QStringList{"lb", "app", "db"} << QStringList{"lb>app", "app>db"}
            << QStringList{"db", "app", "lb"};
        QTest::newRow("chain written callees first")
            << QStringList{"db", "app", "lb"} << QStringList{"lb>app", "app>db"}
            << QStringList{"db", "app", "lb"};
        QTest::newRow("fan-out keeps the callees' file order")
            << QStringList{"lb", "web-1", "web-2", "web-3"}
            << QStringList{"lb>web-1", "lb>web-2", "lb>web-3"}
            << QStringList{"web-1", "web-2", "web-3", "lb"};
        QTest::newRow("shared callee starts once, first")
            << QStringList{"gw", "a", "b", "cache"}
            << QStringList{"gw>a", "gw>b", "a>cache", "b>cache"}
            << QStringList{"cache", "a", "b", "gw"};
        QTest::newRow("two-node cycle in file order")
            << QStringList{"b", "a"} << QStringList{"a>b", "b>a"} << QStringList{"b", "a"};
        // The generator reaches the cycle through `a` only, yet the whole cycle starts first.
        QTest::newRow("caller of a cycle starts after all of it")
            << QStringList{"load", "a", "c", "b"} << QStringList{"load>a", "a>b", "b>a"}
            << QStringList{"a", "b", "load", "c"};
        QTest::newRow("cycle after its own callee")
            << QStringList{"a", "b", "db"} << QStringList{"a>b", "b>a", "b>db"}
            << QStringList{"db", "a", "b"};
        QTest::newRow("self link")
            << QStringList{"a", "b"} << QStringList{"a>a", "a>b"} << QStringList{"b", "a"};
    }

    void startOrder()
    {
        QFETCH(QStringList, ids);
        QFETCH(QStringList, links);
        QFETCH(QStringList, expected);
        QList<QPair<QString, QString>> pairs;
        for (const QString &link : links)
            pairs.append({link.section('>', 0, 0), link.section('>', 1, 1)});
        QCOMPARE(runtime::startOrder(makeTopology(ids, pairs)), expected);
    }

    // A long chain: the order is computed without recursion.
    void startOrderOfALongChain()
    {
        QStringList ids;
        QList<QPair<QString, QString>> links;
        for (int i = 0; i < 20000; ++i) {
            ids.append(QString("n%1").arg(i));
            if (i > 0)
                links.append({ids.at(i - 1), ids.at(i)});
        }
        QStringList expected = ids;
        std::reverse(expected.begin(), expected.end());
        QCOMPARE(runtime::startOrder(makeTopology(ids, links)), expected);
    }

    void startsCalleesFirstAndStopsCallersFirst()
    {
        Journal journal;
        LabRunner runner(testFactory(journal));
        QSignalSpy states(&runner, &LabRunner::nodeStateChanged);
        QSignalSpy stopped(&runner, &LabRunner::stopped);

        const Topology topology
            = makeTopology({"lb", "web-1", "web-2"}, {{"lb", "web-1"}, {"lb", "web-2"}});
        QVERIFY(runner.start(topology, QDir::tempPath(), 2));
        QVERIFY(runner.isRunning());
        QCOMPARE(journal.events, (QStringList{"start web-1", "start web-2", "start lb"}));
        QCOMPARE(runner.components().size(), 3);

        QList<quint16> ports;
        for (const Component *component : runner.components()) {
            QVERIFY2(component->url().startsWith("http://127.0.0.1:"),
                     qPrintable(component->url()));
            ports.append(quint16(component->url().section(':', -1).toInt()));
            QVERIFY(isListening(ports.last()));
        }
        QCOMPARE(states.size(), 6); // Starting, Running per node
        QCOMPARE(states.at(0).at(0).toString(), QString("web-1"));
        QCOMPARE(states.at(0).at(1).value<NodeState>(), NodeState::Starting);
        QCOMPARE(states.at(1).at(1).value<NodeState>(), NodeState::Running);

        states.clear();
        runner.stop();
        QVERIFY(stopped.wait(10000));
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(journal.events.mid(3).join(", "), QString("stop lb, stop web-2, stop web-1"));
        QStringList stateLog;
        for (const QList<QVariant> &state : std::as_const(states)) {
            stateLog.append(state.at(0).toString() + ' '
                            + QString::number(int(state.at(1).value<NodeState>())));
        }
        const QString stopping = QString::number(int(NodeState::Stopping));
        const QString done = QString::number(int(NodeState::Stopped));
        QCOMPARE(stateLog, (QStringList{"lb " + stopping, "lb " + done, "web-2 " + stopping,
                                        "web-2 " + done, "web-1 " + stopping, "web-1 " + done}));
        QVERIFY(!runner.isRunning());
        QVERIFY(runner.components().isEmpty());
        for (const quint16 port : ports)
            QVERIFY(!isListening(port));
    }

    void unimplementedKindsAreSkipped()
    {
        Journal journal;
        LabRunner runner(testFactory(journal));
        QSignalSpy states(&runner, &LabRunner::nodeStateChanged);
        Topology topology = makeTopology({"web", "db"}, {{"web", "db"}});
        topology.nodes[1].kind = "database";
        QVERIFY(runner.start(topology, QDir::tempPath(), 1));
        QCOMPARE(journal.events, QStringList{"start web"});
        QCOMPARE(states.first().at(0).toString(), QString("db"));
        QCOMPARE(states.first().at(1).value<NodeState>(), NodeState::Skipped);
        QCOMPARE(states.first().at(2).toString(),
                 QString("database nodes are not implemented yet"));
        QSignalSpy stopped(&runner, &LabRunner::stopped);
        runner.stop();
        QVERIFY(stopped.wait(10000));
    }

    // The second node's port is taken: it is reported Failed with the reason, the first is
    // stopped again and its port closes, and the process (this test) lives on.
    void failureRollsBack_data()
    {
        QTest::addColumn<bool>("portTaken"); // else the creator fails
        QTest::newRow("port taken") << true;
        QTest::newRow("creator fails") << false;
    }

    void failureRollsBack()
    {
        QFETCH(bool, portTaken);
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        Journal journal;
        LabRunner runner(testFactory(journal));
        QSignalSpy states(&runner, &LabRunner::nodeStateChanged);
        QSignalSpy stopped(&runner, &LabRunner::stopped);

        Topology topology = makeTopology({"web-a", "web-1", "web-z"}, {});
        if (portTaken)
            topology.nodes[1].config.insert("port", blocker.serverPort());
        else
            topology.nodes[1].config.insert("fail", true);
        QVERIFY(!runner.start(topology, QDir::tempPath(), 2));

        QList<QVariant> failure;
        for (const QList<QVariant> &state : std::as_const(states)) {
            if (state.at(1).value<NodeState>() == NodeState::Failed)
                failure = state;
        }
        QCOMPARE(failure.value(0).toString(), QString("web-1"));
        const QString reason = portTaken
                                   ? QString("port %1 is already in use").arg(blocker.serverPort())
                                   : QString("refuses to be created");
        QCOMPARE(failure.value(2).toString(), reason);

        QCOMPARE(runner.components().size(), 1);
        const QString url = runner.components().first()->url();
        const quint16 firstPort = quint16(url.section(':', -1).toInt());
        QVERIFY(stopped.wait(10000));
        QCOMPARE(journal.events.first(), QString("start web-a"));
        QVERIFY(!journal.events.contains("start web-z"));
        QCOMPARE(journal.events.last(), QString("stop web-a"));
        QVERIFY(!isListening(firstPort));
        QVERIFY(runner.components().isEmpty());
    }

    void stopWhenNothingRunsStillReportsStopped()
    {
        Journal journal;
        LabRunner runner(testFactory(journal));
        QSignalSpy stopped(&runner, &LabRunner::stopped);
        runner.stop();
        QCOMPARE(stopped.size(), 0); // from the event loop, not inside stop()
        QVERIFY(stopped.wait(5000));
        runner.stop();
        QVERIFY(stopped.wait(5000));
    }

    // Destroying a running runner closes everything without waiting (a window closing).
    void destroyWhileRunning()
    {
        Journal journal;
        quint16 port = 0;
        {
            LabRunner runner(testFactory(journal));
            QVERIFY(runner.start(makeTopology({"web"}, {}), QDir::tempPath(), 2));
            port = quint16(runner.components().first()->url().section(':', -1).toInt());
            QVERIFY(isListening(port));
        }
        QVERIFY(!isListening(port));
    }

    void relativePathsResolveAgainstTheTopologyFolder()
    {
        ComponentContext context;
        context.topologyDir = QDir("/labs/demo");
        QCOMPARE(context.resolvePath("site"), QString("/labs/demo/site"));
        QCOMPARE(context.resolvePath("../shared/site/"), QString("/labs/shared/site"));
        QCOMPARE(context.resolvePath("/srv/www"), QString("/srv/www"));
        QCOMPARE(context.resolvePath(""), QString());
    }
};

QTEST_GUILESS_MAIN(TestLabRunner)
#include "tst_labrunner.moc"
