#include "httpserver/httpserver.h"
#include "metrics/metricscollector.h"
#include "model/topology.h"
#include "runtime/component.h"
#include "runtime/httpcomponent.h"
#include "runtime/lab.h"
#include "runtime/startorder.h"

#include "common/testclients.h"

#include <QSignalSpy>

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <thread>

// The runtime core without any real kind: the start order of topologies (chains, fan-out,
// cycles), the event log, and the Lab with test components: start callees first, stop callers
// first, state events, skipped kinds, a taken port failing one node alone or (StopAll) rolling
// everything back, per-node stop/start/restart, and live apply of an edited topology.
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
// With `"live": true` in its config it takes config and link changes without a restart.
struct Journal
{
    QStringList events; // "start web-1", "stop web-1", "config web-1", "links web-1 2"
};

class TestComponent final : public HttpComponent
{
public:
    TestComponent(const ComponentContext &context, Journal &journal)
        : HttpComponent(context.nodeId, context.kind, *context.pool,
                        quint16(context.config.value("port").toInt()),
                        httpserver::HttpServerOptions{},
                        [] { return std::make_unique<NoContentHandler>(); })
        , m_journal(journal)
        , m_live(context.config.value("live").toBool())
        , m_upstreams(context.upstreams)
    {}
    bool applyConfig(const QJsonObject &config) override
    {
        if (!m_live || !config.value("live").toBool())
            return false;
        m_journal.events.append("config " + nodeId());
        return true;
    }
    bool setUpstreams(const QList<UpstreamLink> &upstreams) override
    {
        if (!m_live)
            return false;
        m_upstreams = upstreams;
        QStringList ports;
        for (const UpstreamLink &link : upstreams)
            ports.append(link.nodeId + ":" + QString::number(link.port));
        m_journal.events.append("links " + nodeId() + " " + ports.join(','));
        return true;
    }
    const QList<UpstreamLink> &upstreams() const { return m_upstreams; }

private:
    Journal &m_journal;
    bool m_live;
    QList<UpstreamLink> m_upstreams;
};

ComponentFactory testFactory(Journal &journal, const QStringList &kinds = {"web-server"})
{
    ComponentFactory factory;
    for (const QString &kind : kinds)
        factory.add(kind,
                    [&journal](const ComponentContext &context,
                               QString *error) -> std::unique_ptr<Component> {
                        if (context.config.value("fail").toBool()) {
                            *error = "refuses to be created";
                            return nullptr;
                        }
                        auto component = std::make_unique<TestComponent>(context, journal);
                        journal.events.append("start " + context.nodeId);
                        QObject::connect(component.get(), &Component::stopped,
                                         [&journal, id = context.nodeId] {
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

class TestLab : public QObject
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
        Lab lab(testFactory(journal));
        QSignalSpy states(&lab, &Lab::nodeStateChanged);
        QSignalSpy stopped(&lab, &Lab::stopped);

        const Topology topology
            = makeTopology({"lb", "web-1", "web-2"}, {{"lb", "web-1"}, {"lb", "web-2"}});
        QVERIFY(lab.start(topology, QDir::tempPath(), 2));
        QVERIFY(lab.isRunning());
        QCOMPARE(journal.events, (QStringList{"start web-1", "start web-2", "start lb"}));

        QList<quint16> ports;
        for (const QString id : {"lb", "web-1", "web-2"}) {
            QCOMPARE(lab.state(id), NodeState::Running);
            const Component *component = lab.component(id);
            QVERIFY(component);
            QVERIFY2(component->url().startsWith("http://127.0.0.1:"),
                     qPrintable(component->url()));
            ports.append(component->port());
            QVERIFY(isListening(ports.last()));
        }
        // The balancer got both callees' ports, in file order.
        const auto *lb = static_cast<const TestComponent *>(lab.component("lb"));
        QCOMPARE(lb->upstreams().size(), 2);
        QCOMPARE(lb->upstreams().at(0).port, ports.at(1));
        QCOMPARE(states.size(), 6); // Starting, Running per node
        QCOMPARE(states.at(0).at(0).toString(), QString("web-1"));
        QCOMPARE(states.at(0).at(1).value<NodeState>(), NodeState::Starting);
        QCOMPARE(states.at(1).at(1).value<NodeState>(), NodeState::Running);

        states.clear();
        lab.stop();
        QVERIFY(stopped.wait(10000));
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(journal.events.mid(3).join(", "), QString("stop lb, stop web-2, stop web-1"));
        QStringList stateLog;
        for (const QList<QVariant> &state : std::as_const(states))
            stateLog.append(state.at(0).toString() + ' '
                            + nodeStateName(state.at(1).value<NodeState>()));
        QCOMPARE(stateLog, (QStringList{"lb stopping", "lb stopped", "web-2 stopping",
                                        "web-2 stopped", "web-1 stopping", "web-1 stopped"}));
        QVERIFY(!lab.isRunning());
        for (const quint16 port : ports)
            QVERIFY(!isListening(port));
        // Every state change is in the numbered log, and the log survives the stop.
        const QList<LabEvent> events = lab.events().since(0);
        QVERIFY(events.size() >= 12);
        for (int i = 1; i < events.size(); ++i)
            QCOMPARE(events.at(i).sequence, events.at(i - 1).sequence + 1);
        QCOMPARE(events.last().type, QString("lab-stopped"));
    }

    void unimplementedKindsAreSkipped()
    {
        Journal journal;
        Lab lab(testFactory(journal));
        QSignalSpy states(&lab, &Lab::nodeStateChanged);
        Topology topology = makeTopology({"web", "db"}, {{"web", "db"}});
        topology.nodes[1].kind = "database";
        QVERIFY(lab.start(topology, QDir::tempPath(), 1));
        QCOMPARE(journal.events, QStringList{"start web"});
        QCOMPARE(states.first().at(0).toString(), QString("db"));
        QCOMPARE(states.first().at(1).value<NodeState>(), NodeState::Skipped);
        QCOMPARE(lab.stateDetail("db"), QString("database nodes are not implemented yet"));
        QString error;
        QVERIFY(!lab.startNode("db", &error));
        QCOMPARE(error, QString("database nodes are not implemented yet"));
        QSignalSpy stopped(&lab, &Lab::stopped);
        lab.stop();
        QVERIFY(stopped.wait(10000));
    }

    // StopAll (`infralab run`): the second node's port is taken; it is reported Failed with the
    // reason, the first is stopped again and its port closes, and the process lives on.
    void stopAllRollsBack_data()
    {
        QTest::addColumn<bool>("portTaken"); // else the creator fails
        QTest::newRow("port taken") << true;
        QTest::newRow("creator fails") << false;
    }

    void stopAllRollsBack()
    {
        QFETCH(bool, portTaken);
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        Journal journal;
        Lab lab(testFactory(journal));
        QSignalSpy stopped(&lab, &Lab::stopped);

        Topology topology = makeTopology({"web-a", "web-1", "web-z"}, {});
        if (portTaken)
            topology.nodes[1].config.insert("port", blocker.serverPort());
        else
            topology.nodes[1].config.insert("fail", true);
        QVERIFY(!lab.start(topology, QDir::tempPath(), 2, Lab::FailurePolicy::StopAll));

        QCOMPARE(lab.state("web-1"), NodeState::Failed);
        const QString reason = portTaken
                                   ? QString("port %1 is already in use").arg(blocker.serverPort())
                                   : QString("refuses to be created");
        QCOMPARE(lab.stateDetail("web-1"), reason);
        const quint16 firstPort = lab.component("web-a")->port();
        QVERIFY(stopped.wait(10000));
        QCOMPARE(journal.events.first(), QString("start web-a"));
        QVERIFY(!journal.events.contains("start web-z"));
        QCOMPARE(journal.events.last(), QString("stop web-a"));
        QVERIFY(!isListening(firstPort));
        QVERIFY(!lab.component("web-a"));
    }

    // KeepOthers (the Lab's default): the node whose port is taken fails alone with a clear
    // reason, the rest run; once the port is free it starts on request.
    void portTakenFailsAlone()
    {
        auto blocker = std::make_unique<QTcpServer>();
        QVERIFY(blocker->listen(QHostAddress::LocalHost, 0));
        const quint16 taken = blocker->serverPort();
        Journal journal;
        Lab lab(testFactory(journal));
        Topology topology = makeTopology({"web-a", "web-1", "web-z"}, {});
        topology.nodes[1].config.insert("port", taken);
        QVERIFY(!lab.start(topology, QDir::tempPath(), 2));
        QVERIFY(lab.isRunning());
        QCOMPARE(lab.state("web-1"), NodeState::Failed);
        QCOMPARE(lab.stateDetail("web-1"), QString("port %1 is already in use").arg(taken));
        QCOMPARE(lab.state("web-a"), NodeState::Running);
        QCOMPARE(lab.state("web-z"), NodeState::Running);
        QVERIFY(isListening(lab.component("web-a")->port()));
        QVERIFY(isListening(lab.component("web-z")->port()));
        bool logged = false;
        for (const LabEvent &event : lab.events().since(0))
            logged |= event.nodeId == "web-1" && event.type == "failed"
                      && event.message == QString("failed: port %1 is already in use").arg(taken);
        QVERIFY(logged);

        QString error;
        QVERIFY(!lab.startNode("web-1", &error));
        QCOMPARE(error, QString("port %1 is already in use").arg(taken));
        blocker.reset();
        QVERIFY2(lab.startNode("web-1", &error), qPrintable(error));
        QCOMPARE(lab.component("web-1")->port(), taken);
        QVERIFY(isListening(taken));
        QVERIFY(!lab.startNode("web-1", &error));
        QCOMPARE(error, QString("web-1 is running"));
        QVERIFY(!lab.startNode("nope", &error));
        QCOMPARE(error, QString("no node 'nope'"));
    }

    void stopStartAndRestartOneNode()
    {
        Journal journal;
        Lab lab(testFactory(journal));
        QVERIFY(
            lab.start(makeTopology({"lb", "web-1", "web-2"}, {{"lb", "web-1"}, {"lb", "web-2"}}),
                      QDir::tempPath(), 2));
        const quint16 web2 = lab.component("web-2")->port();
        const quint16 lbPort = lab.component("lb")->port();

        QString error;
        QVERIFY(lab.stopNode("web-2", &error));
        QCOMPARE(lab.state("web-2"), NodeState::Stopping);
        QTRY_COMPARE_WITH_TIMEOUT(lab.state("web-2"), NodeState::Stopped, 10000);
        QVERIFY(!isListening(web2));
        QVERIFY(isListening(lbPort)); // the rest keeps running
        QVERIFY(!lab.stopNode("web-2", &error));
        QCOMPARE(error, QString("web-2 is stopped"));

        QVERIFY(lab.startNode("web-2", &error));
        QCOMPARE(lab.state("web-2"), NodeState::Running);
        QCOMPARE(lab.component("web-2")->port(), web2); // same port: callers need no rewiring
        QVERIFY(isListening(web2));

        journal.events.clear();
        const quint64 before = lab.events().lastSequence();
        QVERIFY(lab.restartNode("web-2", &error));
        QTRY_COMPARE_WITH_TIMEOUT(journal.events.size(), 2, 10000);
        QCOMPARE(journal.events, (QStringList{"stop web-2", "start web-2"}));
        QCOMPARE(lab.state("web-2"), NodeState::Running);
        QCOMPARE(lab.component("web-2")->port(), web2);
        QStringList types;
        for (const LabEvent &event : lab.events().since(before))
            types.append(event.nodeId + ' ' + event.type);
        QCOMPARE(types, (QStringList{"web-2 stopping", "web-2 stopped", "web-2 starting",
                                     "web-2 running"}));
    }

    // apply(): a new node starts, a removed one stops; links and config changes go to the
    // component live when it takes them, else the node restarts and the log says why.
    void liveApply_data()
    {
        QTest::addColumn<bool>("live");
        QTest::newRow("component takes changes live") << true;
        QTest::newRow("component needs a restart") << false;
    }

    void liveApply()
    {
        QFETCH(bool, live);
        Journal journal;
        Lab lab(testFactory(journal));
        Topology topology = makeTopology({"lb", "web-1"}, {{"lb", "web-1"}});
        for (Node &node : topology.nodes)
            node.config.insert("live", live);
        QVERIFY(lab.start(topology, QDir::tempPath(), 2));
        const quint16 lbPort = lab.component("lb")->port();
        auto eventsSince = [&lab](quint64 sequence) {
            QStringList list;
            for (const LabEvent &event : lab.events().since(sequence))
                list.append(event.nodeId + ' ' + event.type);
            return list;
        };

        // Add web-2 and a link to it: it starts, the balancer gets both upstreams.
        quint64 mark = lab.events().lastSequence();
        Node web2 = topology.nodes.at(1);
        web2.id = "web-2";
        topology.nodes.append(web2);
        topology.links.append(Link{"lb", "web-2", {}, {}});
        lab.apply(topology);
        QCOMPARE(lab.state("web-2"), NodeState::Running);
        const quint16 web2Port = lab.component("web-2")->port();
        QVERIFY(isListening(web2Port));
        QTRY_COMPARE_WITH_TIMEOUT(lab.state("lb"), NodeState::Running, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            static_cast<const TestComponent *>(lab.component("lb"))->upstreams().size(), 2, 10000);
        QCOMPARE(lab.component("lb")->port(), lbPort);
        QStringList events = eventsSince(mark);
        QVERIFY2(events.contains("web-2 added") && events.contains("web-2 running"),
                 qPrintable(events.join(", ")));
        QVERIFY2(events.contains(live ? "lb links-applied" : "lb restart"),
                 qPrintable(events.join(", ")));
        if (live)
            QVERIFY(journal.events.contains(QString("links lb web-1:%1,web-2:%2")
                                                .arg(lab.component("web-1")->port())
                                                .arg(web2Port)));

        // A config change: applied live, or a restart.
        mark = lab.events().lastSequence();
        topology.nodes[0].config.insert("note", "changed");
        lab.apply(topology);
        QTRY_COMPARE_WITH_TIMEOUT(lab.state("lb"), NodeState::Running, 10000);
        events = eventsSince(mark);
        QVERIFY2(events.contains(live ? "lb config-applied" : "lb restart"),
                 qPrintable(events.join(", ")));
        QCOMPARE(events.contains("lb stopping"), !live);
        QCOMPARE(lab.component("lb")->port(), lbPort);

        // Remove the link to web-1 and the node itself: it stops and its port closes.
        mark = lab.events().lastSequence();
        const quint16 web1Port = lab.component("web-1")->port();
        topology.nodes.removeAt(1);
        topology.links.removeAt(0);
        lab.apply(topology);
        QTRY_VERIFY_WITH_TIMEOUT(!lab.component("web-1"), 10000);
        QVERIFY(!isListening(web1Port));
        QTRY_COMPARE_WITH_TIMEOUT(lab.state("lb"), NodeState::Running, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            static_cast<const TestComponent *>(lab.component("lb"))->upstreams().size(), 1, 10000);
        QCOMPARE(
            static_cast<const TestComponent *>(lab.component("lb"))->upstreams().first().nodeId,
            QString("web-2"));
        events = eventsSince(mark);
        QVERIFY2(events.contains("web-1 removed") && events.contains("web-1 stopped"),
                 qPrintable(events.join(", ")));

        // A callee's port changes: it restarts on the new one and its caller follows.
        mark = lab.events().lastSequence();
        const quint16 newPort = testing::closedPort();
        topology.nodes[1].config.insert("port", newPort);
        lab.apply(topology);
        QTRY_COMPARE_WITH_TIMEOUT(lab.state("web-2"), NodeState::Running, 10000);
        QCOMPARE(lab.component("web-2")->port(), newPort);
        QTRY_COMPARE_WITH_TIMEOUT(lab.state("lb"), NodeState::Running, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            static_cast<const TestComponent *>(lab.component("lb"))->upstreams().value(0).port,
            newPort, 10000);
        QVERIFY(!isListening(web2Port));

        QSignalSpy stopped(&lab, &Lab::stopped);
        lab.stop();
        QVERIFY(stopped.wait(10000));
    }

    // A node's totals survive its restarts (the collector never sees counters go back).
    void trafficSurvivesRestart()
    {
        Journal journal;
        Lab lab(testFactory(journal));
        QVERIFY(lab.start(makeTopology({"web"}, {}), QDir::tempPath(), 1));
        const QString url = lab.component("web")->url();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(testing::curl({"-s", "-o", "/dev/null", url + "/"}).exitCode, 0);
        QVERIFY(lab.restartNode("web"));
        QTRY_COMPARE_WITH_TIMEOUT(journal.events.size(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(lab.state("web"), NodeState::Running, 10000);
        QCOMPARE(testing::curl({"-s", "-o", "/dev/null", url + "/"}).exitCode, 0);
        // The response is counted right after it went to the kernel: curl may be faster.
        auto sampled = [&lab] {
            lab.metrics().sampleNow();
            const metrics::NodeMetrics *web = lab.metrics().latest()->find("web");
            return web ? web->responses[2] : 0;
        };
        QTRY_COMPARE_WITH_TIMEOUT(sampled(), quint64(4), 10000);
        QCOMPARE(lab.metrics().latest()->find("web")->requests, quint64(4));
    }

    // A component's own events (health changes, ejections) reach the log from any thread.
    void componentEventsAreLogged()
    {
        Journal journal;
        Lab lab(testFactory(journal));
        QVERIFY(lab.start(makeTopology({"lb"}, {}), QDir::tempPath(), 1));
        QSignalSpy logged(&lab, &Lab::eventLogged);
        Component *lb = lab.component("lb");
        std::thread network([lb] { emit lb->eventRaised("health-down", "web-2 failed 3 checks"); });
        network.join();
        QTRY_COMPARE_WITH_TIMEOUT(logged.size(), 1, 5000);
        const LabEvent event = lab.events().since(lab.events().lastSequence() - 1).first();
        QCOMPARE(event.nodeId, QString("lb"));
        QCOMPARE(event.type, QString("health-down"));
        QCOMPARE(event.message, QString("web-2 failed 3 checks"));
        QVERIFY(event.time.isValid());
        QCOMPARE(event.time.timeSpec(), Qt::UTC);
    }

    void eventLogIsNumberedAndBounded()
    {
        EventLog log(3);
        QCOMPARE(log.lastSequence(), quint64(0));
        QVERIFY(log.since(0).isEmpty());
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(log.append("n", "t", QString::number(i)).sequence, quint64(i));
        QCOMPARE(log.size(), 3);
        QCOMPARE(log.firstSequence(), quint64(3));
        QList<LabEvent> events = log.since(0);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.first().message, QString("3"));
        events = log.since(4);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().sequence, quint64(5));
        QVERIFY(log.since(5).isEmpty());
        QVERIFY(log.since(99).isEmpty());
        QCOMPARE(log.since(0, 2).size(), 2);
    }

    void stopWhenNothingRunsStillReportsStopped()
    {
        Journal journal;
        Lab lab(testFactory(journal));
        QSignalSpy stopped(&lab, &Lab::stopped);
        lab.stop();
        QCOMPARE(stopped.size(), 0); // from the event loop, not inside stop()
        QVERIFY(stopped.wait(5000));
        lab.stop();
        QVERIFY(stopped.wait(5000));
    }

    // Destroying a running lab closes everything without waiting (a window closing).
    void destroyWhileRunning()
    {
        Journal journal;
        quint16 port = 0;
        {
            Lab lab(testFactory(journal));
            QVERIFY(lab.start(makeTopology({"web"}, {}), QDir::tempPath(), 2));
            port = lab.component("web")->port();
            QVERIFY(isListening(port));
        }
        QVERIFY(!isListening(port));
    }

    // Links carry their protocol: an app server's callees arrive whatever they speak, each with
    // its id, kind, the scheme its catalogue entry listens for, its address and the link's
    // config; at start and on a live rewire. (App servers and databases do not run in this
    // version: test components stand in for them, the delivery path is the Lab's own.)
    void linksCarryTheirScheme()
    {
        Journal journal;
        Lab lab(testFactory(journal, {"app-server", "database", "web-server"}));
        Topology topology = makeTopology({"app", "db", "web"}, {{"app", "db"}, {"app", "web"}});
        topology.nodes[0].kind = "app-server";
        topology.nodes[0].config.insert("live", true);
        topology.nodes[1].kind = "database";
        topology.links[0].config.insert("calls", 3);
        QVERIFY(lab.start(topology, QDir::tempPath(), 1));
        const quint16 dbPort = lab.component("db")->port();
        const quint16 webPort = lab.component("web")->port();
        QVERIFY(dbPort != 0 && webPort != 0);

        auto upstreamsOfApp = [&lab] {
            return static_cast<const TestComponent *>(lab.component("app"))->upstreams();
        };
        QList<UpstreamLink> upstreams = upstreamsOfApp();
        QCOMPARE(upstreams.size(), 2);
        const UpstreamLink &db = upstreams.at(0);
        QCOMPARE(db.nodeId, QString("db"));
        QCOMPARE(db.kind, QString("database"));
        QCOMPARE(db.scheme, QString("postgres"));
        QCOMPARE(db.port, dbPort);
        QCOMPARE(db.url(), QString("postgres://127.0.0.1:%1").arg(dbPort));
        QVERIFY(!db.isHttp());
        QCOMPARE(db.config.value("calls").toInt(), 3);
        const UpstreamLink &web = upstreams.at(1);
        QCOMPARE(web.nodeId, QString("web"));
        QCOMPARE(web.scheme, QString("http"));
        QCOMPARE(web.url(), QString("http://127.0.0.1:%1").arg(webPort));
        QCOMPARE(web.config.value("calls").toInt(), 1); // the catalogue's default
        QCOMPARE(ComponentContext::onlyHttp(upstreams).size(), 1);

        // A live rewire delivers the database link too: drop the web link, keep the database.
        topology.links.removeAt(1);
        lab.apply(topology);
        QTRY_COMPARE_WITH_TIMEOUT(upstreamsOfApp().size(), 1, 10000);
        QCOMPARE(upstreamsOfApp().first().scheme, QString("postgres"));
        QVERIFY(journal.events.contains(QString("links app db:%1").arg(dbPort)));

        QSignalSpy stopped(&lab, &Lab::stopped);
        lab.stop();
        QVERIFY(stopped.wait(10000));
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

QTEST_GUILESS_MAIN(TestLab)
#include "tst_lab.moc"
