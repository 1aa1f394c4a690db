#include "components/webserver/webserver.h"
#include "httpserver/httpserver.h"
#include "net/eventlooppool.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace infralab;
using namespace infralab::webserver;

namespace {

// Stands in for the upstream client: answers every forwarded request itself.
class FakeForwarder final : public httpserver::HttpFilter
{
public:
    Result onRequest(httpserver::HttpExchange &exchange) override
    {
        exchange.begin(200).add("X-Forwarded-By", "fake");
        exchange.send("forwarded " + exchange.request().path.toByteArray());
        return Result::Stop;
    }
};

const QByteArray SecretMarker = "TOP-SECRET-OUTSIDE-ROOT";

struct Response
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QByteArray raw;
};

Response parseResponse(const QByteArray &raw)
{
    Response r;
    r.raw = raw;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    const QByteArray head = end < 0 ? raw : raw.left(end);
    r.body = end < 0 ? QByteArray() : raw.mid(end + 4);
    const QList<QByteArray> lines = head.split('\n');
    if (!lines.isEmpty())
        r.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            r.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
    }
    return r;
}

QByteArray writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    return data;
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestWebServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<net::EventLoopPool> m_pool;
    QTemporaryDir m_dir;
    QString m_root;
    QByteArray m_big;
    QByteArray m_script;
    std::unique_ptr<WebServer> m_site;
    std::unique_ptr<httpserver::HttpServer> m_server;
    quint16 m_port = 0;

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }

    // `curl -sS -i --path-as-is <args> <url>`: real curl, as a user would run it.
    Response curl(const QString &path, const QStringList &args = {})
    {
        QProcess process;
        process.start(QStringLiteral("curl"),
                      QStringList{"-sS", "-i", "--path-as-is"} + args + QStringList{url(path)});
        if (!process.waitForFinished(20000) || process.exitCode() != 0)
            qWarning("curl failed: %s", process.readAllStandardError().constData());
        return parseResponse(process.readAllStandardOutput());
    }

    Response raw(const QByteArray &request)
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        if (!socket.waitForConnected(3000))
            return {};
        socket.write(request);
        QByteArray bytes;
        while (socket.waitForReadyRead(500))
            bytes += socket.readAll();
        return parseResponse(bytes);
    }

    quint16 start(const QJsonObject &config, httpserver::HttpFilterFactory forwarding = {})
    {
        stop();
        QString error;
        const auto parsed = WebServerConfig::fromJson(config, m_dir.path(), &error);
        if (!parsed)
            qFatal("config: %s", qPrintable(error));
        m_site = std::make_unique<WebServer>(*parsed, std::move(forwarding));
        m_server = std::make_unique<httpserver::HttpServer>(*m_pool, m_site->serverOptions(),
                                                            m_site->handlerFactory());
        if (!m_server->listen(0, &error))
            qFatal("listen: %s", qPrintable(error));
        m_port = m_server->port();
        return m_port;
    }

    void stop()
    {
        if (m_server && m_server->isListening()) {
            QSignalSpy stopped(m_server.get(), &httpserver::HttpServer::stopped);
            m_server->stop();
            QVERIFY(stopped.wait(10000));
        }
        m_server.reset();
        m_site.reset();
    }

    QJsonObject siteConfig() const
    {
        return QJsonObject{{"root", "site"}, // relative: resolved against the topology folder
                           {"gzip", true},
                           {"error_pages", "errors"},
                           {"access_log", "logs/access.log"}};
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        m_pool = std::make_unique<net::EventLoopPool>(2);
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath("site");
        writeFile(m_root + "/index.html", "<h1>home</h1>\n");
        writeFile(m_root + "/hello.txt", "hello world\n");
        writeFile(m_root + "/style.css", "body{}\n");
        QByteArray script;
        for (int i = 0; i < 200; ++i)
            script += "console.log('line " + QByteArray::number(i) + "');\n";
        m_script = writeFile(m_root + "/app.js", script);
        writeFile(m_root + "/data.json", "{\"a\":1}");
        writeFile(m_root + "/logo.png", "\x89PNG");
        writeFile(m_root + "/file.xyz", "?");
        writeFile(m_root + "/sub/index.html", "<p>sub</p>");
        writeFile(m_root + "/noindex/a.txt", "a");
        writeFile(m_root + "/caf\xc3\xa9.txt", "utf8 name");
        writeFile(m_root + "/%2e%2e", "literal percent name");
        QByteArray big(5 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < big.size(); i += 4) {
            const quint32 word = QRandomGenerator::global()->generate();
            memcpy(big.data() + i, &word, 4);
        }
        m_big = writeFile(m_root + "/big.bin", big);
        writeFile(m_dir.filePath("secret.txt"), SecretMarker);
        writeFile(m_dir.filePath("outside/secret.txt"), SecretMarker);
        QVERIFY(QFile::link(m_dir.filePath("secret.txt"), m_root + "/escape.txt"));
        QVERIFY(QFile::link(m_dir.filePath("outside"), m_root + "/escape-dir"));
        QVERIFY(QFile::link(m_root + "/hello.txt", m_root + "/inside-link.txt"));
        writeFile(m_dir.filePath("errors/404.html"), "<p>custom not found</p>");
        start(siteConfig());
    }
    void cleanupTestCase() { stop(); }

    void indexAndMime_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("index") << "/" << QByteArray("text/html") << QByteArray("<h1>home</h1>\n");
        QTest::newRow("index by name") << "/index.html" << QByteArray("text/html") << QByteArray();
        QTest::newRow("sub index")
            << "/sub/" << QByteArray("text/html") << QByteArray("<p>sub</p>");
        QTest::newRow("text") << "/hello.txt" << QByteArray("text/plain")
                              << QByteArray("hello world\n");
        QTest::newRow("css") << "/style.css" << QByteArray("text/css") << QByteArray("body{}\n");
        QTest::newRow("js") << "/app.js" << QByteArray("application/javascript") << QByteArray();
        QTest::newRow("json") << "/data.json" << QByteArray("application/json") << QByteArray();
        QTest::newRow("png") << "/logo.png" << QByteArray("image/png") << QByteArray();
        QTest::newRow("unknown") << "/file.xyz" << QByteArray("application/octet-stream")
                                 << QByteArray("?");
        QTest::newRow("query ignored")
            << "/hello.txt?x=1" << QByteArray("text/plain") << QByteArray("hello world\n");
        QTest::newRow("utf8 name")
            << "/caf%C3%A9.txt" << QByteArray("text/plain") << QByteArray("utf8 name");
        QTest::newRow("double encoding is a literal name")
            << "/%252e%252e" << QByteArray("application/octet-stream")
            << QByteArray("literal percent name");
        QTest::newRow("symlink inside root")
            << "/inside-link.txt" << QByteArray("text/plain") << QByteArray("hello world\n");
    }
    void indexAndMime()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, body);
        const Response r = curl(path);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-type"), type);
        QCOMPARE(r.headers.value("accept-ranges"), QByteArray("bytes"));
        QVERIFY(r.headers.contains("last-modified"));
        QCOMPARE(r.headers.value("content-length").toLongLong(), r.body.size());
        if (!body.isEmpty())
            QCOMPARE(r.body, body);
    }

    void etagIsNginxShaped()
    {
        const Response r = curl("/hello.txt");
        const QFileInfo info(m_root + "/hello.txt");
        const QByteArray expected
            = '"' + QByteArray::number(info.lastModified().toSecsSinceEpoch(), 16) + "-c\"";
        QCOMPARE(r.headers.value("etag"), expected);
    }

    void statuses_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("missing") << "/nope.html" << QStringList() << 404 << QByteArray()
                                 << QByteArray();
        QTest::newRow("folder without index")
            << "/noindex/" << QStringList() << 403 << QByteArray() << QByteArray();
        QTest::newRow("folder without slash")
            << "/sub" << QStringList() << 301 << QByteArray("location")
            << QByteArray("http://127.0.0.1:PORT/sub/");
        QTest::newRow("folder without slash keeps query")
            << "/sub?a=1" << QStringList() << 301 << QByteArray("location")
            << QByteArray("http://127.0.0.1:PORT/sub/?a=1");
        QTest::newRow("file with slash")
            << "/hello.txt/" << QStringList() << 404 << QByteArray() << QByteArray();
        QTest::newRow("post") << "/" << QStringList{"-d", "x"} << 405 << QByteArray("allow")
                              << QByteArray("GET, HEAD");
        QTest::newRow("delete") << "/hello.txt" << QStringList{"-X", "DELETE"} << 405
                                << QByteArray("allow") << QByteArray("GET, HEAD");
    }
    void statuses()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        const Response r = curl(path, args);
        QCOMPARE(r.status, status);
        if (!header.isEmpty())
            QCOMPARE(r.headers.value(header), value.replace("PORT", QByteArray::number(m_port)));
    }

    void customErrorPage()
    {
        const Response r = curl("/missing");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("<p>custom not found</p>"));
        const Response forbidden = curl("/noindex/");
        QVERIFY(forbidden.body.contains("403 Forbidden")); // no 403.html: the standard page
    }

    void conditional()
    {
        const Response first = curl("/hello.txt");
        const QByteArray etag = first.headers.value("etag");
        const QByteArray lastModified = first.headers.value("last-modified");
        QVERIFY(!etag.isEmpty() && !lastModified.isEmpty());

        Response r = curl("/hello.txt", {"-H", "If-None-Match: " + etag});
        QCOMPARE(r.status, 304);
        QCOMPARE(r.headers.value("etag"), etag);
        QCOMPARE(r.headers.value("last-modified"), lastModified);
        QVERIFY(!r.headers.contains("content-length"));
        QVERIFY(r.body.isEmpty());

        r = curl("/hello.txt", {"-H", "If-None-Match: \"other\", " + etag});
        QCOMPARE(r.status, 304);
        r = curl("/hello.txt", {"-H", "If-Modified-Since: " + lastModified});
        QCOMPARE(r.status, 304);
        // If-None-Match decides when present, even with a matching date (RFC 9110 §13.2.2).
        r = curl("/hello.txt",
                 {"-H", "If-None-Match: \"other\"", "-H", "If-Modified-Since: " + lastModified});
        QCOMPARE(r.status, 200);
        // `exact`: another date, even a later one, is not a match.
        r = curl("/hello.txt", {"-H", "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT"});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("hello world\n"));
    }

    void ranges_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentRange");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("first five")
            << QStringList{"-r", "0-4"} << 206 << QByteArray("bytes 0-4/12") << QByteArray("hello");
        QTest::newRow("suffix") << QStringList{"-r", "-6"} << 206 << QByteArray("bytes 6-11/12")
                                << QByteArray("world\n");
        QTest::newRow("open end") << QStringList{"-r", "6-"} << 206 << QByteArray("bytes 6-11/12")
                                  << QByteArray("world\n");
        QTest::newRow("unsatisfiable")
            << QStringList{"-r", "100-"} << 416 << QByteArray("bytes */12") << QByteArray();
        QTest::newRow("several ranges: whole file")
            << QStringList{"-r", "0-1,3-4"} << 200 << QByteArray() << QByteArray("hello world\n");
        QTest::newRow("if-range stale") << QStringList{"-r", "0-4", "-H", "If-Range: \"old\""}
                                        << 200 << QByteArray() << QByteArray("hello world\n");
    }
    void ranges()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QByteArray, contentRange);
        QFETCH(QByteArray, body);
        const Response r = curl("/hello.txt", args);
        QCOMPARE(r.status, status);
        QCOMPARE(r.headers.value("content-range"), contentRange);
        if (!body.isEmpty())
            QCOMPARE(r.body, body);
    }

    void ifRangeCurrent()
    {
        const QByteArray etag = curl("/hello.txt").headers.value("etag");
        const Response r = curl("/hello.txt", {"-r", "0-4", "-H", "If-Range: " + etag});
        QCOMPARE(r.status, 206);
        QCOMPARE(r.body, QByteArray("hello"));
    }

    void head()
    {
        const Response get = curl("/hello.txt");
        const Response r = curl("/hello.txt", {"-I"});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-length"), QByteArray("12"));
        QCOMPARE(r.headers.value("etag"), get.headers.value("etag"));
        QCOMPARE(r.headers.value("content-type"), QByteArray("text/plain"));
        QVERIFY(r.body.isEmpty());
        QCOMPARE(curl("/big.bin", {"-I"}).headers.value("content-length"),
                 QByteArray::number(m_big.size()));
    }

    void gzip()
    {
        const Response plain = curl("/app.js");
        const Response r = curl("/app.js", {"--compressed"});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-encoding"), QByteArray("gzip"));
        QCOMPARE(r.headers.value("etag"), "W/" + plain.headers.value("etag"));
        QCOMPARE(r.headers.value("vary"), QByteArray("Accept-Encoding"));
        QVERIFY(!r.headers.contains("accept-ranges"));
        QVERIFY(r.headers.value("content-length").toLongLong() < m_script.size() / 2);
        QCOMPARE(r.body, m_script); // curl decompressed it
        QCOMPARE(plain.body, m_script);
        QVERIFY(!plain.headers.contains("content-encoding"));
        QCOMPARE(plain.headers.value("vary"), QByteArray("Accept-Encoding"));

        // Range is ignored for a compressed response; a second request uses the cached body.
        const Response ranged = curl("/app.js", {"--compressed", "-r", "0-9"});
        QCOMPARE(ranged.status, 200);
        QCOMPARE(ranged.body, m_script);
        // The weak tag revalidates the compressed form.
        const Response again
            = curl("/app.js", {"--compressed", "-H", "If-None-Match: " + r.headers.value("etag")});
        QCOMPARE(again.status, 304);
        // Small and non-text files stay uncompressed.
        QVERIFY(!curl("/hello.txt", {"--compressed"}).headers.contains("content-encoding"));
        QVERIFY(!curl("/big.bin", {"--compressed", "-I"}).headers.contains("content-encoding"));
        // The raw body really is gzip (magic 1f 8b).
        const Response rawGzip = raw("GET /app.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n"
                                     "Connection: close\r\n\r\n");
        QVERIFY(rawGzip.body.startsWith("\x1f\x8b"));
    }

    void largeFileStreamsIntact()
    {
        QTemporaryDir out;
        const QString file = out.filePath("big.bin");
        QProcess process;
        process.start("curl", {"-sS", "-o", file, "-w", "%{http_code}", url("/big.bin")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.readAllStandardOutput(), QByteArray("200"));
        QFile downloaded(file);
        QVERIFY(downloaded.open(QIODevice::ReadOnly));
        QCOMPARE(sha256(downloaded.readAll()), sha256(m_big));

        const Response r = curl("/big.bin", {"-r", "1000000-1000099"});
        QCOMPARE(r.status, 206);
        QCOMPARE(r.body, m_big.mid(1000000, 100));
        QCOMPARE(r.headers.value("content-range"),
                 "bytes 1000000-1000099/" + QByteArray::number(m_big.size()));
    }

    void traversalIsRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("dotdot") << "/../secret.txt" << 400;
        QTest::newRow("deep dotdot") << "/../../../../etc/passwd" << 400;
        QTest::newRow("dotdot after folder") << "/sub/../../secret.txt" << 400;
        QTest::newRow("encoded dots") << "/%2e%2e/secret.txt" << 400;
        QTest::newRow("half encoded") << "/.%2e/secret.txt" << 400;
        QTest::newRow("encoded slash") << "/..%2fsecret.txt" << 400;
        QTest::newRow("encoded slash deep") << "/..%2f..%2fsecret.txt" << 400;
        QTest::newRow("nul") << "/secret.txt%00.html" << 400;
        QTest::newRow("bad escape") << "/%zz" << 400;
        QTest::newRow("symlink file out of root") << "/escape.txt" << 404;
        QTest::newRow("symlink folder out of root") << "/escape-dir/secret.txt" << 404;
        QTest::newRow("encoded backslash") << "/..%5csecret.txt" << 404;
    }
    void traversalIsRefused()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        const Response r = curl(path);
        QCOMPARE(r.status, status);
        QVERIFY(!r.raw.contains(SecretMarker));
    }

    void rawRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("backslash")
            << QByteArray("GET /sub\\..\\..\\secret.txt HTTP/1.1\r\nHost: x\r\n\r\n") << 404
            << QByteArray() << QByteArray();
        QTest::newRow("dotdot raw") << QByteArray("GET /../secret.txt HTTP/1.1\r\nHost: x\r\n\r\n")
                                    << 400 << QByteArray("connection") << QByteArray("close");
        QTest::newRow("http/1.0 redirect without host is relative")
            << QByteArray("GET /sub HTTP/1.0\r\n\r\n") << 301 << QByteArray("location")
            << QByteArray("/sub/");
        QTest::newRow("absolute form")
            << QByteArray("GET http://x/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n") << 200
            << QByteArray("content-length") << QByteArray("12");
        QTest::newRow("options star") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n") << 405
                                      << QByteArray("allow") << QByteArray("GET, HEAD");
        QTest::newRow("range on head")
            << QByteArray("HEAD /hello.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1\r\n\r\n") << 206
            << QByteArray("content-length") << QByteArray("2");
    }
    void rawRequests()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        const Response r = raw(request);
        QCOMPARE(r.status, status);
        QVERIFY(!r.raw.contains(SecretMarker));
        if (!header.isEmpty())
            QCOMPARE(r.headers.value(header), value);
    }

    void accessLog()
    {
        curl("/hello.txt", {"-A", "infralab-test/1", "-e", "http://ref.example/"});
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const httplog::AccessLogEntry &e : m_site->accessLogSnapshot())
                    if (e.userAgent == "infralab-test/1")
                        return e.status == 200 && e.bytes == 12 && e.remote == "127.0.0.1"
                               && e.requestLine == "GET /hello.txt HTTP/1.1"
                               && e.referer == "http://ref.example/";
                return false;
            }(),
            5000);
        QVERIFY(m_site->accessLogError().isEmpty());
        const QString logPath = m_dir.filePath("logs/access.log");
        const QByteArray expected = "\"GET /hello.txt HTTP/1.1\" 200 12 \"http://ref.example/\" "
                                    "\"infralab-test/1\"";
        auto logText = [&] {
            QFile log(logPath);
            return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(logText().contains(expected), 5000);
        QVERIFY(logText().startsWith("127.0.0.1 - - ["));
    }

    void bundledSite()
    {
        start(QJsonObject{{"root", ""}});
        const Response index = curl("/");
        QCOMPARE(index.status, 200);
        QCOMPARE(index.headers.value("content-type"), QByteArray("text/html"));
        QVERIFY(index.headers.value("etag").startsWith('"'));
        QCOMPARE(curl("/style.css").headers.value("content-type"), QByteArray("text/css"));
        QCOMPARE(curl("/logo.svg").headers.value("content-type"), QByteArray("image/svg+xml"));
        QCOMPARE(curl("/nope").status, 404);
        QCOMPARE(curl("/../icons/web-server.svg").status, 400);
        QCOMPARE(curl("/", {"-H", "If-None-Match: " + index.headers.value("etag")}).status, 304);
        start(siteConfig());
    }

    void forwardPrefixes()
    {
        // Without a forwarder, /api/ is just a path under the root (nginx without a location).
        QCOMPARE(curl("/api/users").status, 404);
        start(QJsonObject{{"root", "site"}, {"forward_prefixes", QJsonArray{"/api/"}}},
              [] { return std::make_unique<FakeForwarder>(); });
        const Response r = curl("/api/users", {"-d", "x"});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("x-forwarded-by"), QByteArray("fake"));
        QCOMPARE(r.body, QByteArray("forwarded /api/users"));
        QCOMPARE(curl("/hello.txt").body, QByteArray("hello world\n"));
        QCOMPARE(curl("/apiary").status, 404);
        // The access log is the chain's first filter: forwarded and served requests alike.
        QStringList logged;
        for (const httplog::AccessLogEntry &e : m_site->accessLogSnapshot())
            logged << QString::fromLatin1(e.requestLine) + ' ' + QString::number(e.status);
        QCOMPARE(logged, (QStringList{"POST /api/users HTTP/1.1 200", "GET /hello.txt HTTP/1.1 200",
                                      "GET /apiary HTTP/1.1 404"}));
        start(siteConfig());
    }

    void badRootIsReported()
    {
        QString error;
        QVERIFY(!WebServerConfig::fromJson(QJsonObject{{"root", "no-such-folder"}}, m_dir.path(),
                                           &error));
        QVERIFY2(error.contains("no-such-folder"), qPrintable(error));
        QVERIFY(
            !WebServerConfig::fromJson(QJsonObject{{"root", "secret.txt"}}, m_dir.path(), &error));
        QVERIFY2(error.contains("not a folder"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestWebServer)
#include "tst_webserver.moc"
