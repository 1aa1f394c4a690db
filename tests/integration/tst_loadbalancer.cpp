#include "components/loadbalancer/loadbalancer.h"
#include "components/loadbalancer/loadbalancerconfig.h"
#include "httpserver/httpserver.h"
#include "net/eventlooppool.h"

#include "common/testclients.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <memory>
#include <mutex>

// The load-balancer node end to end: real curl (and raw sockets for what curl will not send)
// through the balancer to in-process backends that say who they are and count what reaches
// them, with health checks, ejection, retries, stickiness, queueing, draining and live changes.
using namespace infralab;
using infralab::testing::closedPort;
using infralab::testing::curl;
using infralab::testing::CurlResult;
using namespace infralab::httpserver;
using namespace infralab::loadbalancer;

namespace {

// One backend's switches and counters, shared by its network threads and the test.
struct BackendControl
{
    QByteArray id;
    std::atomic<bool> sick{false};    // the health path answers 500
    std::atomic<bool> failing{false}; // /flaky answers 503
    std::atomic<int> arrivals{0};     // every request but health checks
    std::atomic<int> posts{0};
    std::atomic<int> active{0};
    std::atomic<int> maxActive{0};
};

// The backend: /health for checks, /id answers its id, /echo the request as it arrived,
// /slow?ms=N after N ms, /flaky 503 when failing, /die closes without a byte, /silent never
// answers.
class TestBackend final : public HttpHandler
{
public:
    explicit TestBackend(std::shared_ptr<BackendControl> control)
        : m_control(std::move(control))
    {}

    void handle(HttpExchange &exchange) override
    {
        const auto &request = exchange.request();
        const QByteArray path = request.path.toByteArray();
        if (path == "/health") {
            exchange.begin(m_control->sick ? 500 : 200);
            exchange.send("ok\n");
            return;
        }
        ++m_control->arrivals;
        if (request.method == http::HttpMethod::Post)
            ++m_control->posts;
        const int now = ++m_control->active;
        int seen = m_control->maxActive.load();
        while (now > seen && !m_control->maxActive.compare_exchange_weak(seen, now)) {
        }
        if (path == "/echo") {
            QByteArray text
                = request.methodToken.toByteArray() + ' ' + request.target.toByteArray() + '\n';
            for (const http::HttpField &f : request.fields)
                text += f.name.toByteArray() + ": " + f.value.toByteArray() + '\n';
            reply(exchange, 200, text);
        } else if (path == "/slow") {
            const int ms = request.query.toByteArray().mid(3).toInt();
            auto alive = std::make_shared<bool>(true);
            exchange.setOnCancelled([alive, control = m_control] {
                *alive = false;
                --control->active;
            });
            QTimer::singleShot(ms, [this, &exchange, alive] {
                if (*alive)
                    reply(exchange, 200, m_control->id + " slow\n");
            });
        } else if (path == "/flaky" && m_control->failing) {
            reply(exchange, 503, "failing\n");
        } else if (path == "/die") {
            --m_control->active;
            exchange.abort(); // closes after reading the request, not a byte answered
        } else if (path == "/silent") {
            exchange.setOnCancelled([control = m_control] { --control->active; });
        } else {
            reply(exchange, 200, m_control->id + '\n');
        }
    }

private:
    void reply(HttpExchange &exchange, int status, const QByteArray &body)
    {
        --m_control->active;
        exchange.setOnCancelled(nullptr);
        exchange.begin(status).add("Content-Type", "text/plain").add("X-Backend", m_control->id);
        exchange.send(body);
    }

    std::shared_ptr<BackendControl> m_control;
};

// Events from any thread, in order.
struct EventLog
{
    std::mutex mutex;
    QStringList types;
    QStringList messages;

    EventSink sink()
    {
        return [this](const QString &type, const QString &message) {
            std::lock_guard lock(mutex);
            types.append(type);
            messages.append(message);
        };
    }
    int count(const QString &type)
    {
        std::lock_guard lock(mutex);
        return int(types.count(type));
    }
    QString lastMessage(const QString &type)
    {
        std::lock_guard lock(mutex);
        for (qsizetype i = types.size() - 1; i >= 0; --i) {
            if (types.at(i) == type)
                return messages.at(i);
        }
        return {};
    }
};

QByteArray header(const QByteArray &response, const QByteArray &name)
{
    for (const QByteArray &line : response.split('\n')) {
        if (line.toLower().startsWith(name.toLower() + ": "))
            return line.mid(name.size() + 2).trimmed();
    }
    return "-";
}

QByteArray bodyOf(const QByteArray &response)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : response.mid(end + 4);
}

// Raw bytes to the balancer; everything it answers until it closes (or 5 s pass).
QByteArray rawExchange(quint16 port, const QByteArray &bytes)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(3000))
        return "not connected";
    socket.write(bytes);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
        socket.waitForReadyRead(200);
        answer += socket.readAll();
    }
    return answer + socket.readAll();
}

} // namespace

class TestLoadBalancer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<net::EventLoopPool> m_pool;
    std::vector<std::shared_ptr<BackendControl>> m_controls;
    std::vector<std::unique_ptr<HttpServer>> m_backends;
    std::unique_ptr<EventLog> m_events;
    std::unique_ptr<LoadBalancer> m_lb;
    std::unique_ptr<HttpServer> m_front;
    QString m_url;

    static void stop(std::unique_ptr<HttpServer> &server)
    {
        if (server && server->isListening()) {
            QSignalSpy stopped(server.get(), &HttpServer::stopped);
            server->stop();
            QVERIFY(stopped.wait(10000));
        }
        server.reset();
    }

    // Backends web-1 … web-n.
    QList<BackendLink> startBackends(int n, QList<LinkSettings> settings = {})
    {
        QList<BackendLink> links;
        for (int i = 0; i < n; ++i) {
            auto control = std::make_shared<BackendControl>();
            control->id = "web-" + QByteArray::number(i + 1);
            auto server = std::make_unique<HttpServer>(*m_pool, HttpServerOptions{}, [control] {
                return std::make_unique<TestBackend>(control);
            });
            QString error;
            if (!server->listen(0, &error))
                qFatal("listen: %s", qPrintable(error));
            links.append({QString::fromLatin1(control->id), server->port(),
                          i < settings.size() ? settings.at(i) : LinkSettings{}});
            m_controls.push_back(control);
            m_backends.push_back(std::move(server));
        }
        return links;
    }
    LoadBalancerConfig configFrom(QJsonObject json)
    {
        json.insert("port", 0);
        if (!json.contains("health_check_path"))
            json.insert("health_check_path", "/health");
        if (!json.contains("health_check_interval_ms"))
            json.insert("health_check_interval_ms", 100);
        return LoadBalancerConfig::fromJson(json);
    }
    void startBalancer(const QJsonObject &json, const QList<BackendLink> &links)
    {
        const LoadBalancerConfig config = configFrom(json);
        m_events = std::make_unique<EventLog>();
        m_lb = std::make_unique<LoadBalancer>(config, links, m_events->sink());
        m_front
            = std::make_unique<HttpServer>(*m_pool, config.serverOptions, m_lb->handlerFactory());
        QString error;
        if (!m_front->listen(0, &error))
            qFatal("listen: %s", qPrintable(error));
        m_lb->startHealthChecks(m_pool->thread(0));
        m_url = QStringLiteral("http://127.0.0.1:%1").arg(m_front->port());
    }
    // One curl run of `count` GETs of `path`; the bodies (backend ids) in order.
    QList<QByteArray> ids(int count, const QString &path = "/id", const QStringList &extra = {})
    {
        QStringList args{"-sS"};
        args += extra;
        for (int i = 0; i < count; ++i)
            args << m_url + path;
        const CurlResult r = curl(args);
        if (r.exitCode != 0)
            return {"curl failed: " + r.err};
        QList<QByteArray> out = r.out.split('\n');
        out.removeAll(QByteArray());
        return out;
    }
    int status(const QString &path, const QStringList &extra = {})
    {
        const CurlResult r = curl(QStringList{"-sS", "-o", "/dev/null", "-w", "%{http_code}"}
                                  + extra + QStringList{m_url + path});
        return r.out.toInt();
    }
    QJsonObject statsJson()
    {
        const CurlResult r = curl({"-sS", m_url + "/infralab/stats?format=json"});
        return QJsonDocument::fromJson(r.out).object();
    }
    QString stateOf(const QString &id)
    {
        for (const QJsonValue &b : m_lb->stats().value("backends").toArray()) {
            if (b.toObject().value("id").toString() == id)
                return b.toObject().value("state").toString();
        }
        return "absent";
    }
    // curl started in the background (a request that stays in flight while the test goes on).
    std::unique_ptr<QProcess> curlInBackground(const QStringList &arguments)
    {
        auto process = std::make_unique<QProcess>();
        process->start("curl", arguments);
        process->waitForStarted();
        return process;
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        m_pool = std::make_unique<net::EventLoopPool>(2);
    }
    void cleanup()
    {
        stop(m_front);
        m_lb.reset();
        for (auto &backend : m_backends)
            stop(backend);
        m_backends.clear();
        m_controls.clear();
    }

    // ---- balancing ------------------------------------------------------------------

    void spreadsByWeight_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<QList<int>>("weights");
        QTest::addColumn<QList<int>>("expected"); // of 60 requests
        QTest::newRow("round-robin 1:1:1")
            << "round-robin" << QList<int>{1, 1, 1} << QList<int>{20, 20, 20};
        QTest::newRow("round-robin 3:2:1")
            << "round-robin" << QList<int>{3, 2, 1} << QList<int>{30, 20, 10};
        QTest::newRow("weight 0 takes nothing")
            << "round-robin" << QList<int>{1, 0, 1} << QList<int>{30, 0, 30};
        QTest::newRow("least-connections, one at a time: by weight")
            << "least-connections" << QList<int>{1, 2, 3} << QList<int>{10, 20, 30};
        QTest::newRow("first") << "first" << QList<int>{1, 1, 1} << QList<int>{60, 0, 0};
    }
    void spreadsByWeight()
    {
        QFETCH(QString, algorithm);
        QFETCH(QList<int>, weights);
        QFETCH(QList<int>, expected);
        QList<LinkSettings> settings;
        for (int w : weights)
            settings.append({w, false, 0});
        startBalancer({{"algorithm", algorithm}}, startBackends(3, settings));
        const QList<QByteArray> got = ids(60);
        QCOMPARE(got.size(), 60);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(int(got.count("web-" + QByteArray::number(i + 1))), expected.at(i));
    }

    void uriHashIsStickyPerPath()
    {
        startBalancer({{"algorithm", "uri-hash"}}, startBackends(3));
        for (int n = 0; n < 6; ++n) {
            const QString path = QStringLiteral("/item/%1").arg(n);
            const QList<QByteArray> got = ids(5, path + "?v=" + QString::number(n));
            QCOMPARE(got.size(), 5);
            QCOMPARE(int(got.count(got.first())), 5);
        }
    }

    // ---- health ---------------------------------------------------------------------

    // HAProxy timing: down after `fall` failed checks, up after `rise` passed ones; no
    // traffic to a down backend meanwhile.
    void healthCheckDownAndUp()
    {
        startBalancer({{"fall", 3}, {"rise", 2}, {"health_check_interval_ms", 150}},
                      startBackends(3));
        QTRY_VERIFY(m_lb->stats()
                        .value("backends")
                        .toArray()
                        .at(1)
                        .toObject()
                        .value("last_check")
                        .isObject());
        QElapsedTimer timer;
        timer.start();
        m_controls[1]->sick = true;
        QTRY_COMPARE_WITH_TIMEOUT(m_events->count("health-down"), 1, 5000);
        const qint64 downAfter = timer.elapsed();
        QVERIFY2(downAfter >= 2 * 150 && downAfter < 3 * 150 + 1500,
                 qPrintable(QString::number(downAfter)));
        QVERIFY2(m_events->lastMessage("health-down")
                     .startsWith("web-2 is DOWN, reason: HTTP 500, check duration: "),
                 qPrintable(m_events->lastMessage("health-down")));
        QVERIFY(
            m_events->lastMessage("health-down").endsWith("2 active and 0 backup backends left."));
        QCOMPARE(stateOf("web-2"), QString("down"));
        const int before = m_controls[1]->arrivals;
        const QList<QByteArray> got = ids(20);
        QCOMPARE(got.size(), 20);
        QCOMPARE(int(got.count("web-2")), 0);
        QCOMPARE(m_controls[1]->arrivals.load(), before);

        timer.restart();
        m_controls[1]->sick = false;
        QTRY_COMPARE_WITH_TIMEOUT(m_events->count("health-up"), 1, 5000);
        const qint64 upAfter = timer.elapsed();
        QVERIFY2(upAfter >= 150 && upAfter < 2 * 150 + 1500, qPrintable(QString::number(upAfter)));
        QCOMPARE(stateOf("web-2"), QString("up"));
        QVERIFY(ids(30).contains("web-2"));
    }

    // A backend that stops: new requests fail over at once (connect refused is retried on
    // another backend), so clients see no error, and checks mark it down within fall × inter.
    void stoppedBackendNoClientErrors()
    {
        startBalancer({{"fall", 2}, {"health_check_interval_ms", 200}}, startBackends(3));
        QCOMPARE(ids(6).size(), 6);
        stop(m_backends[2]);
        QStringList args{"-sS", "-o", "/dev/null", "-w", "%{http_code}\\n"};
        for (int i = 0; i < 30; ++i)
            args << "-o"
                 << "/dev/null" << m_url + "/id";
        const CurlResult r = curl(args);
        QCOMPARE(r.out, QByteArray("200\n").repeated(30));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf("web-3"), QString("down"), 5000);
        QVERIFY(m_events->lastMessage("health-down").contains("connect failed"));
    }

    void backupsOnlyWhenNoPrimaryIsUp()
    {
        startBalancer({{"fall", 1}, {"rise", 1}},
                      startBackends(3, {{1, false, 0}, {1, false, 0}, {1, true, 0}}));
        QList<QByteArray> got = ids(20);
        QCOMPARE(got.count("web-3"), 0);
        m_controls[0]->sick = true;
        QTRY_COMPARE(stateOf("web-1"), QString("down"));
        QCOMPARE(ids(10), QList<QByteArray>(10, "web-2")); // one primary left: no backup yet
        m_controls[1]->sick = true;
        QTRY_COMPARE(stateOf("web-2"), QString("down"));
        QCOMPARE(ids(10), QList<QByteArray>(10, "web-3"));
        m_controls[0]->sick = false;
        QTRY_COMPARE(stateOf("web-1"), QString("up"));
        QCOMPARE(ids(10), QList<QByteArray>(10, "web-1"));
    }

    // Envoy consecutive_5xx: a backend answering 503 is ejected, traffic avoids it, and it
    // returns after eject_base_time_ms.
    void passiveEjection()
    {
        startBalancer(
            {{"eject_consecutive_5xx", 3}, {"eject_base_time_ms", 1500}, {"eject_max_percent", 50}},
            startBackends(3));
        m_controls[0]->failing = true;
        QStringList args{"-sS", "-o", "/dev/null", "-w", "%{http_code}\\n"};
        for (int i = 0; i < 12; ++i)
            args << "-o"
                 << "/dev/null" << m_url + "/flaky";
        const CurlResult r = curl(args);
        QCOMPARE(r.out.count("503"), 3); // three 503s, then web-1 is out
        QCOMPARE(m_events->count("ejected"), 1);
        QVERIFY(m_events->lastMessage("ejected").startsWith("web-1 ejected after 3 consecutive"));
        QCOMPARE(stateOf("web-1"), QString("ejected"));
        const int before = m_controls[0]->arrivals;
        QCOMPARE(ids(10).count("web-1"), 0);
        QCOMPARE(m_controls[0]->arrivals.load(), before);
        QTRY_COMPARE_WITH_TIMEOUT(m_events->count("returned"), 1, 5000);
        QCOMPARE(stateOf("web-1"), QString("up"));
        QVERIFY(ids(9).contains("web-1"));
    }

    // ---- failures and retries --------------------------------------------------------

    // A backend that dies with the request sent: a POST is never replayed (one arrival);
    // a GET is retried on the next backend (RFC 9112 §9.3.1).
    void noPostReplay()
    {
        startBalancer({}, startBackends(2));
        CurlResult r = curl(
            {"-sS", "-o", "/dev/null", "-w", "%{http_code}", "--data", "x=1", m_url + "/die"});
        QCOMPARE(r.out, QByteArray("502"));
        QCOMPARE(m_controls[0]->posts + m_controls[1]->posts, 1);
        r = curl({"-sS", "-o", "/dev/null", "-w", "%{http_code}", m_url + "/die"});
        QCOMPARE(r.out, QByteArray("502"));
        QCOMPARE(m_controls[0]->arrivals + m_controls[1]->arrivals, 3); // POST once, GET twice
    }

    // `retries` further attempts after refused connections, each on another backend: with
    // four refusing backends first in line, four retries reach the live fifth one.
    void retriesBounded_data()
    {
        QTest::addColumn<int>("retries");
        QTest::addColumn<int>("status");
        QTest::newRow("retries 0") << 0 << 502;
        QTest::newRow("retries 3") << 3 << 502;
        QTest::newRow("retries 4") << 4 << 200;
    }
    void retriesBounded()
    {
        QFETCH(int, retries);
        QFETCH(int, status);
        QList<BackendLink> links;
        for (int i = 0; i < 4; ++i)
            links.append({QStringLiteral("dead-%1").arg(i), closedPort(), {}});
        links += startBackends(1);
        startBalancer(
            {{"algorithm", "first"}, {"retries", retries}, {"health_check_interval_ms", 60000}},
            links);
        QCOMPARE(this->status("/id"), status);
        int failures = 0;
        for (const QJsonValue &b : m_lb->stats().value("backends").toArray())
            failures += b.toObject().value("failures").toInt();
        QCOMPARE(failures, std::min(retries + 1, 4));
    }

    void statuses_data()
    {
        QTest::addColumn<int>("backends"); // 0 none, -1 refused, 1 a live one
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("bodyPart");
        QTest::newRow("no backend → 503")
            << 0 << "/" << 503 << QByteArray("No server is available");
        QTest::newRow("refused → 502") << -1 << "/" << 502 << QByteArray("502");
        QTest::newRow("no answer → 504") << 1 << "/silent" << 504 << QByteArray("504");
    }
    void statuses()
    {
        QFETCH(int, backends);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QByteArray, bodyPart);
        QList<BackendLink> links;
        if (backends < 0)
            links.append({"dead", closedPort(), {}});
        else if (backends > 0)
            links = startBackends(1);
        startBalancer({{"response_timeout_ms", 500}, {"health_check_interval_ms", 60000}}, links);
        const CurlResult r = curl({"-sS", "-i", m_url + path});
        QCOMPARE(r.out.mid(9, 3).toInt(), status);
        QVERIFY2(bodyOf(r.out).contains(bodyPart), r.out.constData());
    }

    void allDownGives503()
    {
        startBalancer({{"fall", 1}}, startBackends(2));
        m_controls[0]->sick = true;
        m_controls[1]->sick = true;
        QTRY_COMPARE(m_events->count("health-down"), 2);
        const CurlResult r = curl({"-sS", "-i", m_url + "/id"});
        QVERIFY(r.out.startsWith("HTTP/1.1 503"));
        QCOMPARE(header(r.out, "Cache-Control"), QByteArray("no-cache"));
        QCOMPARE(bodyOf(r.out), QByteArray("<html><body><h1>503 Service Unavailable</h1>\nNo "
                                           "server is available to handle this request.\n"
                                           "</body></html>\n"));
        QCOMPARE(m_controls[0]->arrivals + m_controls[1]->arrivals, 0);
    }

    // ---- what passes through ---------------------------------------------------------

    void headerHygiene()
    {
        startBalancer({{"sticky_cookie", "SRV"}}, startBackends(1));
        const CurlResult r = curl({"-sS", "-H", "Connection: X-Secret", "-H", "X-Secret: s", "-H",
                                   "X-Forwarded-For: 10.0.0.9", "-H", "Keep-Alive: 300", "-H",
                                   "Proxy-Authorization: Basic eDp5", "-H", "X-Real-IP: 6.6.6.6",
                                   "-H", "Cookie: a=1; SRV=web-1; b=2", m_url + "/echo?q=%0d%0a"});
        QCOMPARE(r.exitCode, 0);
        const QByteArray &out = r.out;
        QVERIFY2(out.startsWith("GET /echo?q=%0d%0a\n"), out.constData());
        QVERIFY(out.contains("\nX-Forwarded-For: 10.0.0.9, 127.0.0.1\n"));
        QVERIFY(out.contains("\nX-Real-IP: 127.0.0.1\n"));
        QVERIFY(out.contains("\nVia: 1.1 infralab\n"));
        QVERIFY2(out.contains("\nCookie: a=1; b=2\n"), out.constData()); // ours is stripped
        QVERIFY(!out.contains("6.6.6.6"));
        for (const char *gone : {"X-Secret", "Keep-Alive", "Proxy-Authorization", "Connection:"})
            QVERIFY2(!out.contains(QByteArray("\n") + gone), gone);
    }

    void smugglingDiesAtTheBalancer_data()
    {
        QTest::addColumn<QByteArray>("request");
        const QByteArray tail = "GET /echo HTTP/1.1\r\nHost: x\r\n\r\n";
        QTest::newRow("CL + TE") << "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                                        + tail;
        QTest::newRow("duplicate CL") << "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                         "Content-Length: 44\r\n\r\nhello"
                                             + tail;
        QTest::newRow("TE not chunked last") << "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                                "Transfer-Encoding: chunked, identity\r\n\r\n"
                                                "0\r\n\r\n"
                                                    + tail;
        QTest::newRow("space before colon") << "GET /echo HTTP/1.1\r\nHost : x\r\n\r\n" + tail;
    }
    void smugglingDiesAtTheBalancer()
    {
        QFETCH(QByteArray, request);
        startBalancer({}, startBackends(2));
        const QByteArray answer = rawExchange(m_front->port(), request);
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
        QCOMPARE(answer.count("HTTP/1.1"), 1); // nothing after the 400: the connection closed
        QCOMPARE(m_controls[0]->arrivals + m_controls[1]->arrivals, 0);
    }

    // ---- sessions, queues, draining ----------------------------------------------------

    // HAProxy `cookie SRV insert`: the first answer names the backend; requests carrying it go
    // there while it is up; when it is down they are rebalanced and get a new cookie.
    void stickySessions()
    {
        startBalancer({{"sticky_cookie", "SRV"}, {"fall", 1}}, startBackends(3));
        CurlResult r = curl({"-sS", "-i", m_url + "/id"});
        const QByteArray setCookie = header(r.out, "Set-Cookie");
        QVERIFY2(setCookie.startsWith("SRV=web-"), r.out.constData());
        QCOMPARE(setCookie.mid(4, 5), bodyOf(r.out).trimmed());
        QCOMPARE(header(r.out, "Cache-Control"), QByteArray("private"));
        const QByteArray id = setCookie.mid(4, 5);
        const QStringList withCookie{"-H", "Cookie: SRV=" + QString::fromLatin1(id)};
        QCOMPARE(ids(12, "/id", withCookie), QList<QByteArray>(12, id));
        r = curl(QStringList{"-sS", "-i"} + withCookie + QStringList{m_url + "/id"});
        QCOMPARE(header(r.out, "Set-Cookie"), QByteArray("-")); // already has it
        // Unknown values are rebalanced like no cookie.
        QCOMPARE(ids(3, "/id", {"-H", "Cookie: SRV=nonsense"}).size(), 3);

        const int index = id.back() - '1';
        m_controls[size_t(index)]->sick = true;
        QTRY_COMPARE(stateOf(QString::fromLatin1(id)), QString("down"));
        r = curl(QStringList{"-sS", "-i"} + withCookie + QStringList{m_url + "/id"});
        QVERIFY(bodyOf(r.out).trimmed() != id);
        QCOMPARE(header(r.out, "Set-Cookie"), "SRV=" + bodyOf(r.out).trimmed() + "; Path=/");
    }

    // max_connections with a queue: waiting requests get the slot in turn; past
    // queue_timeout_ms they get 503.
    void queueing()
    {
        startBalancer({{"queue_timeout_ms", 5000}}, startBackends(1, {{1, false, 1}}));
        std::vector<std::unique_ptr<QProcess>> clients;
        for (int i = 0; i < 3; ++i)
            clients.push_back(curlInBackground(
                {"-sS", "-o", "/dev/null", "-w", "%{http_code}", m_url + "/slow?ms=300"}));
        for (auto &c : clients) {
            QVERIFY(c->waitForFinished(10000));
            QCOMPARE(c->readAllStandardOutput(), QByteArray("200"));
        }
        QCOMPARE(m_controls[0]->maxActive.load(), 1);
        QCOMPARE(m_controls[0]->arrivals.load(), 3);
    }
    void queueTimeoutGives503()
    {
        startBalancer({{"queue_timeout_ms", 300}}, startBackends(1, {{1, false, 1}}));
        auto slow = curlInBackground(
            {"-sS", "-o", "/dev/null", "-w", "%{http_code}", m_url + "/slow?ms=2500"});
        QTRY_COMPARE(m_controls[0]->arrivals.load(), 1);
        QElapsedTimer timer;
        timer.start();
        const CurlResult r = curl({"-sS", "-i", m_url + "/id"});
        QVERIFY2(r.out.startsWith("HTTP/1.1 503"), r.out.constData());
        QVERIFY(bodyOf(r.out).contains("queue timeout"));
        QVERIFY2(timer.elapsed() >= 250 && timer.elapsed() < 2000,
                 qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_controls[0]->arrivals.load(), 1);
        QVERIFY(slow->waitForFinished(10000));
        QCOMPARE(slow->readAllStandardOutput(), QByteArray("200"));
    }

    // A backend leaving the pool finishes its slow in-flight request; new ones go elsewhere.
    void drainingFinishesInFlight()
    {
        const QList<BackendLink> links = startBackends(2);
        startBalancer({{"algorithm", "first"}}, links);
        auto slow = curlInBackground({"-sS", m_url + "/slow?ms=1200"});
        QTRY_COMPARE(m_controls[0]->arrivals.load(), 1);
        m_lb->setBackends({links.at(1)});
        QCOMPARE(m_events->count("draining"), 1);
        QCOMPARE(stateOf("web-1"), QString("draining"));
        QCOMPARE(ids(5), QList<QByteArray>(5, "web-2"));
        QVERIFY(slow->waitForFinished(10000));
        QCOMPARE(slow->exitCode(), 0);
        QCOMPARE(slow->readAllStandardOutput(), QByteArray("web-1 slow\n"));
        QTRY_COMPARE(m_events->count("drained"), 1);
        QCOMPARE(stateOf("web-1"), QString("absent"));
        // And back: it joins with an event and takes traffic again.
        m_lb->setBackends(links);
        QCOMPARE(m_events->count("added"), 1);
        QCOMPARE(ids(3), QList<QByteArray>(3, "web-1"));
    }

    // ---- live changes and the stats page ----------------------------------------------

    void liveAlgorithmChange()
    {
        startBalancer({}, startBackends(3));
        QCOMPARE(ids(6).count("web-1"), 2);
        QJsonObject changed{{"algorithm", "first"}};
        QVERIFY(m_lb->applyConfig(configFrom(changed)));
        QCOMPARE(ids(6), QList<QByteArray>(6, "web-1"));
        QCOMPARE(m_events->lastMessage("config-applied"), QString("algorithm is now first"));
        // Weights live too.
        QList<BackendLink> links;
        for (const QJsonValue &b : m_lb->stats().value("backends").toArray())
            links.append({b.toObject().value("id").toString(),
                          quint16(b.toObject().value("port").toInt()),
                          {1, false, 0}});
        links[0].settings.weight = 0;
        m_lb->setBackends(links);
        QCOMPARE(ids(4), QList<QByteArray>(4, "web-2"));
        // The listener's settings need a restart.
        changed.insert("connect_timeout_ms", 1234);
        QVERIFY(!m_lb->applyConfig(configFrom(changed)));
    }

    void statsPage()
    {
        startBalancer({}, startBackends(2));
        QCOMPARE(ids(4).size(), 4);
        QTRY_VERIFY(
            !statsJson().value("backends").toArray().at(1).toObject().value("last_check").isNull());
        const QJsonObject json = statsJson();
        QCOMPARE(json.value("algorithm").toString(), QString("round-robin"));
        const QJsonArray backends = json.value("backends").toArray();
        QCOMPARE(backends.size(), 2);
        for (const QJsonValue &value : backends) {
            const QJsonObject b = value.toObject();
            QCOMPARE(b.value("state").toString(), QString("up"));
            QCOMPARE(b.value("requests").toInt(), 2);
            QCOMPARE(b.value("failures").toInt(), 0);
            QCOMPARE(b.value("weight").toInt(), 1);
            QCOMPARE(b.value("last_check").toObject().value("result").toString(),
                     QString("HTTP 200"));
            QVERIFY(b.value("time_in_state_ms").toDouble() >= 0);
        }
        // Accept: application/json gives the same; a browser gets HTML.
        CurlResult r
            = curl({"-sS", "-i", "-H", "Accept: application/json", m_url + "/infralab/stats"});
        QCOMPARE(header(r.out, "Content-Type"), QByteArray("application/json"));
        QVERIFY(QJsonDocument::fromJson(bodyOf(r.out)).isObject());
        r = curl({"-sS", "-i", m_url + "/infralab/stats"});
        QCOMPARE(header(r.out, "Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(r.out.contains("<h1>Load balancer statistics</h1>"));
        QVERIFY(r.out.contains("<td>web-1</td>") && r.out.contains("<td>web-2</td>"));
        // Never forwarded, and the same data as details().
        QCOMPARE(m_controls[0]->arrivals + m_controls[1]->arrivals, 4);
        QCOMPARE(m_lb->stats().value("backends").toArray().size(), 2);
        QCOMPARE(status("/infralab/stats", {"-X", "POST"}), 405);
    }
    void statsPathConfigurable()
    {
        startBalancer({{"stats_path", "/lbstats"}}, startBackends(1));
        QCOMPARE(status("/infralab/stats"), 200); // forwarded now: the backend answers
        QCOMPARE(m_controls[0]->arrivals.load(), 1);
        QVERIFY(curl({"-sS", m_url + "/lbstats"}).out.contains("web-1"));
        QCOMPARE(m_controls[0]->arrivals.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLoadBalancer)
#include "tst_loadbalancer.moc"
