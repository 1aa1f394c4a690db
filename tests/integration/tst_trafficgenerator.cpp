#include "components/trafficgenerator/generatorreport.h"
#include "components/trafficgenerator/keysampler.h"
#include "components/trafficgenerator/trafficgenerator.h"
#include "format/topologyreader.h"
#include "httpserver/httpserver.h"
#include "metrics/metricscollector.h"
#include "net/clock.h"
#include "net/eventlooppool.h"
#include "runtime/component.h"
#include "runtime/componentfactory.h"
#include "runtime/lab.h"

#include "common/rawserver.h"
#include "common/testclients.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <sys/socket.h>

#include <atomic>
#include <memory>

// The traffic generator end to end on 127.0.0.1: in-process backends count what reaches them
// (exact request budgets, the mix, link weights), misbehave on purpose (refused, silent,
// reset, garbage, 5xx) or stall for a second (the open model's coordinated-omission
// correction), and in a Lab its metrics equal the backend's (`infralab run`'s summary of a
// generator is tested in tst_run).
using namespace infralab;
using namespace infralab::httpserver;
using namespace infralab::trafficgenerator;

#define RUN_UNTIL_FINISHED(component, report)                                                      \
    runUntilFinished(component, report);                                                           \
    if (QTest::currentTestFailed())                                                                \
    return

namespace {

// What a backend saw, shared by its handlers in every network thread.
struct Seen
{
    QMutex mutex;
    QHash<QByteArray, int> paths;
    std::atomic<int> requests{0};
    // The stall: requests arriving in [stallFromMs, stallUntilMs) (steady clock) are answered
    // at stallUntilMs.
    std::atomic<qint64> stallFromMs{0};
    std::atomic<qint64> stallUntilMs{0};

    int path(const QByteArray &path)
    {
        QMutexLocker lock(&mutex);
        return paths.value(path);
    }
};

qint64 nowMs()
{
    return steadyNowUs() / 1000;
}

// /status/NNN answers NNN, /chunked answers in chunks, anything else 200 with a small body.
class CountingHandler final : public HttpHandler
{
public:
    explicit CountingHandler(std::shared_ptr<Seen> seen)
        : m_seen(std::move(seen))
    {}

    void handle(HttpExchange &exchange) override
    {
        const QByteArray path = exchange.request().path.toByteArray();
        {
            QMutexLocker lock(&m_seen->mutex);
            ++m_seen->paths[path];
        }
        ++m_seen->requests;
        const qint64 now = nowMs();
        if (now >= m_seen->stallFromMs && now < m_seen->stallUntilMs) {
            auto *timer = new QTimer;
            timer->setSingleShot(true);
            exchange.setOnCancelled([timer] { timer->deleteLater(); });
            QObject::connect(timer, &QTimer::timeout, [timer, &exchange] {
                timer->deleteLater();
                exchange.begin(200).add("Content-Type", "text/plain");
                exchange.send("late\n");
            });
            timer->start(int(m_seen->stallUntilMs - now));
            return;
        }
        if (path.startsWith("/status/")) {
            exchange.begin(path.mid(8).toInt()).add("Content-Type", "text/plain");
            exchange.send("status\n");
            return;
        }
        if (path == "/chunked") {
            exchange.begin(200).add("Content-Type", "text/plain");
            exchange.sendHead(-1);
            exchange.writeBody("hello ");
            exchange.writeBody("chunked world\n");
            exchange.finishBody();
            return;
        }
        exchange.begin(200).add("Content-Type", "text/plain");
        exchange.send("hello from the backend\n");
    }

private:
    std::shared_ptr<Seen> m_seen;
};

// A backend that misbehaves in one way, on a raw server in its own thread.
enum class RawBehaviour { Silent, Reset, Garbage };

std::unique_ptr<infralab::testing::RawServer> rawBackend(RawBehaviour behaviour)
{
    return std::make_unique<infralab::testing::RawServer>([behaviour](QTcpSocket *socket) {
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [behaviour, socket] {
            socket->readAll();
            if (behaviour == RawBehaviour::Garbage) {
                socket->write("HELLO THERE\r\n\r\n");
                socket->flush();
            } else if (behaviour == RawBehaviour::Reset) {
                const linger option{1, 0}; // close with RST, not FIN
                ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &option,
                             sizeof option);
                socket->abort();
            }
        });
    });
}

QJsonObject config(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return object;
}

QByteArray topology(const QByteArray &nodes, const QByteArray &links = "[]")
{
    return R"({ "format": "infralab-topology", "version": 1, "name": "t", "nodes": )" + nodes
           + R"(, "links": )" + links + " }";
}

} // namespace

class TestTrafficGenerator : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<net::EventLoopPool> m_backendPool;
    std::unique_ptr<net::EventLoopPool> m_generatorPool;
    std::vector<std::unique_ptr<HttpServer>> m_backends;

    // A counting backend; returns its port.
    quint16 startBackend(const std::shared_ptr<Seen> &seen)
    {
        auto server = std::make_unique<HttpServer>(*m_backendPool, HttpServerOptions{}, [seen] {
            return std::make_unique<CountingHandler>(seen);
        });
        QString error;
        if (!server->listen(0, &error))
            qFatal("listen: %s", qPrintable(error));
        const quint16 port = server->port();
        m_backends.push_back(std::move(server));
        return port;
    }

    // A generator aimed at `ports` (link weights in `weights`, 1 when missing), built through
    // the component factory as the runtime builds it.
    std::unique_ptr<runtime::Component> makeGenerator(const QJsonObject &nodeConfig,
                                                      const QList<quint16> &ports,
                                                      const QList<int> &weights = {},
                                                      QString *error = nullptr)
    {
        runtime::ComponentContext context;
        context.nodeId = "load";
        context.kind = "traffic-generator";
        context.config = nodeConfig;
        context.pool = m_generatorPool.get();
        for (int i = 0; i < ports.size(); ++i) {
            context.upstreams.append({QString("web-%1").arg(i + 1), "web-server", "http",
                                      ports.at(i), QJsonObject{{"weight", weights.value(i, 1)}}});
            context.upstreamPorts.append(ports.at(i));
        }
        context.hasHttpCallees = !ports.isEmpty();
        QString reason;
        auto component = runtime::ComponentFactory::builtIn().create(context, &reason);
        if (error)
            *error = reason;
        return component;
    }

    // Starts, waits for the budget or duration to be used up (the generator-finished event),
    // stops; `report` is the final report. Use through RUN_UNTIL_FINISHED.
    void runUntilFinished(runtime::Component &component, QJsonObject &report, int timeoutMs = 20000)
    {
        QSignalSpy events(&component, &runtime::Component::eventRaised);
        QString error;
        QVERIFY2(component.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(component.details().value("state").toString() == "finished",
                                 timeoutMs);
        QTRY_VERIFY(!events.isEmpty());
        QCOMPARE(events.last().at(0).toString(), QString("generator-finished"));
        report = stop(component);
    }

    QJsonObject stop(runtime::Component &component)
    {
        QSignalSpy stopped(&component, &runtime::Component::stopped);
        component.stop();
        if (!stopped.wait(10000))
            qWarning("generator did not stop");
        return component.details();
    }

private slots:
    void initTestCase()
    {
        m_backendPool = std::make_unique<net::EventLoopPool>(1);
        m_generatorPool = std::make_unique<net::EventLoopPool>(2);
    }

    void cleanup()
    {
        for (auto &server : m_backends) {
            QSignalSpy stopped(server.get(), &HttpServer::stopped);
            server->stop();
            QVERIFY(stopped.wait(10000));
        }
        m_backends.clear();
    }

    // With max_requests N the backend receives exactly N requests, whatever the split over
    // connections and threads, and each one is answered and counted once.
    void closedSendsExactlyN_data()
    {
        QTest::addColumn<int>("connections");
        QTest::addColumn<int>("requests");
        QTest::addColumn<bool>("keepAlive");
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("one connection") << 1 << 100 << true << QByteArray("/");
        QTest::newRow("ten connections, two threads") << 10 << 1000 << true << QByteArray("/");
        QTest::newRow("fewer requests than connections") << 8 << 5 << true << QByteArray("/");
        QTest::newRow("no keep-alive") << 4 << 200 << false << QByteArray("/");
        QTest::newRow("chunked responses") << 3 << 300 << true << QByteArray("/chunked");
    }

    void closedSendsExactlyN()
    {
        QFETCH(int, connections);
        QFETCH(int, requests);
        QFETCH(bool, keepAlive);
        QFETCH(QByteArray, path);
        auto seen = std::make_shared<Seen>();
        const quint16 port = startBackend(seen);
        auto generator = makeGenerator(
            config(QString(R"({"mode": "closed", "connections": %1, "max_requests": %2,
                       "keepalive": %3, "requests": [{"method": "GET", "path": "%4", "weight": 1}]})")
                       .arg(connections)
                       .arg(requests)
                       .arg(keepAlive ? "true" : "false")
                       .arg(QString::fromUtf8(path))
                       .toUtf8()),
            {port});
        QVERIFY(generator);
        QJsonObject report;
        RUN_UNTIL_FINISHED(*generator, report);
        QCOMPARE(seen->requests.load(), requests);
        QCOMPARE(seen->path(path), requests);
        QCOMPARE(report.value("sent").toInt(), requests);
        QCOMPARE(report.value("requests").toInt(), requests);
        QCOMPARE(report.value("responses").toInt(), requests);
        QCOMPARE(report.value("status_codes").toObject().value("200").toInt(), requests);
        QCOMPARE(report.value("latency_ms").toObject().value("max").toDouble() > 0, true);
        const QJsonObject errors = report.value("errors").toObject();
        for (auto it = errors.begin(); it != errors.end(); ++it)
            QVERIFY2(it.value().toInt() == 0, qPrintable(it.key()));
        QCOMPARE(report.value("connections_opened").toInt(),
                 keepAlive ? std::min(connections, requests) : requests);
        QCOMPARE(report.value("connections_open").toInt(), 0);
        QCOMPARE(report.value("state").toString(), QString("stopped"));
        QVERIFY(report.value("bytes_in").toDouble() > 0);
        QVERIFY(report.value("bytes_out").toDouble() >= requests * 30);
    }

    // The backend sees the mix: weights 3:1 between two paths, and Zipf-skewed keys.
    void mixReachesTheBackend()
    {
        auto seen = std::make_shared<Seen>();
        const quint16 port = startBackend(seen);
        auto generator = makeGenerator(config(R"({"connections": 4, "max_requests": 4000,
            "path_distribution": "zipf", "path_keys": 100,
            "requests": [{"method": "GET", "path": "/a", "weight": 3},
                         {"method": "GET", "path": "/k/{n}", "weight": 1}]})"),
                                       {port});
        QJsonObject report;
        RUN_UNTIL_FINISHED(*generator, report);
        QCOMPARE(seen->requests.load(), 4000);
        const int a = seen->path("/a");
        QVERIFY2(std::abs(a - 3000) < 120, qPrintable(QString::number(a)));
        const KeySampler zipf(KeySampler::Distribution::Zipf, 100, 1.0);
        const int keyed = 4000 - a;
        const int hottest = seen->path("/k/1");
        const double expected = zipf.probability(1) * keyed; // about 193
        QVERIFY2(std::abs(hottest - expected) < 4 * std::sqrt(expected) + 5,
                 qPrintable(QString("%1 vs %2").arg(hottest).arg(expected)));
        QVERIFY(seen->path("/k/1") > seen->path("/k/10"));
    }

    // Requests go round-robin over the linked nodes by link weight (smooth, nginx-style).
    void linkWeights()
    {
        auto first = std::make_shared<Seen>();
        auto second = std::make_shared<Seen>();
        auto third = std::make_shared<Seen>();
        const QList<quint16> ports{startBackend(first), startBackend(second), startBackend(third)};
        auto generator
            = makeGenerator(config(R"({"connections": 4, "max_requests": 800})"), ports, {3, 1, 0});
        QJsonObject report;
        RUN_UNTIL_FINISHED(*generator, report);
        QCOMPARE(first->requests.load(), 600);
        QCOMPARE(second->requests.load(), 200);
        QCOMPARE(third->requests.load(), 0);
    }

    // Each way a request can fail is counted in its own class; nothing else is.
    void errorsByClass_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("errorClass");
        QTest::newRow("refused port") << "refused"
                                      << "connect";
        QTest::newRow("silent server") << "silent"
                                       << "timeout";
        QTest::newRow("reset") << "reset"
                               << "reset";
        QTest::newRow("garbage") << "garbage"
                                 << "protocol";
        QTest::newRow("5xx") << "/status/503"
                             << "5xx";
        QTest::newRow("4xx") << "/status/404"
                             << "4xx";
    }

    void errorsByClass()
    {
        QFETCH(QString, backend);
        QFETCH(QString, errorClass);
        std::unique_ptr<testing::RawServer> raw;
        quint16 port = 0;
        QByteArray path = "/";
        if (backend == "refused") {
            port = testing::closedPort();
        } else if (backend.startsWith('/')) {
            port = startBackend(std::make_shared<Seen>());
            path = backend.toUtf8();
        } else {
            raw = rawBackend(backend == "silent"  ? RawBehaviour::Silent
                             : backend == "reset" ? RawBehaviour::Reset
                                                  : RawBehaviour::Garbage);
            port = raw->port();
        }
        constexpr int Requests = 6;
        auto generator = makeGenerator(config(QString(R"({"connections": 2, "max_requests": %1,
            "timeout_ms": 300, "requests": [{"method": "GET", "path": "%2", "weight": 1}]})")
                                                  .arg(Requests)
                                                  .arg(QString::fromUtf8(path))
                                                  .toUtf8()),
                                       {port});
        QJsonObject report;
        RUN_UNTIL_FINISHED(*generator, report);
        QCOMPARE(report.value("requests").toInt(), Requests);
        const QJsonObject errors = report.value("errors").toObject();
        for (auto it = errors.begin(); it != errors.end(); ++it) {
            QCOMPARE(qMakePair(it.key(), it.value().toInt()),
                     qMakePair(it.key(), it.key() == errorClass ? Requests : 0));
        }
        const bool answered = errorClass.endsWith("xx");
        QCOMPARE(report.value("responses").toInt(), answered ? Requests : 0);
        QCOMPARE(report.value("success").toDouble(), 0.0);
    }

    // wrk2's point: a backend that stalls for a second. Requests due during the stall wait
    // (late) and their latency, counted from when they were due, shows the stall; the
    // service time measured from the actual send (what a closed-model tool reports) does not.
    void openModelSeesTheStall()
    {
        auto seen = std::make_shared<Seen>();
        const quint16 port = startBackend(seen);
        auto generator = makeGenerator(config(R"({"mode": "open", "rate": 200,
            "connections": 20, "duration_s": 3, "timeout_ms": 5000})"),
                                       {port});
        QString error;
        QVERIFY(generator->start(&error));
        const qint64 stallFrom = nowMs() + 1000;
        seen->stallUntilMs = stallFrom + 1000;
        seen->stallFromMs = stallFrom;
        QTRY_VERIFY_WITH_TIMEOUT(generator->details().value("state").toString() == "finished",
                                 15000);
        const QJsonObject report = stop(*generator);

        const int sent = report.value("sent").toInt();
        QVERIFY2(sent >= 590 && sent <= 601, qPrintable(QString::number(sent)));
        QCOMPARE(report.value("responses").toInt(), sent);
        QCOMPARE(report.value("dropped").toInt(), 0);
        // About 200 requests were due during the stall; 20 of them went out and hung.
        const int late = report.value("late").toInt();
        QVERIFY2(late >= 150 && late <= 200, qPrintable(QString::number(late)));
        const QJsonObject corrected = report.value("latency_ms").toObject();
        const QJsonObject service = report.value("service_time_ms").toObject();
        // A third of the requests waited between 0 and 1 s: the top tenth waited 0.7 s or more.
        QVERIFY2(corrected.value("p90").toDouble() >= 500,
                 qPrintable(QJsonDocument(corrected).toJson()));
        QVERIFY2(corrected.value("max").toDouble() >= 900,
                 qPrintable(QJsonDocument(corrected).toJson()));
        QVERIFY2(service.value("p90").toDouble() < 100,
                 qPrintable(QJsonDocument(service).toJson()));
        QVERIFY2(service.value("max").toDouble() >= 700,
                 qPrintable(QJsonDocument(service).toJson()));
        QVERIFY(report.value("connections_opened").toInt() <= 20);
    }

    // With no free connection for longer than the timeout, due requests are dropped (k6's
    // dropped_iterations), not queued forever.
    void openModelDropsWhenEveryConnectionHangs()
    {
        const auto silent = rawBackend(RawBehaviour::Silent);
        auto generator = makeGenerator(config(R"({"mode": "open", "rate": 100,
            "connections": 2, "duration_s": 1, "timeout_ms": 200})"),
                                       {silent->port()});
        QJsonObject report;
        RUN_UNTIL_FINISHED(*generator, report);
        const int timeouts = report.value("errors").toObject().value("timeout").toInt();
        const int dropped = report.value("dropped").toInt();
        // 100 due in one second: every 200 ms two go out and time out; the rest are dropped.
        QVERIFY2(timeouts >= 6 && timeouts <= 14, qPrintable(QString::number(timeouts)));
        QVERIFY2(dropped + timeouts >= 95 && dropped + timeouts <= 101,
                 qPrintable(QString("%1 + %2").arg(dropped).arg(timeouts)));
    }

    // rate is changed live: applyConfig() takes it without a restart and the arrival rate
    // follows; a key that needs a restart is refused.
    void liveRateChange()
    {
        auto seen = std::make_shared<Seen>();
        const quint16 port = startBackend(seen);
        QJsonObject nodeConfig = config(R"({"mode": "open", "rate": 50, "connections": 10})");
        auto generator = makeGenerator(nodeConfig, {port});
        QString error;
        QVERIFY(generator->start(&error));
        QTest::qWait(1000); // a rate is measured over a fixed second
        const int before = seen->requests;
        QVERIFY2(before >= 40 && before <= 60, qPrintable(QString::number(before)));

        QSignalSpy events(generator.get(), &runtime::Component::eventRaised);
        nodeConfig.insert("rate", 400);
        QVERIFY(generator->applyConfig(nodeConfig));
        QCOMPARE(events.count(), 1);
        QCOMPARE(events.at(0).at(0).toString(), QString("config-applied"));
        QElapsedTimer timer;
        timer.start();
        const int atChange = seen->requests;
        QTest::qWait(1000);
        const double rate = (seen->requests - atChange) * 1000.0 / double(timer.elapsed());
        QVERIFY2(rate >= 320 && rate <= 440, qPrintable(QString::number(rate)));
        QCOMPARE(generator->details().value("target_rate").toDouble(), 400.0);

        QJsonObject restart = nodeConfig;
        restart.insert("connections", 20);
        QVERIFY(!generator->applyConfig(restart));
        nodeConfig.insert("profile", "ramp");
        QVERIFY(generator->applyConfig(nodeConfig));
        QCOMPARE(generator->details().value("profile").toString(), QString("ramp"));
        stop(*generator);
    }

    // The profile shapes the open model's load: requests sent in the first second (or two)
    // at 200 req/s full load with a one-second period.
    void profileShapesTheLoad_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("durationS");
        QTest::addColumn<int>("expected");
        QTest::newRow("constant") << "constant" << 1 << 200;
        QTest::newRow("ramp") << "ramp" << 1 << 100;        // 0 → 200 req/s
        QTest::newRow("steps") << "steps" << 2 << 50 + 100; // 50 req/s, then 100
        QTest::newRow("spike") << "spike" << 1 << 18 + 20;  // 20 req/s, 200 for 0.1 s
    }

    void profileShapesTheLoad()
    {
        QFETCH(QString, profile);
        QFETCH(int, durationS);
        QFETCH(int, expected);
        auto seen = std::make_shared<Seen>();
        const quint16 port = startBackend(seen);
        auto generator = makeGenerator(config(QString(R"({"mode": "open", "rate": 200,
            "connections": 10, "profile": "%1", "profile_period_s": 1, "duration_s": %2})")
                                                  .arg(profile)
                                                  .arg(durationS)
                                                  .toUtf8()),
                                       {port});
        QJsonObject report;
        RUN_UNTIL_FINISHED(*generator, report);
        QVERIFY2(std::abs(seen->requests - expected) <= 2 + expected / 20,
                 qPrintable(QString::number(seen->requests)));
        QCOMPARE(report.value("dropped").toInt(), 0);
    }

    // Closed model with think time: each connection waits between a response and its next
    // request, so two connections with 100 ms think time send about 20 requests a second.
    void thinkTime()
    {
        auto seen = std::make_shared<Seen>();
        const quint16 port = startBackend(seen);
        auto generator = makeGenerator(
            config(R"({"connections": 2, "think_time_ms": 100, "duration_s": 1})"), {port});
        QJsonObject report;
        RUN_UNTIL_FINISHED(*generator, report);
        QVERIFY2(seen->requests >= 16 && seen->requests <= 22,
                 qPrintable(QString::number(seen->requests)));
    }

    void noTarget()
    {
        auto generator = makeGenerator(config(R"({"connections": 2})"), {});
        QVERIFY(generator);
        QSignalSpy events(generator.get(), &runtime::Component::eventRaised);
        QString error;
        QVERIFY(generator->start(&error));
        QVERIFY(events.wait(5000));
        QCOMPARE(events.at(0).at(0).toString(), QString("no-target"));
        QCOMPARE(generator->details().value("state").toString(), QString("no-target"));
        const QJsonObject report = stop(*generator);
        QCOMPARE(report.value("sent").toInt(), 0);
        QVERIFY(summaryText("load", report).contains("no target"));
    }

    void extraTargets_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("loopback") << "http://127.0.0.1:%1"
                                  << "";
        QTest::newRow("localhost without scheme") << "localhost:%1"
                                                  << "";
        QTest::newRow("another host")
            << "http://192.0.2.1:80"
            << "target 'http://192.0.2.1:80' is not http://127.0.0.1:PORT (the traffic "
               "generator only targets this machine)";
    }

    void extraTargets()
    {
        QFETCH(QString, target);
        QFETCH(QString, error);
        auto seen = std::make_shared<Seen>();
        const quint16 port = startBackend(seen);
        QString reason;
        auto generator = makeGenerator(
            config(QString(R"({"connections": 1, "max_requests": 10, "targets": ["%1"]})")
                       .arg(target.contains("%1") ? target.arg(port) : target)
                       .toUtf8()),
            {}, {}, &reason);
        if (!error.isEmpty()) {
            QVERIFY(!generator);
            QCOMPARE(reason, error);
            return;
        }
        QVERIFY2(generator, qPrintable(reason));
        QJsonObject report;
        RUN_UNTIL_FINISHED(*generator, report);
        QCOMPARE(seen->requests.load(), 10);
    }

    void summaryLooksLikeWrk()
    {
        auto seen = std::make_shared<Seen>();
        const quint16 port = startBackend(seen);
        auto generator = makeGenerator(config(R"({"connections": 2, "max_requests": 50})"), {port});
        QJsonObject report;
        RUN_UNTIL_FINISHED(*generator, report);
        const QString text = summaryText("load", report);
        const QStringList lines = text.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QString("load: closed model, 2 connections to web-1"));
        QVERIFY2(lines.value(1).startsWith("  50 requests in "), qPrintable(text));
        QVERIFY2(lines.value(2).contains("min      avg      p50      p90      p99    p99.9"),
                 qPrintable(text));
        QVERIFY2(text.contains("  Requests/sec: "), qPrintable(text));
        QVERIFY2(text.contains("  Status codes: 200 50\n"), qPrintable(text));
        QVERIFY2(
            text.contains("  Errors: connect 0, timeout 0, reset 0, protocol 0, 4xx 0, 5xx 0\n"),
            qPrintable(text));
    }

    // In a Lab the generator's node metrics are the load as the caller saw it, and they equal
    // what the web server it targets counted.
    void labMetricsSeeTheLoad()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir("www"));
        QFile index(dir.filePath("www/index.html"));
        QVERIFY(index.open(QIODevice::WriteOnly) && index.write("hello\n") == 6);
        index.close();
        const ReadResult file = TopologyReader::parse(topology(
            R"([ { "id": "load", "kind": "traffic-generator",
                   "config": { "connections": 4, "max_requests": 500 } },
                 { "id": "web", "kind": "web-server", "config": { "port": 0, "root": "www" } } ])",
            R"([ { "from": "load", "to": "web" } ])"));
        QVERIFY(file.ok());
        runtime::Lab lab(runtime::ComponentFactory::builtIn());
        QVERIFY(lab.start(file.topology, dir.path(), 2));
        QTRY_COMPARE_WITH_TIMEOUT(lab.details("load").value("state").toString(),
                                  QString("finished"), 20000);
        lab.metrics().sampleNow();
        const auto snapshot = lab.metrics().latest();
        const metrics::NodeMetrics *load = snapshot->find("load");
        const metrics::NodeMetrics *web = snapshot->find("web");
        QVERIFY(load && web);
        QCOMPARE(load->requests, quint64(500));
        QCOMPARE(load->responses[2], quint64(500));
        QCOMPARE(load->errorCount, quint64(0));
        QCOMPARE(load->latencyCount, quint64(500));
        QCOMPARE(web->requests, quint64(500));
        QCOMPARE(web->responses[2], quint64(500));
        QCOMPARE(load->bytesIn, web->bytesOut);
        QCOMPARE(load->bytesOut, web->bytesIn);
        QSignalSpy stopped(&lab, &runtime::Lab::stopped);
        lab.stop();
        QVERIFY(stopped.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestTrafficGenerator)
#include "tst_trafficgenerator.moc"
