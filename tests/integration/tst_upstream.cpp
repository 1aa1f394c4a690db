#include "httpserver/httpserver.h"
#include "net/eventlooppool.h"
#include "upstream/httpforwarder.h"
#include "upstream/upstreamrequest.h"

#include "common/rawserver.h"
#include "common/testclients.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <mutex>

using namespace infralab;
using infralab::testing::closedPort;
using infralab::testing::curl;
using infralab::testing::CurlResult;
using namespace infralab::httpserver;
using namespace infralab::upstream;

namespace {

QByteArray bigBody()
{
    QByteArray body(5 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < body.size(); ++i)
        body[i] = char('a' + (i * 7 + i / 4096) % 26);
    return body;
}

// A well-behaved upstream: echoes what arrived (request line, every field line, body), and
// counts the connections it served (distinct exchanges = distinct connections).
class EchoUpstream final : public HttpHandler
{
public:
    static inline std::mutex mutex;
    static inline QSet<const void *> connections;
    static inline std::atomic<int> requests{0};

    void handle(HttpExchange &exchange) override
    {
        {
            std::lock_guard lock(mutex);
            connections.insert(&exchange);
        }
        ++requests;
        const auto &request = exchange.request();
        if (request.path == "/big") {
            static const QByteArray big = bigBody();
            exchange.begin(200).add("Content-Type", "application/octet-stream");
            exchange.send(big);
            return;
        }
        QByteArray text
            = request.methodToken.toByteArray() + ' ' + request.target.toByteArray()
              + (request.version == http::HttpVersion::Http11 ? " HTTP/1.1\n" : " HTTP/1.0\n");
        for (const http::HttpField &f : request.fields)
            text += f.name.toByteArray() + ": " + f.value.toByteArray() + '\n';
        text += "body=" + exchange.body().toByteArray() + '\n';
        auto &writer = exchange.begin(request.path == "/missing" ? 404 : 200);
        writer.add("Content-Type", "text/plain").add("X-Upstream", "echo");
        if (request.path == "/hop")
            writer.add("Connection", "X-Hop").add("X-Hop", "1").add("Keep-Alive", "timeout=5");
        exchange.send(text);
    }
};

// Misbehaving upstreams on a raw QTcpServer in its own thread (the test thread blocks in
// waits): each behaviour is one way a real backend fails (robustness.md §3 table).
class RawUpstream final
{
public:
    enum Behaviour { Silent, CloseWithoutByte, Garbage, ShortBody, Chunked, Reset };

    explicit RawUpstream(Behaviour behaviour)
        : m_behaviour(behaviour)
    {}

    quint16 port() const { return m_server.port(); }
    std::atomic<int> accepts{0};
    std::atomic<int> requests{0};

private:
    void accept(QTcpSocket *socket)
    {
        ++accepts;
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            while (buffer->contains("\r\n\r\n")) {
                // Requests here have no body, or a Content-Length one we skip.
                const qsizetype end = buffer->indexOf("\r\n\r\n") + 4;
                qsizetype length = end;
                const qsizetype cl = buffer->left(end).toLower().indexOf("content-length: ");
                if (cl >= 0)
                    length += buffer->mid(cl + 16, buffer->indexOf('\r', cl) - cl - 16).toInt();
                if (buffer->size() < length)
                    return;
                buffer->remove(0, length);
                ++requests;
                answer(socket);
            }
        });
    }
    void answer(QTcpSocket *socket)
    {
        switch (m_behaviour) {
        case Silent: return;
        case CloseWithoutByte: socket->close(); return;
        case Garbage:
            socket->write("SSH-2.0-OpenSSH_9.2\r\n\r\n");
            socket->flush();
            socket->close();
            return;
        case ShortBody:
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc");
            socket->flush();
            socket->close();
            return;
        case Chunked:
            socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                          "Content-Type: text/plain\r\n\r\n"
                          "5\r\nhello\r\n7;ext=1\r\n chunky\r\n0\r\nX-Trailer: t\r\n\r\n");
            return;
        case Reset: socket->abort(); return;
        }
    }

    Behaviour m_behaviour;
    // Last: its thread stops before the counters and the behaviour go.
    infralab::testing::RawServer m_server{[this](QTcpSocket *socket) {
        accept(socket);
    }};
};

class ForwardingHandler final : public HttpHandler
{
public:
    ForwardingHandler(QList<quint16> ports, const UpstreamOptions &options)
        : m_forwarder(std::move(ports), options)
    {}
    void handle(HttpExchange &exchange) override { m_forwarder.forward(exchange); }

private:
    HttpForwarder m_forwarder;
};

} // namespace

class TestUpstream : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<net::EventLoopPool> m_pool;
    std::unique_ptr<HttpServer> m_upstream;
    std::unique_ptr<HttpServer> m_front;

    static void stop(std::unique_ptr<HttpServer> &server)
    {
        if (server && server->isListening()) {
            QSignalSpy stopped(server.get(), &HttpServer::stopped);
            server->stop();
            QVERIFY(stopped.wait(10000));
        }
        server.reset();
    }
    quint16 startEcho()
    {
        m_upstream = std::make_unique<HttpServer>(*m_pool, HttpServerOptions{},
                                                  [] { return std::make_unique<EchoUpstream>(); });
        QString error;
        if (!m_upstream->listen(0, &error))
            qFatal("listen: %s", qPrintable(error));
        return m_upstream->port();
    }
    QString startFront(const QList<quint16> &ports, const UpstreamOptions &options = {})
    {
        m_front = std::make_unique<HttpServer>(*m_pool, HttpServerOptions{}, [ports, options] {
            return std::make_unique<ForwardingHandler>(ports, options);
        });
        QString error;
        if (!m_front->listen(0, &error))
            qFatal("listen: %s", qPrintable(error));
        return QStringLiteral("http://127.0.0.1:%1").arg(m_front->port());
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        m_pool = std::make_unique<net::EventLoopPool>(2);
    }
    void init()
    {
        EchoUpstream::connections.clear();
        EchoUpstream::requests = 0;
    }
    void cleanup()
    {
        stop(m_front);
        stop(m_upstream);
    }

    void requestHeadWriterRefusesInjection()
    {
        QByteArray head;
        RequestHeadWriter good(head, "GET", "/a%0d%0ab");
        good.add("X-A", "1");
        QVERIFY(good.ok());
        RequestHeadWriter badValue(head, "GET", "/");
        badValue.add("X-A", "1\r\nInjected: yes");
        QVERIFY(!badValue.ok());
        RequestHeadWriter badTarget(head, "GET", "/ HTTP/1.1\r\nX: y");
        QVERIFY(!badTarget.ok());
        RequestHeadWriter badName(head, "GET", "/");
        badName.add("X-A:", "1");
        QVERIFY(!badName.ok());
    }

    void relayedWithForwardingHeaders()
    {
        const QString front = startFront({startEcho()});
        const CurlResult r = curl({"-sS",
                                   "-i",
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
                                   "X-Keep: yes",
                                   "-H",
                                   "Via: 1.0 edge",
                                   "-H",
                                   "X-Real-IP: 6.6.6.6",
                                   front + "/echo/a%20b?q=%0d%0a"});
        QCOMPARE(r.exitCode, 0);
        const QByteArray &out = r.out;
        QVERIFY2(out.startsWith("HTTP/1.1 200 OK\r\n"), out.constData());
        QVERIFY2(out.contains("\r\nX-Upstream: echo\r\n"), out.constData());
        // What the upstream saw: the raw target, HTTP/1.1, Host as the client sent it.
        QVERIFY2(out.contains("GET /echo/a%20b?q=%0d%0a HTTP/1.1\n"), out.constData());
        QVERIFY(out.contains("Host: " + front.mid(7).toLatin1() + '\n'));
        QVERIFY(out.contains("\nX-Forwarded-For: 10.0.0.9, 127.0.0.1\n"));
        QVERIFY(out.contains("\nX-Forwarded-Proto: http\n"));
        QVERIFY(out.contains("\nX-Forwarded-Host: " + front.mid(7).toLatin1() + '\n'));
        QVERIFY(out.contains("\nX-Real-IP: 127.0.0.1\n"));
        QVERIFY(!out.contains("6.6.6.6"));
        QVERIFY(out.contains("\nVia: 1.0 edge, 1.1 infralab\n"));
        QVERIFY(out.contains("\nX-Keep: yes\n"));
        for (const char *gone :
             {"X-Secret", "Keep-Alive: 300", "TE:", "Proxy-Authorization", "Connection:"})
            QVERIFY2(!out.contains(QByteArray("\n") + gone), gone);
    }

    void responseHopByHopStripped()
    {
        const QString front = startFront({startEcho()});
        const CurlResult r = curl({"-sS", "-i", front + "/hop"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("X-Upstream: echo"));
        QVERIFY2(!r.out.contains("X-Hop") && !r.out.contains("Keep-Alive"), r.out.constData());
        QCOMPARE(r.out.count("\r\nDate: "), 1);
        QCOMPARE(r.out.count("\r\nServer: "), 1);
    }

    void statusAndPostBodyRelayed()
    {
        const QString front = startFront({startEcho()});
        CurlResult r = curl({"-sS", "-o", "/dev/null", "-w", "%{http_code}", front + "/missing"});
        QCOMPARE(r.out, QByteArray("404"));
        r = curl({"-sS", "-H", "Transfer-Encoding: chunked", "--data-binary", "hello=world",
                  front + "/post"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("\nContent-Length: 11\n"), r.out.constData());
        QVERIFY(!r.out.contains("Transfer-Encoding"));
        QVERIFY(r.out.contains("body=hello=world"));
    }

    void keepAliveReusesOneConnection()
    {
        const QString front = startFront({startEcho()});
        QStringList args{"-sS", "-o", "/dev/null", "-w", "%{http_code}\\n"};
        for (int i = 0; i < 100; ++i)
            args << "-o"
                 << "/dev/null" << front + "/n" + QString::number(i);
        const CurlResult r = curl(args);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count("200"), 100);
        QCOMPARE(EchoUpstream::requests.load(), 100);
        QCOMPARE(EchoUpstream::connections.size(), 1);
        QCOMPARE(m_upstream->activeConnections(), 1);
    }

    void failures_data()
    {
        QTest::addColumn<int>("behaviour");
        QTest::addColumn<int>("status");
        QTest::newRow("closes without a byte → 502") << int(RawUpstream::CloseWithoutByte) << 502;
        QTest::newRow("garbage → 502") << int(RawUpstream::Garbage) << 502;
        QTest::newRow("reset → 502") << int(RawUpstream::Reset) << 502;
        QTest::newRow("never answers → 504") << int(RawUpstream::Silent) << 504;
    }
    void failures()
    {
        QFETCH(int, behaviour);
        QFETCH(int, status);
        RawUpstream upstream{RawUpstream::Behaviour(behaviour)};
        UpstreamOptions options;
        options.responseTimeoutMs = 500;
        const QString front = startFront({upstream.port()}, options);
        QElapsedTimer timer;
        timer.start();
        const CurlResult r = curl({"-sS", "-o", "/dev/null", "-w", "%{http_code}", front + "/"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.toInt(), status);
        QVERIFY(timer.elapsed() < 3000);
        if (status == 504)
            QVERIFY(timer.elapsed() >= 450);
    }

    void refusedGives502()
    {
        const QString front = startFront({closedPort()});
        const CurlResult r = curl({"-sS", "-o", "/dev/null", "-w", "%{http_code}", front + "/"});
        QCOMPARE(r.out, QByteArray("502"));
    }

    void shortBodyAbortsClient()
    {
        RawUpstream upstream(RawUpstream::ShortBody);
        const QString front = startFront({upstream.port()});
        const CurlResult r = curl({"-sS", "-i", front + "/"});
        QCOMPARE(r.exitCode, 18); // CURLE_PARTIAL_FILE: the truncation is visible
        QVERIFY2(r.out.startsWith("HTTP/1.1 200 OK\r\n"), r.out.constData());
        QVERIFY(r.out.contains("Content-Length: 100\r\n"));
        QVERIFY(r.out.endsWith("\r\n\r\nabc")); // never padded
        // Raw: the connection is closed after the three bytes, not kept alive.
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_front->port());
        QVERIFY(socket.waitForConnected(3000));
        socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray bytes;
        while (socket.waitForReadyRead(3000))
            bytes += socket.readAll();
        QVERIFY(bytes.endsWith("abc"));
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);
    }

    void chunkedUpstreamRelayed()
    {
        RawUpstream upstream(RawUpstream::Chunked);
        const QString front = startFront({upstream.port()});
        CurlResult r = curl({"-sS", "-i", front + "/a", front + "/b"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count("hello chunky"), 2);
        QVERIFY(r.out.contains("Transfer-Encoding: chunked"));
        QCOMPARE(upstream.accepts.load(), 1); // reused after a clean chunked end
        r = curl({"-sS", "--http1.0", "-i", front + "/c"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.endsWith("\r\n\r\nhello chunky"));
        QVERIFY(r.out.contains("Connection: close"));
    }

    void largeBodySlowReader()
    {
        const QString front = startFront({startEcho()});
        QTemporaryDir dir;
        const QString file = dir.filePath("big");
        const CurlResult r = curl(
            {"-sS", "--limit-rate", "3M", "-o", file, "-w", "%{size_download}", front + "/big"},
            60000);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray::number(5 * 1024 * 1024));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256),
                 QCryptographicHash::hash(bigBody(), QCryptographicHash::Sha256));
    }

    void postNotReplayed()
    {
        RawUpstream a(RawUpstream::CloseWithoutByte);
        RawUpstream b(RawUpstream::CloseWithoutByte);
        const QString front = startFront({a.port(), b.port()});
        CurlResult r
            = curl({"-sS", "-o", "/dev/null", "-w", "%{http_code}", "--data", "x=1", front + "/"});
        QCOMPARE(r.out, QByteArray("502"));
        QCOMPARE(a.requests.load() + b.requests.load(), 1);
        // An idempotent GET is tried on the next endpoint.
        r = curl({"-sS", "-o", "/dev/null", "-w", "%{http_code}", front + "/"});
        QCOMPARE(r.out, QByteArray("502"));
        QCOMPARE(a.requests.load() + b.requests.load(), 3);
    }

    void failoverOnRefused()
    {
        const QString front = startFront({closedPort(), startEcho()});
        QStringList args{"-sS", "-w", "%{http_code}\\n"};
        for (int i = 0; i < 4; ++i)
            args << "-o"
                 << "/dev/null" << front + "/f";
        const CurlResult r = curl(args);
        QCOMPARE(r.out, QByteArray("200\n200\n200\n200\n"));
        QCOMPARE(EchoUpstream::requests.load(), 4);
    }
};

QTEST_GUILESS_MAIN(TestUpstream)
#include "tst_upstream.moc"
