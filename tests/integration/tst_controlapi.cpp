#include "control/controlapi.h"
#include "control/controlserver.h"
#include "metrics/metricscollector.h"
#include "model/topology.h"
#include "runtime/component.h"
#include "runtime/lab.h"

#include "common/testclients.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

// The control API end to end: a Lab of real web servers, the ControlServer on 127.0.0.1 and
// real curl as the client. Every endpoint, bad input (methods, JSON, ids, query), the Host
// guard, Prometheus text checked by promtool when it is installed, and metric totals that must
// equal exactly what curl sent.
using namespace infralab;
using infralab::testing::curl;

namespace {

struct Http
{
    int status = 0;
    QByteArray headers;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// One request with curl; `extra` are more curl arguments (-X, -H, --data …).
Http request(const QString &url, const QStringList &extra = {})
{
    const QString marker = "\n--status--";
    const auto result
        = curl(QStringList{"-s", "-D", "-", "--max-time", "10", "-w", marker + "%{http_code}"}
               + extra + QStringList{url});
    Http http;
    const qsizetype at = result.out.lastIndexOf(marker.toUtf8());
    if (result.exitCode != 0 || at < 0)
        return http;
    http.status = result.out.mid(at + marker.size()).toInt();
    const QByteArray response = result.out.left(at);
    const qsizetype split = response.indexOf("\r\n\r\n");
    http.headers = response.left(split);
    http.body = response.mid(split + 4);
    return http;
}

QByteArray headerValue(const QByteArray &headers, const QByteArray &name)
{
    for (const QByteArray &line : headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

class TestControlApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_site.isValid());
        QFile index(m_site.filePath("index.html"));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("hello");
        index.close();
    }

    void init()
    {
        Topology topology;
        for (const QString id : {"web-1", "web-2"}) {
            Node node;
            node.id = id;
            node.kind = "web-server";
            node.config = QJsonObject{{"port", 0}, {"root", m_site.path()}};
            topology.nodes.append(node);
        }
        Node db;
        db.id = "db";
        db.kind = "database";
        topology.nodes.append(db);
        m_lab = std::make_unique<runtime::Lab>(runtime::ComponentFactory::builtIn());
        m_lab->start(topology, m_site.path(), 2);
        QCOMPARE(m_lab->state("web-1"), runtime::NodeState::Running);
        m_server = std::make_unique<control::ControlServer>(*m_lab);
        QString error;
        QVERIFY2(m_server->listen(0, &error), qPrintable(error));
        m_api = m_server->url();
    }

    void cleanup()
    {
        m_server.reset();
        m_lab.reset();
    }

    void listsEveryNode()
    {
        const Http http = request(m_api + "/api/v1/nodes");
        QCOMPARE(http.status, 200);
        QCOMPARE(headerValue(http.headers, "Content-Type"), QByteArray("application/json"));
        const QJsonArray nodes = http.json().value("nodes").toArray();
        QCOMPARE(nodes.size(), 3);
        QCOMPARE(nodes.at(0)["id"].toString(), QString("web-1"));
        QCOMPARE(nodes.at(0)["kind"].toString(), QString("web-server"));
        QCOMPARE(nodes.at(0)["state"].toString(), QString("running"));
        QCOMPARE(nodes.at(0)["url"].toString(), m_lab->component("web-1")->url());
        for (const char *key :
             {"qps", "requests", "errors", "p50_ms", "p90_ms", "p99_ms", "active_connections"})
            QVERIFY2(nodes.at(0).toObject().contains(key), key);
        QCOMPARE(nodes.at(2)["state"].toString(), QString("skipped"));
        QCOMPARE(nodes.at(2)["reason"].toString(),
                 QString("database nodes are not implemented yet"));
    }

    // Live numbers: requests to web-1 show up as its requests and a current QPS.
    void showsLiveStats()
    {
        const QString web = m_lab->component("web-1")->url();
        for (int i = 0; i < 20; ++i)
            QCOMPARE(curl({"-s", "-o", "/dev/null", web + "/"}).exitCode, 0);
        QJsonObject node;
        QTRY_VERIFY_WITH_TIMEOUT(
            (node = request(m_api + "/api/v1/nodes/web-1").json(), node["requests"].toInt() == 20),
            5000);
        QCOMPARE(node["responses"].toObject()["2xx"].toInt(), 20);
        QVERIFY2(node["qps"].toDouble() > 0, qPrintable(QJsonDocument(node).toJson()));
        QVERIFY(node["p99_ms"].toDouble() >= 0);
        QCOMPARE(request(m_api + "/api/v1/nodes/web-2").json()["requests"].toInt(), 0);
    }

    // Stop, start and restart one node; each shows in its state and in the events.
    void nodeActions()
    {
        const quint16 port = m_lab->component("web-2")->port();
        Http http = request(m_api + "/api/v1/nodes/web-2/stop", {"-X", "POST"});
        QCOMPARE(http.status, 202);
        QCOMPARE(http.json()["action"].toString(), QString("stop"));
        QTRY_COMPARE_WITH_TIMEOUT(request(m_api + "/api/v1/nodes/web-2").json()["state"].toString(),
                                  QString("stopped"), 10000);
        QCOMPARE(
            curl({"-s", "-o", "/dev/null", QString("http://127.0.0.1:%1/").arg(port)}).exitCode,
            7); // connection refused
        http = request(m_api + "/api/v1/nodes/web-2/stop", {"-X", "POST"});
        QCOMPARE(http.status, 409);
        QCOMPARE(http.json()["error"].toObject()["message"].toString(),
                 QString("web-2 is stopped"));

        http = request(m_api + "/api/v1/nodes/web-2/start", {"-X", "POST", "--data", "{}"});
        QCOMPARE(http.status, 200);
        QCOMPARE(http.json()["state"].toString(), QString("running"));
        QCOMPARE(http.json()["url"].toString(), QString("http://127.0.0.1:%1").arg(port));

        http = request(m_api + "/api/v1/nodes/web-2/restart", {"-X", "POST"});
        QCOMPARE(http.status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(request(m_api + "/api/v1/nodes/web-2").json()["state"].toString(),
                                  QString("running"), 10000);

        QStringList seen;
        for (const QJsonValue &event :
             request(m_api + "/api/v1/events").json()["events"].toArray()) {
            if (event["node"].toString() == "web-2")
                seen.append(event["type"].toString());
        }
        QCOMPARE(seen, (QStringList{"starting", "running", "stopping", "stopped", "starting",
                                    "running", "stopping", "stopped", "starting", "running"}));

        http = request(m_api + "/api/v1/nodes/db/start", {"-X", "POST"});
        QCOMPARE(http.status, 409);
        QCOMPARE(http.json()["error"].toObject()["message"].toString(),
                 QString("database nodes are not implemented yet"));
    }

    void eventsSince()
    {
        const QJsonObject all = request(m_api + "/api/v1/events?since=0").json();
        const QJsonArray events = all["events"].toArray();
        QVERIFY(events.size() >= 5);
        for (int i = 1; i < events.size(); ++i)
            QCOMPARE(events.at(i)["sequence"].toInteger(),
                     events.at(i - 1)["sequence"].toInteger() + 1);
        QCOMPARE(all["last"].toInteger(), events.last()["sequence"].toInteger());
        QVERIFY(!events.first()["time"].toString().isEmpty());
        const qint64 last = all["last"].toInteger();
        QVERIFY(request(m_api + QString("/api/v1/events?since=%1").arg(last))
                    .json()["events"]
                    .toArray()
                    .isEmpty());
        const QJsonArray tail = request(m_api + QString("/api/v1/events?since=%1").arg(last - 2))
                                    .json()["events"]
                                    .toArray();
        QCOMPARE(tail.size(), 2);
        QCOMPARE(tail.first()["sequence"].toInteger(), last - 1);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("curlArguments");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("allow");

        QTest::newRow("DELETE on the node list")
            << "/api/v1/nodes" << QStringList{"-X", "DELETE"} << 405 << QByteArray("GET, HEAD");
        QTest::newRow("POST on a node")
            << "/api/v1/nodes/web-1" << QStringList{"-X", "POST"} << 405 << QByteArray("GET, HEAD");
        QTest::newRow("GET on an action")
            << "/api/v1/nodes/web-1/stop" << QStringList{} << 405 << QByteArray("POST");
        QTest::newRow("PUT on /metrics")
            << "/metrics" << QStringList{"-X", "PUT"} << 405 << QByteArray("GET, HEAD");
        QTest::newRow("malformed JSON body")
            << "/api/v1/nodes/web-1/restart" << QStringList{"-X", "POST", "--data", "{nope"} << 400
            << QByteArray();
        QTest::newRow("JSON array body")
            << "/api/v1/nodes/web-1/restart" << QStringList{"-X", "POST", "--data", "[1]"} << 400
            << QByteArray();
        QTest::newRow("unknown node")
            << "/api/v1/nodes/web-9" << QStringList{} << 404 << QByteArray();
        QTest::newRow("unknown node's action")
            << "/api/v1/nodes/web-9/stop" << QStringList{"-X", "POST"} << 404 << QByteArray();
        QTest::newRow("unknown action")
            << "/api/v1/nodes/web-1/explode" << QStringList{"-X", "POST"} << 404 << QByteArray();
        QTest::newRow("unknown path") << "/api/v2/nodes" << QStringList{} << 404 << QByteArray();
        QTest::newRow("since is no number")
            << "/api/v1/events?since=soon" << QStringList{} << 400 << QByteArray();
        QTest::newRow("since is negative")
            << "/api/v1/events?since=-1" << QStringList{} << 400 << QByteArray();
        // DNS rebinding: a page on another name that resolves to 127.0.0.1.
        QTest::newRow("foreign Host")
            << "/api/v1/nodes" << QStringList{"-H", "Host: evil.example"} << 403 << QByteArray();
        QTest::newRow("foreign Host with port")
            << "/api/v1/nodes" << QStringList{"-H", "Host: evil.example:7070"} << 403
            << QByteArray();
        QTest::newRow("loopback-looking name")
            << "/api/v1/nodes" << QStringList{"-H", "Host: 127.0.0.1.nip.io"} << 403
            << QByteArray();
        QTest::newRow("HTTP/1.0 without Host")
            << "/api/v1/nodes" << QStringList{"-0", "-H", "Host:"} << 403 << QByteArray();
        QTest::newRow("Host localhost")
            << "/api/v1/nodes" << QStringList{"-H", "Host: localhost"} << 200 << QByteArray();
        QTest::newRow("Host LOCALHOST:7070")
            << "/api/v1/nodes" << QStringList{"-H", "Host: LOCALHOST:7070"} << 200 << QByteArray();
        QTest::newRow("Host [::1]:7070")
            << "/api/v1/nodes" << QStringList{"-H", "Host: [::1]:7070"} << 200 << QByteArray();
        QTest::newRow("Host [::1]")
            << "/api/v1/nodes" << QStringList{"-H", "Host: [::1]"} << 200 << QByteArray();
    }

    void badInput()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, curlArguments);
        QFETCH(int, status);
        QFETCH(QByteArray, allow);
        const Http http = request(m_api + path, curlArguments);
        QCOMPARE(http.status, status);
        QCOMPARE(headerValue(http.headers, "Allow"), allow);
        if (status >= 400) {
            QCOMPARE(headerValue(http.headers, "Content-Type"), QByteArray("application/json"));
            const QJsonObject error = http.json()["error"].toObject();
            QCOMPARE(error["status"].toInt(), status);
            QVERIFY2(!error["message"].toString().isEmpty(), http.body.constData());
        }
        // Nothing the request did changed the lab.
        QCOMPARE(m_lab->state("web-1"), runtime::NodeState::Running);
    }

    // An invalid Host value never reaches the API: the HTTP parser answers 400 (RFC 9112 §3.2).
    void invalidHostIsABadRequest()
    {
        QCOMPARE(request(m_api + "/metrics", {"-H", "Host: localhost:http"}).status, 400);
    }

    void loopbackHostNames_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("127.0.0.1") << QByteArray("127.0.0.1") << true;
        QTest::newRow("127.0.0.1:7070") << QByteArray("127.0.0.1:7070") << true;
        QTest::newRow("localhost") << QByteArray("localhost") << true;
        QTest::newRow("Localhost:1") << QByteArray("Localhost:1") << true;
        QTest::newRow("[::1]") << QByteArray("[::1]") << true;
        QTest::newRow("[::1]:65535") << QByteArray("[::1]:65535") << true;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("127.0.0.2") << QByteArray("127.0.0.2") << false;
        QTest::newRow("localhost.") << QByteArray("localhost.") << false;
        QTest::newRow("localhost:") << QByteArray("localhost:") << false;
        QTest::newRow("localhost:123456") << QByteArray("localhost:123456") << false;
        QTest::newRow("evil.localhost") << QByteArray("evil.localhost") << false;
        QTest::newRow("[::1]x") << QByteArray("[::1]x") << false;
        QTest::newRow("::1 unbracketed") << QByteArray("::1") << false;
        QTest::newRow("user@localhost") << QByteArray("user@localhost") << false;
    }

    void loopbackHostNames()
    {
        QFETCH(QByteArray, host);
        QFETCH(bool, loopback);
        QCOMPARE(control::ControlApi::isLoopbackHost(host), loopback);
    }

    void prometheusMetrics()
    {
        const QString web = m_lab->component("web-1")->url();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(curl({"-s", "-o", "/dev/null", web + "/"}).exitCode, 0);
        QCOMPARE(curl({"-s", "-o", "/dev/null", web + "/missing"}).exitCode, 0);
        Http http;
        QTRY_VERIFY_WITH_TIMEOUT(
            (http = request(m_api + "/metrics"),
             http.body.contains(
                 R"(infralab_responses_total{node="web-1",kind="web-server",code="4xx"} 1)")),
            5000);
        QCOMPARE(http.status, 200);
        QCOMPARE(headerValue(http.headers, "Content-Type"),
                 QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY(http.body.contains(R"(infralab_requests_total{node="web-1",kind="web-server"} 6)"));
        QVERIFY(http.body.contains(
            R"(infralab_responses_total{node="web-1",kind="web-server",code="2xx"} 5)"));
        QVERIFY(http.body.contains(
            R"(infralab_request_duration_seconds_bucket{node="web-1",kind="web-server",le="+Inf"} 6)"));
        QVERIFY(http.body.contains(
            R"(infralab_request_duration_seconds_count{node="web-1",kind="web-server"} 6)"));
        QVERIFY(http.body.contains(R"(infralab_node_up{node="db",kind="database"} 0)"));
        for (const QByteArray &line : http.body.split('\n')) {
            if (!line.isEmpty() && !line.startsWith('#'))
                QVERIFY2(line.startsWith("infralab_"), line.constData());
        }

        const QString promtool = QStandardPaths::findExecutable("promtool");
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus)");
        QProcess check;
        check.start(promtool, {"check", "metrics"});
        QVERIFY(check.waitForStarted());
        check.write(http.body);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitCode() == 0,
                 check.readAllStandardOutput() + check.readAllStandardError());
    }

    // Totals equal exactly what curl sent and received: 1,000 requests on one keep-alive
    // connection, or from ten clients at once (spread over both network threads).
    void totalsEqualWhatCurlSent_data()
    {
        QTest::addColumn<int>("clients");
        QTest::newRow("one keep-alive connection") << 1;
        QTest::newRow("ten concurrent clients") << 10;
    }

    void totalsEqualWhatCurlSent()
    {
        QFETCH(int, clients);
        const int perClient = 1000 / clients;
        const QString url
            = m_lab->component("web-1")->url() + QString("/index.html?n=[1-%1]").arg(perClient);
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < clients; ++i) {
            auto process = std::make_unique<QProcess>();
            process->start("curl", {"-s", "-w",
                                    "\nW %{http_code} %{size_request} %{size_header} "
                                    "%{size_download}\n",
                                    url});
            processes.push_back(std::move(process));
        }
        quint64 sent = 0, received = 0, ok = 0;
        for (auto &process : processes) {
            QTRY_VERIFY_WITH_TIMEOUT(process->state() == QProcess::NotRunning, 30000);
            QCOMPARE(process->exitCode(), 0);
            for (const QByteArray &line : process->readAllStandardOutput().split('\n')) {
                if (!line.startsWith("W "))
                    continue;
                const QList<QByteArray> fields = line.split(' ');
                ok += fields.at(1) == "200";
                sent += fields.at(2).toULongLong();
                received += fields.at(3).toULongLong() + fields.at(4).toULongLong();
            }
        }
        QCOMPARE(ok, quint64(1000));
        QJsonObject node;
        QTRY_VERIFY_WITH_TIMEOUT((node = request(m_api + "/api/v1/nodes/web-1").json(),
                                  node["responses"].toObject()["2xx"].toInteger() == 1000),
                                 5000);
        QCOMPARE(node["requests"].toInteger(), 1000);
        QCOMPARE(node["errors"].toInteger(), 0);
        QCOMPARE(quint64(node["bytes_in"].toInteger()), sent);
        QCOMPARE(quint64(node["bytes_out"].toInteger()), received);
        const QByteArray metrics = request(m_api + "/metrics").body;
        QVERIFY(metrics.contains(
            R"(infralab_request_duration_seconds_count{node="web-1",kind="web-server"} 1000)"));
    }

    // Per link, seen by the caller: web-1 (a web server forwarding /api/, a reverse proxy or a
    // load balancer)
    // sends to web-2; answers, then refused connections once web-2 is stopped, in the node
    // JSON and in /metrics (label backend).
    void linkMetricsSeenByTheCaller_data()
    {
        QTest::addColumn<QString>("callerKind");
        QTest::newRow("web server forward_prefixes") << "web-server";
        QTest::newRow("reverse proxy") << "reverse-proxy";
        QTest::newRow("load balancer") << "load-balancer";
    }

    void linkMetricsSeenByTheCaller()
    {
        QFETCH(QString, callerKind);
        Topology topology = m_lab->topology();
        topology.nodes[0].kind = callerKind;
        if (callerKind != "web-server")
            topology.nodes[0].config = QJsonObject{{"port", 0}};
        topology.links.append(Link{"web-1", "web-2", {}, {}});
        m_lab->apply(topology);
        QTRY_COMPARE_WITH_TIMEOUT(m_lab->state("web-1"), runtime::NodeState::Running, 10000);
        const QString web1 = m_lab->component("web-1")->url();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(curl({"-s", "-o", "/dev/null", "-w", "%{http_code}", web1 + "/api/x"}).out,
                     QByteArray("404")); // web-2 has no /api/x
        QVERIFY(m_lab->stopNode("web-2"));
        QTRY_COMPARE_WITH_TIMEOUT(m_lab->state("web-2"), runtime::NodeState::Stopped, 10000);
        QCOMPARE(curl({"-s", "-o", "/dev/null", "-w", "%{http_code}", web1 + "/api/y"}).out,
                 QByteArray("502"));

        QJsonObject link;
        QTRY_VERIFY_WITH_TIMEOUT(
            (link
             = request(m_api + "/api/v1/nodes/web-1").json()["links"].toArray().at(0).toObject(),
             link["requests"].toInt() == 4 && link["errors"].toInt() == 1),
            5000);
        QCOMPARE(link["to"].toString(), QString("web-2"));
        QCOMPARE(link["errors_by_kind"].toObject()["connect_refused"].toInt(), 1);
        const QByteArray metrics = request(m_api + "/metrics").body;
        QVERIFY(metrics.contains(
            QString(R"(infralab_link_requests_total{node="web-1",kind="%1",backend="web-2"} 4)")
                .arg(callerKind)
                .toUtf8()));
        QVERIFY(metrics.contains(QString(R"(infralab_link_responses_total{node="web-1",kind="%1",)"
                                         R"(backend="web-2",code="4xx"} 3)")
                                     .arg(callerKind)
                                     .toUtf8()));
        QVERIFY(metrics.contains(QString(R"(infralab_link_errors_total{node="web-1",kind="%1",)"
                                         R"(backend="web-2",error="connect_refused"} 1)")
                                     .arg(callerKind)
                                     .toUtf8()));
        const QString promtool = QStandardPaths::findExecutable("promtool");
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus)");
        QProcess check;
        check.start(promtool, {"check", "metrics"});
        QVERIFY(check.waitForStarted());
        check.write(metrics);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitCode() == 0,
                 check.readAllStandardOutput() + check.readAllStandardError());
    }

private:
    QTemporaryDir m_site;
    std::unique_ptr<runtime::Lab> m_lab;
    std::unique_ptr<control::ControlServer> m_server;
    QString m_api;
};

QTEST_GUILESS_MAIN(TestControlApi)
#include "tst_controlapi.moc"
