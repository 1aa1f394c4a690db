#include "components/reverseproxy/responsecache.h"
#include "components/reverseproxy/reverseproxy.h"
#include "httpserver/httpserver.h"
#include "net/eventlooppool.h"

#include "common/testclients.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <memory>
#include <mutex>

// The reverse-proxy node end to end: real curl (and raw sockets for what curl will not send)
// through the proxy to in-process upstreams that count what reaches them.
using namespace infralab;
using infralab::testing::closedPort;
using infralab::testing::curl;
using infralab::testing::CurlResult;
using namespace infralab::httpserver;
using namespace infralab::reverseproxy;

namespace {

// Counts arrivals per path (and in total) across the upstream's network threads.
struct Arrivals
{
    std::mutex mutex;
    QHash<QByteArray, int> perPath;
    QByteArray lastMethod;
    std::atomic<int> total{0};

    int add(QByteArrayView path, QByteArrayView method)
    {
        ++total;
        std::lock_guard lock(mutex);
        lastMethod = method.toByteArray();
        return ++perPath[path.toByteArray()];
    }
    int of(const QByteArray &path)
    {
        std::lock_guard lock(mutex);
        return perPath.value(path);
    }
    void clear()
    {
        std::lock_guard lock(mutex);
        perPath.clear();
        total = 0;
    }
};
Arrivals arrivals;

QByteArray httpDate(qint64 epochS)
{
    return QLocale::c()
               .toString(QDateTime::fromSecsSinceEpoch(epochS, Qt::UTC),
                         "ddd, dd MMM yyyy hh:mm:ss")
               .toLatin1()
           + " GMT";
}

// The origin: echoes requests under /echo, answers /cache/<case> with caching headers and a
// body that names the arrival ("n=3"), and misbehaves under /fail.
class Origin final : public HttpHandler
{
public:
    void handle(HttpExchange &exchange) override
    {
        const auto &request = exchange.request();
        const QByteArray path = request.path.toByteArray();
        const int n = arrivals.add(request.path, request.methodToken);
        if (path.startsWith("/echo")) {
            QByteArray text
                = request.methodToken.toByteArray() + ' ' + request.target.toByteArray() + '\n';
            for (const http::HttpField &f : request.fields)
                text += f.name.toByteArray() + ": " + f.value.toByteArray() + '\n';
            exchange.begin(200).add("Content-Type", "text/plain");
            exchange.send(text);
            return;
        }
        if (path == "/fail/silent") {
            exchange.setOnCancelled([] {});
            return; // never answers
        }
        if (path == "/fail/short") {
            exchange.begin(200).add("Content-Type", "text/plain");
            exchange.sendHead(100);
            exchange.writeBody("abc");
            exchange.abort();
            return;
        }
        const QByteArray body = "n=" + QByteArray::number(n) + '\n';
        if (path == "/cache/slow") {
            // Answers after 300 ms, so concurrent misses overlap the fill.
            exchange.setOnCancelled([] {});
            QTimer::singleShot(300, [&exchange, body] {
                exchange.begin(200).add("Cache-Control", "max-age=60");
                exchange.send(body);
            });
            return;
        }
        if (path.startsWith("/cache/size/")) {
            const qsizetype size = path.mid(12).toLongLong();
            exchange.begin(200).add("Cache-Control", "max-age=60");
            exchange.send(QByteArray(size, 'x'));
            return;
        }
        auto &writer = exchange.begin(path == "/cache/missing" ? 404 : 200);
        writer.add("Content-Type", "text/plain");
        QByteArray out = body;
        if (path == "/cache/max-age")
            writer.add("Cache-Control", "public, max-age=60");
        else if (path == "/cache/short")
            writer.add("Cache-Control", "max-age=1");
        else if (path == "/cache/s-maxage")
            writer.add("Cache-Control", "max-age=0, s-maxage=60");
        else if (path == "/cache/no-store")
            writer.add("Cache-Control", "no-store");
        else if (path == "/cache/private")
            writer.add("Cache-Control", "private, max-age=60");
        else if (path == "/cache/no-cache")
            writer.add("Cache-Control", "no-cache");
        else if (path == "/cache/cookie")
            writer.add("Cache-Control", "max-age=60").add("Set-Cookie", "id=1");
        else if (path == "/cache/vary-star")
            writer.add("Cache-Control", "max-age=60").add("Vary", "*");
        else if (path == "/cache/expires")
            writer.add("Expires", httpDate(QDateTime::currentSecsSinceEpoch() + 60));
        else if (path == "/cache/etag")
            writer.add("Cache-Control", "max-age=60").add("ETag", "\"v1\"");
        else if (path == "/cache/expired")
            writer.add("Expires", "0");
        else if (path == "/cache/vary") {
            writer.add("Cache-Control", "max-age=60").add("Vary", "Accept-Encoding");
            out += "ae=" + request.field("accept-encoding").toByteArray() + '\n';
        }
        exchange.send(out);
    }
};

// A header's value in curl -i output, or "-" when absent.
QByteArray header(const QByteArray &response, const QByteArray &name)
{
    for (const QByteArray &line : response.split('\n')) {
        if (line.toLower().startsWith(name.toLower() + ": "))
            return line.mid(name.size() + 2).trimmed();
        if (line.trimmed().isEmpty())
            break;
    }
    return "-";
}

QByteArray bodyOf(const QByteArray &response)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : response.mid(end + 4);
}

// Raw bytes to the proxy; everything it answers until it closes (or 5 s pass).
QByteArray rawExchange(quint16 port, const QByteArray &bytes, bool *closed)
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
    answer += socket.readAll();
    *closed = socket.state() != QAbstractSocket::ConnectedState;
    return answer;
}

} // namespace

class TestReverseProxy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<net::EventLoopPool> m_pool;
    std::unique_ptr<HttpServer> m_origin;
    std::unique_ptr<ReverseProxy> m_proxy;
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
    quint16 originPort()
    {
        if (!m_origin) {
            m_origin = std::make_unique<HttpServer>(*m_pool, HttpServerOptions{},
                                                    [] { return std::make_unique<Origin>(); });
            QString error;
            if (!m_origin->listen(0, &error))
                qFatal("listen: %s", qPrintable(error));
        }
        return m_origin->port();
    }
    void startProxy(QJsonObject config, QList<quint16> ports, qint64 maxBytes = 0,
                    const QString &accessLog = {})
    {
        config.insert("port", 0);
        ReverseProxyConfig parsed = ReverseProxyConfig::fromJson(config);
        parsed.accessLogPath = accessLog;
        if (maxBytes > 0)
            parsed.cacheMaxBytes = maxBytes; // below the catalogue's 1 MiB minimum, for LRU
        m_proxy = std::make_unique<ReverseProxy>(parsed, std::move(ports));
        m_front = std::make_unique<HttpServer>(*m_pool, parsed.serverOptions,
                                               m_proxy->handlerFactory());
        QString error;
        if (!m_front->listen(0, &error))
            qFatal("listen: %s", qPrintable(error));
        m_url = QStringLiteral("http://127.0.0.1:%1").arg(m_front->port());
    }
    void startCachingProxy(qint64 maxBytes = 0)
    {
        startProxy(QJsonObject{{"cache", true}, {"cache_ttl_s", 60}}, {originPort()}, maxBytes);
    }
    // X-Cache of one GET (or other curl arguments) through the proxy.
    QByteArray xcache(const QString &path, const QStringList &extra = {})
    {
        const CurlResult r = curl(QStringList{"-sS", "-i"} + extra + QStringList{m_url + path});
        return r.exitCode == 0 ? header(r.out, "X-Cache") : "curl failed";
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        m_pool = std::make_unique<net::EventLoopPool>(2);
    }
    void init() { arrivals.clear(); }
    void cleanup()
    {
        stop(m_front);
        m_proxy.reset();
        stop(m_origin);
    }

    // ---- forwarding -------------------------------------------------------------------

    void headerHygiene()
    {
        startProxy({}, {originPort()});
        const CurlResult r = curl({"-sS",
                                   "-H",
                                   "Connection: X-Secret",
                                   "-H",
                                   "X-Secret: s",
                                   "-H",
                                   "X-Forwarded-For: 10.0.0.9",
                                   "-H",
                                   "Keep-Alive: 300",
                                   "-H",
                                   "TE: trailers",
                                   "-H",
                                   "Proxy-Authorization: Basic eDp5",
                                   "-H",
                                   "Upgrade: h2c",
                                   "-H",
                                   "X-Real-IP: 6.6.6.6",
                                   "-H",
                                   "X-Keep: yes",
                                   m_url + "/echo/a%20b?q=%0d%0a"});
        QCOMPARE(r.exitCode, 0);
        const QByteArray &out = r.out;
        QVERIFY2(out.startsWith("GET /echo/a%20b?q=%0d%0a\n"), out.constData()); // still encoded
        QVERIFY2(out.contains("\nX-Forwarded-For: 10.0.0.9, 127.0.0.1\n"), out.constData());
        QVERIFY(out.contains("\nX-Forwarded-Proto: http\n"));
        QVERIFY(out.contains("\nX-Real-IP: 127.0.0.1\n"));
        QVERIFY(out.contains("\nX-Forwarded-Host: " + m_url.mid(7).toLatin1() + '\n'));
        QVERIFY(out.contains("\nVia: 1.1 infralab\n"));
        QVERIFY(out.contains("\nX-Keep: yes\n"));
        QVERIFY(!out.contains("6.6.6.6"));
        for (const char *gone :
             {"X-Secret", "Keep-Alive", "TE:", "Proxy-Authorization", "Upgrade", "Connection:"})
            QVERIFY2(!out.contains(QByteArray("\n") + gone), gone);
        QCOMPARE(arrivals.total.load(), 1);
    }

    // The upstream request is HTTP/1.1, which must carry a Host (RFC 9112 §3.2): an HTTP/1.0
    // client's Host passes on, and one without gets the upstream's address (fuzz_upstream).
    void hostForHttp10_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("host");
        QTest::newRow("HTTP/1.0 without Host")
            << QByteArray("GET /echo HTTP/1.0\r\n\r\n") << QByteArray("\nHost: 127.0.0.1\n");
        QTest::newRow("HTTP/1.0 with Host")
            << QByteArray("GET /echo HTTP/1.0\r\nHost: site.test\r\n\r\n")
            << QByteArray("\nHost: site.test\n");
        QTest::newRow("HTTP/1.0 absolute-form")
            << QByteArray("GET http://abs.test/echo HTTP/1.0\r\n\r\n")
            << QByteArray("\nHost: abs.test\n");
    }
    void hostForHttp10()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, host);
        startProxy({}, {originPort()});
        bool closed = false;
        const QByteArray answer = rawExchange(m_front->port(), request, &closed);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QVERIFY2(answer.contains(host), answer.constData());
        QCOMPARE(answer.count("\nHost: "), 1);
        QCOMPARE(arrivals.total.load(), 1);
    }

    // forwarded_headers off: nginx without proxy_set_header, the client's values pass as sent.
    void forwardedHeadersOff()
    {
        startProxy({{"forwarded_headers", false}}, {originPort()});
        const CurlResult r = curl({"-sS", "-H", "X-Forwarded-For: 10.0.0.9", m_url + "/echo"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("\nX-Forwarded-For: 10.0.0.9\n"), r.out.constData());
        QVERIFY(!r.out.contains("X-Real-IP") && !r.out.contains("X-Forwarded-Proto")
                && !r.out.contains("X-Forwarded-Host"));
        QVERIFY(r.out.contains("\nVia: 1.1 infralab\n"));
    }

    void roundRobinAcrossLinks()
    {
        HttpServer second(*m_pool, HttpServerOptions{}, [] { return std::make_unique<Origin>(); });
        QString error;
        QVERIFY(second.listen(0, &error));
        startProxy({}, {originPort(), second.port()});
        QStringList args{"-sS", "-o", "/dev/null", "-w", "%{http_code}\\n"};
        for (int i = 0; i < 4; ++i)
            args << "-o"
                 << "/dev/null" << m_url + "/echo";
        QCOMPARE(curl(args).out, QByteArray("200\n200\n200\n200\n"));
        QCOMPARE(arrivals.of("/echo"), 4);
        QCOMPARE(m_origin->traffic().requests, quint64(2));
        QCOMPARE(second.traffic().requests, quint64(2));
        QSignalSpy stopped(&second, &HttpServer::stopped);
        second.stop();
        QVERIFY(stopped.wait(10000));
    }

    void failures_data()
    {
        QTest::addColumn<int>("ports"); // 0 none, 1 a closed port, 2 the origin
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("no links → 502") << 0 << "/" << 502;
        QTest::newRow("refused → 502") << 1 << "/" << 502;
        QTest::newRow("no answer → 504") << 2 << "/fail/silent" << 504;
    }
    void failures()
    {
        QFETCH(int, ports);
        QFETCH(QString, path);
        QFETCH(int, status);
        QList<quint16> upstreams;
        if (ports == 1)
            upstreams = {closedPort()};
        else if (ports == 2)
            upstreams = {originPort()};
        startProxy({{"response_timeout_ms", 500}}, upstreams);
        QElapsedTimer timer;
        timer.start();
        const CurlResult r = curl({"-sS", "-o", "/dev/null", "-w", "%{http_code}", m_url + path});
        QCOMPARE(r.out.toInt(), status);
        QVERIFY(timer.elapsed() < 5000);
    }

    void midBodyFailureAbortsClient()
    {
        startProxy({}, {originPort()});
        const CurlResult r = curl({"-sS", "-i", m_url + "/fail/short"});
        QCOMPARE(r.exitCode, 18); // partial file: the truncation is visible, never padded
        QVERIFY(r.out.contains("Content-Length: 100\r\n"));
        QVERIFY(r.out.endsWith("\r\n\r\nabc"));
    }

    // Every response gets a combined-format line, in memory and in the access_log file.
    void accessLog()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("proxy.log");
        startProxy({}, {originPort()}, 0, file);
        QCOMPARE(curl({"-sS", "-o", "/dev/null", "-A", "tester/1", m_url + "/echo?x"}).exitCode, 0);
        QCOMPARE(curl({"-sS", "-o", "/dev/null", m_url + "/fail/short"}).exitCode, 18);
        QTRY_COMPARE(m_proxy->accessLogSnapshot().size(), 2);
        const auto entries = m_proxy->accessLogSnapshot();
        QCOMPARE(entries.at(0).requestLine, QByteArray("GET /echo?x HTTP/1.1"));
        QCOMPARE(entries.at(0).status, 200);
        QCOMPARE(entries.at(0).userAgent, QByteArray("tester/1"));
        QCOMPARE(m_proxy->accessLogError(), QString());
        const auto lines = [&file] {
            QFile log(file);
            return log.open(QIODevice::ReadOnly) ? log.readAll().count('\n') : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(lines(), qsizetype(2), 5000);
    }

    // ---- smuggling: ambiguous messages die at the proxy; nothing reaches the origin ------

    void smugglingDiesAtTheProxy_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        const QByteArray tail = "GET /echo/smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
        QTest::newRow("CL + TE") << "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                                        + tail
                                 << QByteArray("400");
        QTest::newRow("TE + CL") << "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                                    "chunked\r\nContent-Length: 40\r\n\r\n0\r\n\r\n"
                                        + tail
                                 << QByteArray("400");
        QTest::newRow("duplicate CL") << "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                         "Content-Length: 44\r\n\r\nhello"
                                             + tail
                                      << QByteArray("400");
        QTest::newRow("CL list") << "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 44\r\n"
                                    "\r\nhello"
                                        + tail
                                 << QByteArray("400");
        QTest::newRow("obs-fold") << "GET /echo HTTP/1.1\r\nHost: x\r\nX-A: a\r\n"
                                     " Transfer-Encoding: chunked\r\n\r\n"
                                         + tail
                                  << QByteArray("400");
        QTest::newRow("bare CR in a field") << "GET /echo HTTP/1.1\r\nHost: x\r\nX-A: a\rX-B: b"
                                               "\r\n\r\n"
                                                   + tail
                                            << QByteArray("400");
        QTest::newRow("space before colon") << "POST /echo HTTP/1.1\r\nHost: x\r\n"
                                               "Transfer-Encoding : chunked\r\nContent-Length: "
                                               "4\r\n\r\n0\r\n\r\n"
                                                   + tail
                                            << QByteArray("400");
        QTest::newRow("TE chunked not last")
            << "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n0"
               "\r\n\r\n"
                   + tail
            << QByteArray("400");
        QTest::newRow("TE in HTTP/1.0") << "POST /echo HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: "
                                           "chunked\r\n\r\n0\r\n\r\n"
                                               + tail
                                        << QByteArray("400");
        static constexpr char withNul[] = "GET /echo HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n";
        QTest::newRow("NUL in a field")
            << QByteArray(withNul, sizeof withNul - 1) + tail << QByteArray("400");
        QTest::newRow("two Hosts")
            << "GET /echo HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n" + tail << QByteArray("400");
        QTest::newRow("LF in the target")
            << "GET /echo\nX-Injected: 1 HTTP/1.1\r\nHost: x\r\n\r\n" + tail << QByteArray("400");
        QTest::newRow("bad chunk size") << "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                                           "chunked\r\n\r\n4x\r\nabcd\r\n0\r\n\r\n"
                                               + tail
                                        << QByteArray("400");
    }
    void smugglingDiesAtTheProxy()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        startProxy({}, {originPort()});
        bool closed = false;
        const QByteArray answer = rawExchange(m_front->port(), request, &closed);
        QVERIFY2(answer.startsWith("HTTP/1.1 " + status + ' '), answer.constData());
        QCOMPARE(answer.count("HTTP/1.1 "), 1); // the tail never got its own answer
        QVERIFY(closed);
        QCOMPARE(arrivals.total.load(), 0);
    }

    // ---- cache ---------------------------------------------------------------------------

    void missThenHit()
    {
        startCachingProxy();
        CurlResult r = curl({"-sS", "-i", m_url + "/cache/max-age"});
        QCOMPARE(header(r.out, "X-Cache"), QByteArray("MISS"));
        QCOMPARE(bodyOf(r.out), QByteArray("n=1\n"));
        r = curl({"-sS", "-i", m_url + "/cache/max-age"});
        QCOMPARE(header(r.out, "X-Cache"), QByteArray("HIT"));
        QCOMPARE(bodyOf(r.out), QByteArray("n=1\n"));
        QCOMPARE(header(r.out, "Cache-Control"), QByteArray("public, max-age=60"));
        QCOMPARE(header(r.out, "Content-Type"), QByteArray("text/plain"));
        QCOMPARE(header(r.out, "Age"), QByteArray("0"));
        QCOMPARE(header(r.out, "Content-Length"), QByteArray("4"));
        // HEAD shares the entry and gets the length without a body.
        r = curl({"-sS", "-I", m_url + "/cache/max-age"});
        QCOMPARE(header(r.out, "X-Cache"), QByteArray("HIT"));
        QCOMPARE(header(r.out, "Content-Length"), QByteArray("4"));
        QCOMPARE(arrivals.of("/cache/max-age"), 1);
        // Other methods are never cached, and carry no X-Cache.
        r = curl({"-sS", "-i", "--data", "x", m_url + "/echo"});
        QCOMPARE(header(r.out, "X-Cache"), QByteArray("-"));
    }

    // A HEAD miss fetches with GET (nginx proxy_cache_convert_head), so a later GET is a hit.
    void headMissFillsForGet()
    {
        startCachingProxy();
        CurlResult r = curl({"-sS", "-I", m_url + "/cache/max-age"});
        QCOMPARE(header(r.out, "X-Cache"), QByteArray("MISS"));
        QCOMPARE(arrivals.lastMethod, QByteArray("GET"));
        r = curl({"-sS", "-i", m_url + "/cache/max-age"});
        QCOMPARE(header(r.out, "X-Cache"), QByteArray("HIT"));
        QCOMPARE(bodyOf(r.out), QByteArray("n=1\n"));
    }

    void cachingRules_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("second");
        QTest::newRow("max-age") << "/cache/max-age" << QByteArray("HIT");
        QTest::newRow("s-maxage wins over max-age=0") << "/cache/s-maxage" << QByteArray("HIT");
        QTest::newRow("Expires") << "/cache/expires" << QByteArray("HIT");
        QTest::newRow("invalid Expires = expired") << "/cache/expired" << QByteArray("MISS");
        QTest::newRow("no headers: cache_ttl_s") << "/cache/plain" << QByteArray("HIT");
        QTest::newRow("404 without headers") << "/cache/missing" << QByteArray("MISS");
        QTest::newRow("no-store") << "/cache/no-store" << QByteArray("MISS");
        QTest::newRow("private") << "/cache/private" << QByteArray("MISS");
        QTest::newRow("Set-Cookie") << "/cache/cookie" << QByteArray("MISS");
        QTest::newRow("Vary: *") << "/cache/vary-star" << QByteArray("MISS");
        QTest::newRow("no-cache: stored, revalidated")
            << "/cache/no-cache" << QByteArray("EXPIRED");
    }
    void cachingRules()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, second);
        startCachingProxy();
        QCOMPARE(xcache(path), QByteArray("MISS"));
        QCOMPARE(xcache(path), second);
        QCOMPARE(arrivals.of(path.toLatin1()), second == "HIT" ? 1 : 2);
    }

    // A hit answers a matching If-None-Match with 304; a miss sends the conditional upstream
    // without it (the fill needs the whole resource) and answers 200.
    void conditionalHit()
    {
        startCachingProxy();
        CurlResult r = curl({"-sS", "-i", "-H", "If-None-Match: \"v1\"", m_url + "/cache/etag"});
        QVERIFY2(r.out.startsWith("HTTP/1.1 200 "), r.out.constData());
        QCOMPARE(header(r.out, "X-Cache"), QByteArray("MISS"));
        r = curl({"-sS", "-i", "-H", "If-None-Match: \"v1\"", m_url + "/cache/etag"});
        QVERIFY2(r.out.startsWith("HTTP/1.1 304 "), r.out.constData());
        QCOMPARE(header(r.out, "X-Cache"), QByteArray("HIT"));
        QCOMPARE(header(r.out, "ETag"), QByteArray("\"v1\""));
        QCOMPARE(header(r.out, "Content-Type"), QByteArray("-"));
        r = curl({"-sS", "-i", "-H", "If-None-Match: \"v0\"", m_url + "/cache/etag"});
        QVERIFY2(r.out.startsWith("HTTP/1.1 200 "), r.out.constData());
        QCOMPARE(bodyOf(r.out), QByteArray("n=1\n"));
        QCOMPARE(arrivals.of("/cache/etag"), 1);
    }

    void authorizationBypasses()
    {
        startCachingProxy();
        QCOMPARE(xcache("/cache/max-age", {"-H", "Authorization: Basic eDp5"}), QByteArray("-"));
        QCOMPARE(xcache("/cache/max-age", {"-H", "Authorization: Basic eDp5"}), QByteArray("-"));
        QCOMPARE(arrivals.of("/cache/max-age"), 2);
    }

    void maxAgeExpiry()
    {
        startCachingProxy();
        QCOMPARE(xcache("/cache/short"), QByteArray("MISS"));
        QCOMPARE(xcache("/cache/short"), QByteArray("HIT"));
        // Each probe is a request (and EXPIRED refills), so no QTRY_COMPARE (it re-evaluates).
        QByteArray state;
        QElapsedTimer timer;
        timer.start();
        while ((state = xcache("/cache/short")) == "HIT" && timer.elapsed() < 5000)
            QTest::qWait(100);
        QCOMPARE(state, QByteArray("EXPIRED"));
        // The refetch was stored again.
        QCOMPARE(xcache("/cache/short"), QByteArray("HIT"));
    }

    void varyKeepsVariantsApart()
    {
        startCachingProxy();
        const QStringList gzip{"-H", "Accept-Encoding: gzip"};
        const QStringList identity{"-H", "Accept-Encoding: identity"};
        QCOMPARE(xcache("/cache/vary", gzip), QByteArray("MISS"));
        QCOMPARE(xcache("/cache/vary", gzip), QByteArray("HIT"));
        QCOMPARE(xcache("/cache/vary", identity), QByteArray("MISS"));
        CurlResult r
            = curl({"-sS", "-i", "-H", "Accept-Encoding: identity", m_url + "/cache/vary"});
        QCOMPARE(header(r.out, "X-Cache"), QByteArray("HIT"));
        QCOMPARE(bodyOf(r.out), QByteArray("n=2\nae=identity\n"));
        r = curl({"-sS", "-i", "-H", "Accept-Encoding: gzip", m_url + "/cache/vary"});
        QCOMPARE(bodyOf(r.out), QByteArray("n=1\nae=gzip\n"));
        QCOMPARE(arrivals.of("/cache/vary"), 2);
    }

    void lruEviction()
    {
        // Room for three 100 KiB entries.
        startCachingProxy(350 * 1024);
        const QString a = "/cache/size/102400?a", b = "/cache/size/102400?b",
                      c = "/cache/size/102400?c", d = "/cache/size/102400?d";
        for (const QString &path : {a, b, c})
            QCOMPARE(xcache(path), QByteArray("MISS"));
        QCOMPARE(xcache(a), QByteArray("HIT"));  // a is now the most recently used
        QCOMPARE(xcache(d), QByteArray("MISS")); // evicts b, the least recently used
        QCOMPARE(m_proxy->cache()->entryCount(), 3);
        QVERIFY(m_proxy->cache()->bytes() <= 350 * 1024);
        QCOMPARE(xcache(a), QByteArray("HIT"));
        QCOMPARE(xcache(d), QByteArray("HIT"));
        QCOMPARE(xcache(b), QByteArray("MISS"));
    }

    // Larger than the per-entry limit (1 MiB): streamed through whole, never stored.
    void largeResponseNotCached()
    {
        startCachingProxy();
        const QString path = "/cache/size/2097152";
        CurlResult r = curl({"-sS", "-o", "/dev/null", "-w", "%{size_download}", m_url + path});
        QCOMPARE(r.out, QByteArray("2097152"));
        r = curl({"-sS", "-o", "/dev/null", "-w", "%{size_download}", m_url + path});
        QCOMPARE(r.out, QByteArray("2097152"));
        QCOMPARE(arrivals.of("/cache/size/2097152"), 2);
        QCOMPARE(m_proxy->cache()->entryCount(), 0);
    }

    // proxy_cache_lock: concurrent misses of one key make one upstream fetch.
    void concurrentMissesFetchOnce()
    {
        startCachingProxy();
        QStringList args{
            "-sS", "-Z",       "--parallel-immediate", "--parallel-max", "20", "-D", "-",
            "-o",  "/dev/null"};
        for (int i = 0; i < 20; ++i)
            args << m_url + "/cache/slow";
        for (int i = 1; i < 20; ++i)
            args << "-o"
                 << "/dev/null";
        const CurlResult r = curl(args);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count("HTTP/1.1 200 OK"), 20);
        QCOMPARE(r.out.count("X-Cache: MISS"), 1);
        QCOMPARE(r.out.count("X-Cache: HIT"), 19);
        QCOMPARE(arrivals.of("/cache/slow"), 1);
    }

    void purge()
    {
        startCachingProxy();
        QCOMPARE(xcache("/cache/max-age"), QByteArray("MISS"));
        QCOMPARE(xcache("/cache/plain"), QByteArray("MISS"));
        QCOMPARE(xcache("/cache/max-age"), QByteArray("HIT"));
        QCOMPARE(m_proxy->purge("/nothing/"), 0);
        QCOMPARE(m_proxy->purge("/cache/max"), 1);
        QCOMPARE(xcache("/cache/max-age"), QByteArray("MISS"));
        QCOMPARE(xcache("/cache/plain"), QByteArray("HIT"));
        QCOMPARE(m_proxy->purge("/"), 2);
        QCOMPARE(m_proxy->cache()->entryCount(), 0);
        QCOMPARE(m_proxy->cache()->bytes(), 0);
        QCOMPARE(arrivals.of("/cache/max-age"), 2);
    }
};

QTEST_GUILESS_MAIN(TestReverseProxy)
#include "tst_reverseproxy.moc"
