#include "format/topologyreader.h"
#include "validation/problem.h"

#include "common/labprocess.h"
#include "common/testclients.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>

// `infralab run` end to end: the real binary started with QProcess as scripts start it, real
// curl against what it serves, real signals to stop it. Contract: DESIGN.md, "Command line".
using namespace infralab;

namespace {

const QString binary = QStringLiteral(INFRALAB_BINARY);

QByteArray topology(const QByteArray &nodes, const QByteArray &links = "[]")
{
    return testing::topologyJson(nodes, links);
}

using testing::writeFile;

// A bundled example with every `port` set to 0; nodes of `dropKinds` (and their links) left out.
QString exampleOnPortZero(const QTemporaryDir &dir, const QString &name,
                          const QStringList &dropKinds = {})
{
    QFile example(INFRALAB_SOURCE_DIR "/resources/examples/" + name);
    if (!example.open(QIODevice::ReadOnly))
        qFatal("cannot read the static-site example");
    QJsonObject root = QJsonDocument::fromJson(example.readAll()).object();
    QJsonArray nodes;
    QStringList dropped;
    for (const QJsonValue &node : root.value("nodes").toArray()) {
        QJsonObject object = node.toObject();
        if (dropKinds.contains(object.value("kind").toString())) {
            dropped << object.value("id").toString();
            continue;
        }
        QJsonObject config = object.value("config").toObject();
        config.insert("port", 0);
        object.insert("config", config);
        nodes.append(object);
    }
    QJsonArray links;
    for (const QJsonValue &link : root.value("links").toArray()) {
        if (!dropped.contains(link["from"].toString()) && !dropped.contains(link["to"].toString()))
            links.append(link);
    }
    root.insert("nodes", nodes);
    root.insert("links", links);
    return writeFile(dir, name, QJsonDocument(root).toJson());
}

QString staticSiteOnPortZero(const QTemporaryDir &dir)
{
    return exampleOnPortZero(dir, "static-site.infralab.json");
}

bool isListening(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(2000);
}

int httpStatus(const QString &url)
{
    QProcess process;
    process.start("curl", {"-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10", url});
    process.waitForFinished(15000);
    return process.readAllStandardOutput().toInt();
}

struct Curl
{
    int exitCode = -1;
    QByteArray body;
};

Curl curl(const QString &url)
{
    QProcess process;
    process.start("curl", {"-s", "-f", "--max-time", "10", url});
    Curl result;
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitCode();
    result.body = process.readAllStandardOutput();
    return result;
}

using Lab = testing::LabProcess;

struct Run
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QString out;
    QString err;
};

// A run that is expected to end by itself.
Run runToEnd(const QStringList &arguments)
{
    QProcess process;
    process.start(binary, QStringList{"run"} + arguments);
    Run run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out: infralab run " + arguments.join(' ');
        return run;
    }
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QByteArray demoIndex()
{
    QFile file(INFRALAB_SOURCE_DIR "/resources/site/index.html");
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the demo site");
    return file.readAll();
}

} // namespace

class TestRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(binary), qPrintable(binary));
        QProcess probe;
        probe.start("curl", {"--version"});
        QVERIFY2(probe.waitForFinished(10000) && probe.exitCode() == 0, "curl is needed");
    }

    // The bundled example serves the demo site until a signal, then drains and exits 0.
    void staticSiteUntilSignal_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }

    void staticSiteUntilSignal()
    {
        QFETCH(int, signalNumber);
        QTemporaryDir dir;
        Lab lab({staticSiteOnPortZero(dir)});
        QVERIFY2(lab.waitForReady(), qPrintable(lab.lines().join('\n') + '\n' + lab.err()));

        const QString url = lab.url("web", "web-server");
        QVERIFY2(!url.isEmpty(), qPrintable(lab.lines().join('\n')));
        QCOMPARE(lab.lines(), (QStringList{"web web-server " + url, "ready"}));
        QCOMPARE(lab.err(), QString());

        const Curl index = curl(url + "/");
        QCOMPARE(index.exitCode, 0);
        QCOMPARE(index.body, demoIndex());

        const quint16 port = QUrl(url).port();
        lab.signal(signalNumber);
        QVERIFY2(lab.waitForFinished(10000), "did not stop within 10 s");
        QCOMPARE(lab.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(lab.process().exitCode(), 0);
        QCOMPARE(lab.err(), QString());
        QVERIFY(!isListening(port));
    }

    void durationEndsTheRun()
    {
        QTemporaryDir dir;
        QElapsedTimer timer;
        timer.start();
        const Run run = runToEnd({staticSiteOnPortZero(dir), "--duration", "1"});
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.endsWith("\nready\n"), qPrintable(run.out));
        QVERIFY2(timer.elapsed() >= 1000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    }

    void threadsOption()
    {
        QTemporaryDir dir;
        Lab lab({staticSiteOnPortZero(dir), "--threads", "1"});
        QVERIFY2(lab.waitForReady(), qPrintable(lab.err()));
        QCOMPARE(curl(lab.url("web", "web-server") + "/").body, demoIndex());
        lab.signal(SIGTERM);
        QVERIFY(lab.waitForFinished());
        QCOMPARE(lab.process().exitCode(), 0);
    }

    // A relative root resolves against the topology file's folder, not the working directory.
    void relativeRootFromTheFileFolder()
    {
        QTemporaryDir dir;
        writeFile(dir, "lab/www/index.html", "hello from www\n");
        const QString file = writeFile(dir, "lab/site.infralab.json",
                                       topology(R"([ { "id": "web", "kind": "web-server",
                            "config": { "port": 0, "root": "www" } } ])"));
        Lab lab({file});
        QVERIFY2(lab.waitForReady(), qPrintable(lab.err()));
        QCOMPARE(curl(lab.url("web", "web-server") + "/").body, QByteArray("hello from www\n"));
        lab.signal(SIGTERM);
        QVERIFY(lab.waitForFinished());
        QCOMPARE(lab.process().exitCode(), 0);
    }

    // Every listening node gets a line, in file order; callees start first.
    void twoWebServers()
    {
        QTemporaryDir dir;
        const QString file = writeFile(
            dir, "two.infralab.json",
            topology(R"([ { "id": "web-1", "kind": "web-server", "config": { "port": 0 } },
                          { "id": "web-2", "kind": "web-server", "config": { "port": 0 } } ])",
                     R"([ { "from": "web-1", "to": "web-2" } ])"));
        Lab lab({file});
        QVERIFY2(lab.waitForReady(), qPrintable(lab.err()));
        QCOMPARE(lab.lines().size(), 3);
        QVERIFY(lab.lines().at(0).startsWith("web-1 web-server http://127.0.0.1:"));
        QVERIFY(lab.lines().at(1).startsWith("web-2 web-server http://127.0.0.1:"));
        QCOMPARE(curl(lab.url("web-1", "web-server") + "/").body, demoIndex());
        QCOMPARE(curl(lab.url("web-2", "web-server") + "/").body, demoIndex());
        lab.signal(SIGTERM);
        QVERIFY(lab.waitForFinished());
        QCOMPARE(lab.process().exitCode(), 0);
    }

    // forward_prefixes: requests under /api/ on the front server go to the node it links to;
    // other paths are its own files. A link to a node that is not running answers 502.
    void forwardPrefixesReachTheLinkedNode()
    {
        QTemporaryDir dir;
        writeFile(dir, "front/index.html", "front page\n");
        writeFile(dir, "back/api/hello.txt", "hello from the back\n");
        const QString file = writeFile(
            dir, "forward.infralab.json",
            topology(
                R"([ { "id": "front", "kind": "web-server", "config": { "port": 0, "root": "front" } },
                          { "id": "back", "kind": "web-server", "config": { "port": 0, "root": "back" } },
                          { "id": "edge", "kind": "web-server", "config": { "port": 0, "root": "front" } },
                          { "id": "app", "kind": "app-server", "config": { "port": 0 } } ])",
                R"([ { "from": "front", "to": "back" }, { "from": "edge", "to": "app" } ])"));
        Lab lab({file});
        QVERIFY2(lab.waitForReady(), qPrintable(lab.err()));
        const QString front = lab.url("front", "web-server");
        QCOMPARE(curl(front + "/").body, QByteArray("front page\n"));
        const Curl forwarded = curl(front + "/api/hello.txt");
        QCOMPARE(forwarded.exitCode, 0);
        QCOMPARE(forwarded.body, QByteArray("hello from the back\n"));
        QCOMPARE(httpStatus(front + "/api/missing"), 404); // the back's 404, passed through
        QCOMPARE(httpStatus(lab.url("edge", "web-server") + "/api/x"), 502); // app is skipped
        lab.signal(SIGTERM);
        QVERIFY(lab.waitForFinished());
        QCOMPARE(lab.process().exitCode(), 0);
    }

    // A reverse proxy in front of a web server serves the demo site through the proxy, with
    // its cache on; a proxy without links answers 502 (nginx: no live upstreams).
    void reverseProxyInFrontOfWebServer()
    {
        QTemporaryDir dir;
        const QString file = writeFile(dir, "proxy.infralab.json",
                                       topology(R"([ { "id": "proxy", "kind": "reverse-proxy",
                            "config": { "port": 0, "cache": true } },
                          { "id": "web", "kind": "web-server", "config": { "port": 0 } },
                          { "id": "lonely", "kind": "reverse-proxy", "config": { "port": 0 } } ])",
                                                R"([ { "from": "proxy", "to": "web" } ])"));
        Lab lab({file});
        QVERIFY2(lab.waitForReady(), qPrintable(lab.err()));
        const QString proxy = lab.url("proxy", "reverse-proxy");
        QVERIFY2(!proxy.isEmpty(), qPrintable(lab.lines().join('\n')));
        QVERIFY(!lab.url("web", "web-server").isEmpty());
        QCOMPARE(curl(proxy + "/").body, demoIndex());
        QProcess head;
        head.start("curl", {"-s", "-D", "-", "-o", "/dev/null", "--max-time", "10", proxy + "/"});
        QVERIFY(head.waitForFinished(15000));
        QVERIFY2(head.readAllStandardOutput().contains("X-Cache: HIT"), "second request not a hit");
        QCOMPARE(httpStatus(lab.url("lonely", "reverse-proxy") + "/"), 502);
        lab.signal(SIGTERM);
        QVERIFY(lab.waitForFinished());
        QCOMPARE(lab.process().exitCode(), 0);
        QCOMPARE(lab.err(), QString());
    }

    // The three-tier example: the load balancer spreads real traffic over the three web
    // servers (one keep-alive connection, so one thread's round-robin: exactly a third each),
    // and its stats page says so.
    void loadBalancerAcrossThreeWebServers()
    {
        QTemporaryDir dir;
        // Without the example's traffic generator: only the 30 requests below reach the servers.
        Lab lab({exampleOnPortZero(dir, "three-tier.infralab.json", {"traffic-generator"})});
        QVERIFY2(lab.waitForReady(), qPrintable(lab.err()));
        const QString lb = lab.url("lb", "load-balancer");
        QVERIFY2(!lb.isEmpty(), qPrintable(lab.lines().join('\n')));
        QStringList args{"-s", "-o", "/dev/null", "-w", "%{http_code}\\n", "--max-time", "20"};
        for (int i = 0; i < 30; ++i)
            args << "-o"
                 << "/dev/null" << lb + "/";
        QProcess load;
        load.start("curl", args);
        QVERIFY(load.waitForFinished(30000));
        QCOMPARE(load.readAllStandardOutput(), QByteArray("200\n").repeated(30));
        const QJsonObject stats
            = QJsonDocument::fromJson(curl(lb + "/infralab/stats?format=json").body).object();
        QStringList seen;
        for (const QJsonValue &value : stats.value("backends").toArray()) {
            const QJsonObject backend = value.toObject();
            seen << backend.value("id").toString();
            QCOMPARE(backend.value("state").toString(), QString("up"));
            QCOMPARE(backend.value("requests").toInt(), 10);
        }
        QCOMPARE(seen, (QStringList{"web-1", "web-2", "web-3"}));
        lab.signal(SIGTERM);
        QVERIFY(lab.waitForFinished());
        QCOMPARE(lab.process().exitCode(), 0);
    }

    void notImplementedKindIsSkipped()
    {
        QTemporaryDir dir;
        const QString file = writeFile(
            dir, "mixed.infralab.json",
            topology(R"([ { "id": "web", "kind": "web-server", "config": { "port": 0 } },
                          { "id": "db", "kind": "database", "config": { "port": 0 } } ])"));
        Lab lab({file});
        QVERIFY2(lab.waitForReady(), qPrintable(lab.err()));
        QCOMPARE(lab.err(), QString("db: database nodes are not implemented yet; skipped\n"));
        QCOMPARE(lab.lines().size(), 2);
        QCOMPARE(curl(lab.url("web", "web-server") + "/").body, demoIndex());
        lab.signal(SIGTERM);
        QVERIFY(lab.waitForFinished());
        QCOMPARE(lab.process().exitCode(), 0);
    }

    // A taken port fails the whole run: the node and port are named, what had started is
    // stopped again, and `ready` is never printed.
    void portTaken()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        const quint16 taken = blocker.serverPort();
        const quint16 first = infralab::testing::closedPort();
        QTemporaryDir dir;
        const QString file = writeFile(
            dir, "taken.infralab.json",
            topology(QString(R"([ { "id": "web-a", "kind": "web-server", "config": { "port": %1 } },
                                  { "id": "web-1", "kind": "web-server", "config": { "port": %2 } } ])")
                         .arg(first)
                         .arg(taken)
                         .toUtf8()));
        const Run run = runToEnd({file});
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.startsWith(QString("web-1: port %1 is already in use\n").arg(taken)),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains("nothing is left running"), qPrintable(run.err));
        QVERIFY(!isListening(first));
    }

    // --control: the API lists the nodes with live numbers, stops one on request (the events
    // say so), serves Prometheus text; --report writes the run when it ends.
    void controlApiAndReport()
    {
        QTemporaryDir dir;
        const QString file = writeFile(
            dir, "two.infralab.json",
            topology(R"([ { "id": "web-1", "kind": "web-server", "config": { "port": 0 } },
                          { "id": "web-2", "kind": "web-server", "config": { "port": 0 } } ])"));
        const QString report = dir.filePath("run.json");
        Lab lab({file, "--control", "0", "--report", report});
        QVERIFY2(lab.waitForReady(), qPrintable(lab.err()));
        QString control;
        for (const QString &line : lab.lines()) {
            if (line.startsWith("control "))
                control = line.mid(8);
        }
        QVERIFY2(control.startsWith("http://127.0.0.1:"), qPrintable(lab.lines().join('\n')));
        QCOMPARE(lab.lines().last(), QString("ready"));
        const QString web1 = lab.url("web-1", "web-server");
        const QString web2 = lab.url("web-2", "web-server");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(httpStatus(web1 + "/"), 200);

        auto json = [](const QString &url, const QStringList &extra = {}) {
            const auto result = infralab::testing::curl(QStringList{"-s", "--max-time", "10"}
                                                        + extra + QStringList{url});
            return QJsonDocument::fromJson(result.out).object();
        };
        QJsonArray nodes;
        QTRY_VERIFY_WITH_TIMEOUT((nodes = json(control + "/api/v1/nodes")["nodes"].toArray(),
                                  nodes.size() == 2 && nodes.at(0)["requests"].toInt() == 5),
                                 10000);
        QCOMPARE(nodes.at(0)["state"].toString(), QString("running"));
        QCOMPARE(nodes.at(1)["url"].toString(), web2);

        QCOMPARE(json(control + "/api/v1/nodes/web-2/stop", {"-X", "POST"})["action"].toString(),
                 QString("stop"));
        QStringList web2Events;
        QTRY_VERIFY_WITH_TIMEOUT(
            (
                web2Events.clear(),
                [&] {
                    for (const QJsonValue &event :
                         json(control + "/api/v1/events?since=0")["events"].toArray())
                        if (event["node"].toString() == "web-2")
                            web2Events.append(event["type"].toString());
                }(),
                web2Events.contains("stopped")),
            10000);
        QVERIFY(!isListening(quint16(QUrl(web2).port())));
        QCOMPARE(httpStatus(web1 + "/"), 200); // the rest runs on

        const auto metrics = infralab::testing::curl(
            {"-s", "-o", "/dev/null", "-w", "%{content_type}", control + "/metrics"});
        QCOMPARE(metrics.out, QByteArray("text/plain; version=0.0.4; charset=utf-8"));

        lab.signal(SIGTERM);
        QVERIFY(lab.waitForFinished(10000));
        QCOMPARE(lab.process().exitCode(), 0);
        QVERIFY(!isListening(quint16(QUrl(control).port())));

        QFile reportFile(report);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonObject run = QJsonDocument::fromJson(reportFile.readAll()).object();
        QCOMPARE(run["format"].toString(), QString("infralab-run-report"));
        QCOMPARE(run["version"].toInt(), 1);
        const QJsonArray reported = run["nodes"].toArray();
        QCOMPARE(reported.size(), 2);
        QCOMPARE(reported.at(0)["id"].toString(), QString("web-1"));
        QCOMPARE(reported.at(0)["totals"].toObject()["requests"].toInt(), 6);
        QCOMPARE(reported.at(0)["totals"].toObject()["responses"].toObject()["2xx"].toInt(), 6);
        QCOMPARE(reported.at(1)["state"].toString(), QString("stopped"));
        QVERIFY(run["series"].toObject().contains("web-1"));
        QVERIFY(run["duration_s"].toDouble() > 0);
    }

    // A taken control port fails the run before any node listens.
    void controlPortTaken()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        const quint16 nodePort = infralab::testing::closedPort();
        QTemporaryDir dir;
        const QString file = writeFile(
            dir, "one.infralab.json",
            topology(
                QString(R"([ { "id": "web", "kind": "web-server", "config": { "port": %1 } } ])")
                    .arg(nodePort)
                    .toUtf8()));
        const Run run = runToEnd({file, "--control", QString::number(blocker.serverPort())});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.startsWith(QString("infralab: control API: port %1 is already in use")
                                        .arg(blocker.serverPort())),
                 qPrintable(run.err));
        QVERIFY(!isListening(nodePort));
    }

    void reportCannotBeWritten()
    {
        QTemporaryDir dir;
        const Run run = runToEnd({staticSiteOnPortZero(dir), "--duration", "0.2", "--report",
                                  dir.filePath("missing/run.json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("--report: cannot write"), qPrintable(run.err));
    }

    void unreadableRoot()
    {
        QTemporaryDir dir;
        const QString file = writeFile(dir, "noroot.infralab.json",
                                       topology(R"([ { "id": "web", "kind": "web-server",
                            "config": { "port": 0, "root": "missing" } } ])"));
        const Run run = runToEnd({file});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.startsWith(
                     "web: root folder "
                     + QDir::toNativeSeparators(dir.filePath("missing") + " does not exist.")),
                 qPrintable(run.err));
    }

    // An invalid file prints exactly what `validate` prints and starts nothing, whether the
    // window could open it (a port used twice) or not (an id used twice).
    void invalidFile_data()
    {
        QTest::addColumn<QByteArray>("nodes");
        QTest::newRow("unreadable: duplicate id, port out of range")
            << QByteArray(R"([ { "id": "web", "kind": "web-server", "config": { "port": 70000 } },
                               { "id": "web", "kind": "webserver" } ])");
        QTest::newRow("readable: port used twice, kind unknown")
            << QByteArray(R"([ { "id": "web", "kind": "web-server", "config": { "port": 18080 } },
                               { "id": "web-2", "kind": "web-server", "config": { "port": 18080 } },
                               { "id": "x", "kind": "webserver" } ])");
    }
    void invalidFile()
    {
        QFETCH(QByteArray, nodes);
        QTemporaryDir dir;
        const QString file = writeFile(dir, "bad.infralab.json", topology(nodes));
        QVERIFY(TopologyReader::readFile(file).ok()
                == QString(QTest::currentDataTag()).startsWith("readable"));
        QStringList expected;
        for (const Problem &problem : validateFile(TopologyReader::readFile(file))) {
            QVERIFY(problem.isError());
            expected.append(file + ": " + problem.toString());
        }
        QVERIFY(expected.size() >= 2);
        const Run run = runToEnd({file});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        QCOMPARE(run.err.split('\n', Qt::SkipEmptyParts), expected);
    }

    void missingFile()
    {
        const Run run = runToEnd({"/nonexistent/lab.infralab.json"});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.startsWith("/nonexistent/lab.infralab.json: cannot open the file: "),
                 qPrintable(run.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no file") << QStringList{};
        QTest::newRow("two files") << QStringList{"a.infralab.json", "b.infralab.json"};
        QTest::newRow("bad duration") << QStringList{"a.infralab.json", "--duration", "x"};
        QTest::newRow("bad threads") << QStringList{"a.infralab.json", "--threads", "-2"};
        QTest::newRow("unknown option") << QStringList{"a.infralab.json", "--port", "1"};
        QTest::newRow("bad control port") << QStringList{"a.infralab.json", "--control", "-1"};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run run = runToEnd(arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.contains("Usage: infralab run FILE"), qPrintable(run.err));
    }

    // `infralab run` starts the generator after the web server it targets and prints its
    // summary when the run ends; the run lasts its own --duration, not the generator's.
    void runPrintsASummary_data()
    {
        QTest::addColumn<QByteArray>("generatorConfig");
        QTest::addColumn<QString>("header");
        QTest::newRow("closed") << QByteArray(R"({ "connections": 2, "duration_s": 1 })")
                                << "load: closed model, 2 connections to web";
        QTest::newRow("open") << QByteArray(R"({ "mode": "open", "rate": 100, "connections": 5 })")
                              << "load: open model, 100 req/s, at most 5 connections to web";
    }

    void runPrintsASummary()
    {
        QFETCH(QByteArray, generatorConfig);
        QFETCH(QString, header);
        QTemporaryDir dir;
        const QString file
            = writeFile(dir, "load.infralab.json",
                        topology(R"([ { "id": "load", "kind": "traffic-generator", "config": )"
                                     + generatorConfig + R"( },
                          { "id": "web", "kind": "web-server", "config": { "port": 0 } } ])",
                                 R"([ { "from": "load", "to": "web" } ])"));
        QElapsedTimer timer;
        timer.start();
        const Run run = runToEnd({file, "--duration", "2"});
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(timer.elapsed() >= 2000, "the run did not last its own duration");
        QCOMPARE(run.err, QString());
        const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 8, qPrintable(run.out));
        QVERIFY2(lines.at(0).startsWith("web web-server http://127.0.0.1:"), qPrintable(run.out));
        QCOMPARE(lines.at(1), QString("ready"));
        QCOMPARE(lines.at(2), header);
        QVERIFY2(run.out.contains(QRegularExpression(R"(\n  [1-9][0-9]* requests in [0-9.]+s)")),
                 qPrintable(run.out));
        QVERIFY2(
            run.out.contains("  Errors: connect 0, timeout 0, reset 0, protocol 0, 4xx 0, 5xx 0\n"),
            qPrintable(run.out));
    }

    void runRefusesAForeignTarget()
    {
        QTemporaryDir dir;
        // Not a raw string: moc takes the "//" of a URL in one for a comment.
        const QString file = writeFile(
            dir, "bad.infralab.json",
            topology("[ { \"id\": \"load\", \"kind\": \"traffic-generator\", \"config\": "
                     "{ \"targets\": [\"http://example.com:80\"] } } ]"));
        const Run run = runToEnd({file});
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith("load: target 'http://example.com:80' is not "
                                    "http://127.0.0.1:PORT"),
                 qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestRun)
#include "tst_run.moc"
