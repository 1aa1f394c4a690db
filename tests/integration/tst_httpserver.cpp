#include "httpserver/httpserver.h"
#include "metrics/traffictotals.h"
#include "net/eventlooppool.h"
#include "net/faulthook.h"

#include "common/testclients.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <limits>
#include <memory>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace infralab;
using namespace infralab::httpserver;

namespace {

// Answers every request with a description of what arrived; `/slow` answers after 300 ms
// (asynchronously, from a timer), to see draining and ordering.
class EchoHandler final : public HttpHandler
{
public:
    void handle(HttpExchange &exchange) override
    {
        const auto &request = exchange.request();
        QByteArray text = http::methodName(request.method).toByteArray() + ' '
                          + request.target.toByteArray() + '\n';
        text += "body=" + exchange.body().toByteArray() + '\n';
        if (request.path == "/slow") {
            QTimer::singleShot(300, [&exchange, text] {
                exchange.begin(200).add("Content-Type", "text/plain");
                exchange.send(text);
            });
            return;
        }
        if (request.path.startsWith("/push"))
            return push(exchange);
        if (request.path == "/hang") {
            // Never answers; counts the cancellation (drain deadline or client gone).
            exchange.setOnCancelled([] { ++cancelled; });
            return;
        }
        if (request.path == "/big") {
            QByteArray big(3 * 1024 * 1024, 'x');
            exchange.begin(200).add("Content-Type", "application/octet-stream");
            exchange.send(big);
            return;
        }
        exchange.begin(200).add("Content-Type", "text/plain");
        exchange.send(text);
    }

    static inline std::atomic<int> cancelled{0};
    static inline std::atomic<qsizetype> maxPending{0};

private:
    // Push streaming: /push-known (Content-Length, two pieces 50 ms apart), /push-unknown
    // (chunked, or close-delimited for HTTP/1.0), /push-short (announces 100, sends 3, aborts),
    // /push-big (5 MiB produced only while the client keeps up; records the largest queue).
    void push(HttpExchange &exchange)
    {
        const QByteArrayView path = exchange.request().path;
        auto *timerOwner = new QObject;
        exchange.setOnCancelled([timerOwner] {
            ++cancelled;
            delete timerOwner;
        });
        exchange.begin(200).add("Content-Type", "text/plain");
        if (path == "/push-short") {
            exchange.sendHead(100);
            exchange.writeBody("abc");
            QTimer::singleShot(50, timerOwner, [&exchange, timerOwner] {
                exchange.abort();
                delete timerOwner;
            });
            return;
        }
        if (path == "/push-big") {
            exchange.sendHead(5 * 1024 * 1024);
            auto produced = std::make_shared<qint64>(0);
            auto pump = [&exchange, produced, timerOwner] {
                const QByteArray piece(64 * 1024, 'b');
                while (*produced < 5 * 1024 * 1024 && exchange.pendingOutput() < 256 * 1024) {
                    if (!exchange.writeBody(piece))
                        return;
                    *produced += piece.size();
                    maxPending = std::max(maxPending.load(), exchange.pendingOutput());
                }
                if (*produced == 5 * 1024 * 1024) {
                    delete timerOwner;
                    exchange.finishBody();
                }
            };
            exchange.setOnDrained(pump);
            pump();
            return;
        }
        exchange.sendHead(path == "/push-known" ? 10 : -1);
        exchange.writeBody("01234");
        QTimer::singleShot(50, timerOwner, [&exchange, timerOwner] {
            exchange.writeBody("56789");
            delete timerOwner;
            exchange.finishBody();
        });
    }
};

struct Reply
{
    QByteArray bytes;
    bool closed = false;
};

// Sends raw bytes and reads until the peer closes or `settleMs` pass without data.
Reply exchangeRaw(quint16 port, const QByteArray &request, int settleMs = 500)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(3000))
        return {};
    socket.write(request);
    socket.flush();
    Reply reply;
    while (true) {
        if (!socket.waitForReadyRead(settleMs)) {
            reply.closed = socket.state() != QAbstractSocket::ConnectedState;
            break;
        }
        reply.bytes += socket.readAll();
    }
    reply.bytes += socket.readAll();
    return reply;
}

// A raw client with a small receive buffer, so most of a large answer stays queued in the
// server (loopback's default buffers would take megabytes). Reads with a 10 s time-out.
int smallWindowClient(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int small = 4096;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    const timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Reads until `bytes` holds `size` bytes, the peer closes (returns 0) or the time-out (-1).
ssize_t readUpTo(int fd, QByteArray &bytes, qsizetype size)
{
    char buffer[65536];
    ssize_t n = 1;
    while (bytes.size() < size && (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0)
        bytes.append(buffer, n);
    return bytes.size() >= size ? 1 : n;
}

} // namespace

// The smallest fault policy that proves the hook: a verdict for accepts and one for reads,
// and how often each was asked.
Q_DECLARE_METATYPE(infralab::net::FaultPolicy::Verdict)

class CountingFault final : public net::FaultPolicy
{
public:
    CountingFault(Verdict onAccept, Verdict onRead)
        : m_accept(onAccept)
        , m_read(onRead)
    {}
    Verdict onAccept() const override
    {
        ++accepts;
        return m_accept;
    }
    // Inbound bytes pass a StreamFault that counts each chunk read and carries out the
    // read verdict on it.
    std::unique_ptr<net::StreamFault> streamFault(net::StreamDirection direction) const override
    {
        if (direction != net::StreamDirection::Inbound)
            return nullptr;
        return std::make_unique<ReadVerdict>(this);
    }
    mutable std::atomic<int> accepts{0};
    mutable std::atomic<int> reads{0};

private:
    class ReadVerdict final : public net::StreamFault
    {
    public:
        explicit ReadVerdict(const CountingFault *policy)
            : m_policy(policy)
        {}
        Plan plan(qsizetype, qint64) override
        {
            ++m_policy->reads;
            Plan plan;
            if (m_policy->m_read == Verdict::Reset)
                plan.action = Action::Reset;
            else if (m_policy->m_read == Verdict::Close)
                plan.action = Action::Close;
            return plan;
        }

    private:
        const CountingFault *m_policy;
    };

    Verdict m_accept;
    Verdict m_read;
};

class TestHttpServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<net::EventLoopPool> m_pool;
    std::unique_ptr<HttpServer> m_server;

    quint16 startServer(HttpServerOptions options = {})
    {
        m_server = std::make_unique<HttpServer>(*m_pool, options,
                                                [] { return std::make_unique<EchoHandler>(); });
        QString error;
        if (!m_server->listen(0, &error))
            qFatal("listen failed: %s", qPrintable(error));
        return m_server->port();
    }

private slots:
    void initTestCase() { m_pool = std::make_unique<net::EventLoopPool>(2); }
    void cleanup()
    {
        if (m_server && m_server->isListening()) {
            QSignalSpy stopped(m_server.get(), &HttpServer::stopped);
            m_server->stop();
            QVERIFY(stopped.wait(10000));
        }
        m_server.reset();
    }

    void rawRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("statusLine");
        QTest::addColumn<bool>("closed");
        QTest::addColumn<QByteArray>("contains");

        QTest::newRow("simple get keeps alive")
            << QByteArray("GET /a?b=1 HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("HTTP/1.1 200 OK")
            << false << QByteArray("GET /a?b=1");
        QTest::newRow("connection close")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            << QByteArray("HTTP/1.1 200 OK") << true << QByteArray("Connection: close");
        QTest::newRow("http/1.0 closes")
            << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("HTTP/1.1 200 OK") << true
            << QByteArray("GET /");
        QTest::newRow("http/1.0 keep-alive")
            << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            << QByteArray("HTTP/1.1 200 OK") << false << QByteArray("Connection: keep-alive");
        QTest::newRow("content-length body")
            << QByteArray("POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
            << QByteArray("HTTP/1.1 200 OK") << false << QByteArray("body=hello");
        QTest::newRow("chunked body")
            << QByteArray("POST /p HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n")
            << QByteArray("HTTP/1.1 200 OK") << false << QByteArray("body=hello world");
        QTest::newRow("missing host 400")
            << QByteArray("GET / HTTP/1.1\r\n\r\n") << QByteArray("HTTP/1.1 400 Bad Request")
            << true << QByteArray("Connection: close");
        QTest::newRow("cl and te 400")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: "
                          "chunked\r\n\r\n0\r\n\r\n")
            << QByteArray("HTTP/1.1 400 Bad Request") << true << QByteArray();
        QTest::newRow("unknown method 501")
            << QByteArray("BREW / HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArray("HTTP/1.1 501 Not Implemented") << true << QByteArray();
        QTest::newRow("http/2.0 505")
            << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n")
            << QByteArray("HTTP/1.1 505 HTTP Version Not Supported") << true << QByteArray();
        QTest::newRow("long target 414")
            << QByteArray("GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArray("HTTP/1.1 414 URI Too Long") << true << QByteArray();
        QTest::newRow("too many fields 431")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n" + QByteArray("A: b\r\n").repeated(101)
                          + "\r\n")
            << QByteArray("HTTP/1.1 431 Request Header Fields Too Large") << true << QByteArray();
        QTest::newRow("body too large 413")
            << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n")
            << QByteArray("HTTP/1.1 413 Content Too Large") << true << QByteArray();
        QTest::newRow("head has no body")
            << QByteArray("HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            << QByteArray("HTTP/1.1 200 OK") << true << QByteArray("Content-Length: 13\r\n");
        QTest::newRow("binary garbage 400")
            << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15)
            << QByteArray("HTTP/1.1 400 Bad Request") << true << QByteArray();
    }
    void rawRequests()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, statusLine);
        QFETCH(bool, closed);
        QFETCH(QByteArray, contains);
        const quint16 port = startServer();
        const Reply reply = exchangeRaw(port, request);
        QVERIFY2(reply.bytes.startsWith(statusLine + "\r\n"), reply.bytes.left(200).constData());
        QCOMPARE(reply.closed, closed);
        QVERIFY2(reply.bytes.contains(contains), reply.bytes.constData());
        QVERIFY(reply.bytes.contains("\r\nServer: InfraLab/"));
        QVERIFY(reply.bytes.contains("\r\nDate: "));
    }

    // The body arrives in many reads after the head: the read buffer grows and moves, and the
    // handler must still see the head as sent (its views used to point into the freed buffer;
    // fuzz_httpconnection under ASan).
    void bodyAfterTheHeadKeepsTheHead_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("content-length") << false;
        QTest::newRow("chunked") << true;
    }
    void bodyAfterTheHeadKeepsTheHead()
    {
        QFETCH(bool, chunked);
        const quint16 port = startServer();
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(socket.waitForConnected(3000));
        const QByteArray piece(32 * 1024, 'b');
        constexpr int pieces = 24; // 768 KiB, under the 1 MiB body limit
        const QByteArray target = "/upload/" + QByteArray(300, 'n') + "?q=1";
        socket.write("POST " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                     + (chunked ? QByteArray("Transfer-Encoding: chunked\r\n\r\n")
                                : "Content-Length: " + QByteArray::number(pieces * piece.size())
                                      + "\r\n\r\n"));
        QVERIFY(socket.waitForBytesWritten(3000));
        for (int i = 0; i < pieces; ++i) {
            socket.write(chunked ? QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n"
                                 : piece);
            QVERIFY(socket.waitForBytesWritten(3000));
        }
        if (chunked)
            socket.write("0\r\n\r\n");
        QByteArray bytes;
        while (socket.waitForReadyRead(3000))
            bytes += socket.readAll();
        QVERIFY2(bytes.startsWith("HTTP/1.1 200 OK\r\n"), bytes.left(200).constData());
        QVERIFY2(bytes.contains("\r\n\r\nPOST " + target + '\n'), bytes.left(600).constData());
        QVERIFY(bytes.contains("body=" + piece.repeated(pieces) + '\n'));
    }

    // Past 1 MiB of queued output the connection stops reading; once the client has read it
    // all, the connection must read again: the next request on it is answered at once.
    void readingResumesAfterOutputHighWater()
    {
        const quint16 port = startServer();
        const int fd = smallWindowClient(port);
        QVERIFY(fd >= 0);
        const QByteArray big = "GET /big HTTP/1.1\r\nHost: x\r\n\r\n";
        QVERIFY(::send(fd, (big + big).constData(), size_t(2 * big.size()), MSG_NOSIGNAL) > 0);
        constexpr qsizetype bodySize = 3 * 1024 * 1024; // EchoHandler's /big
        QByteArray bytes;
        QCOMPARE(readUpTo(fd, bytes, 2 * bodySize), ssize_t(1));
        // The heads are small: read until both bodies are whole.
        const qsizetype second = bytes.indexOf("HTTP/1.1 200 OK", 1);
        QVERIFY(second > bodySize);
        const qsizetype secondBody = bytes.indexOf("\r\n\r\n", second) + 4;
        QCOMPARE(readUpTo(fd, bytes, secondBody + bodySize), ssize_t(1));
        QCOMPARE(bytes.size(), secondBody + bodySize);
        const QByteArray after = "GET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        QVERIFY(::send(fd, after.constData(), size_t(after.size()), MSG_NOSIGNAL) > 0);
        QByteArray answer;
        QCOMPARE(readUpTo(fd, answer, std::numeric_limits<qsizetype>::max()), ssize_t(0));
        ::close(fd);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n") && answer.contains("GET /after"),
                 answer.constData());
    }

    void headHasNoBodyBytes()
    {
        const quint16 port = startServer();
        const Reply reply
            = exchangeRaw(port, "HEAD /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY(reply.bytes.endsWith("\r\n\r\n"));
    }

    void pipelinedAnsweredInOrder()
    {
        const quint16 port = startServer();
        const Reply reply
            = exchangeRaw(port,
                          "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
                          "GET /second HTTP/1.1\r\nHost: x\r\n\r\n"
                          "GET /third HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                          1500);
        const qsizetype a = reply.bytes.indexOf("GET /slow");
        const qsizetype b = reply.bytes.indexOf("GET /second");
        const qsizetype c = reply.bytes.indexOf("GET /third");
        QVERIFY2(a >= 0 && b > a && c > b, reply.bytes.constData());
        QVERIFY(reply.closed);
    }

    void halfClosedClientStillAnswered()
    {
        const quint16 port = startServer();
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(socket.waitForConnected(3000));
        socket.write("GET /hc HTTP/1.1\r\nHost: x\r\n\r\n");
        socket.flush();
        ::shutdown(int(socket.socketDescriptor()), SHUT_WR);
        QByteArray bytes;
        while (socket.waitForReadyRead(2000))
            bytes += socket.readAll();
        QVERIFY2(bytes.contains("GET /hc"), bytes.constData());
    }

    // A client that half-closes after its requests still reads every complete answer whole,
    // however much is still queued when its FIN arrives, also when an unfinished request or
    // body follows (fuzz_httpconnection: the queued output used to be dropped).
    void halfClosedClientGetsWholeAnswers_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("answers");
        const QByteArray big = "GET /big HTTP/1.1\r\nHost: x\r\n\r\n";
        QTest::newRow("one large answer") << big << 1;
        QTest::newRow("pipelined large answers") << big + big << 2;
        QTest::newRow("then an unfinished request") << big + big + "GET /partial" << 2;
        QTest::newRow("then an unfinished body")
            << big + "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc" << 1;
    }
    void halfClosedClientGetsWholeAnswers()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, answers);
        const quint16 port = startServer();
        const int fd = smallWindowClient(port);
        QVERIFY(fd >= 0);
        QCOMPARE(::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL),
                 ssize_t(request.size()));
        ::shutdown(fd, SHUT_WR);
        QByteArray bytes;
        const ssize_t end = readUpTo(fd, bytes, std::numeric_limits<qsizetype>::max());
        ::close(fd);
        QCOMPARE(end, ssize_t(0));                      // the server closed, no time-out
        constexpr qsizetype bodySize = 3 * 1024 * 1024; // EchoHandler's /big
        qsizetype offset = 0;
        for (int i = 0; i < answers; ++i) {
            QVERIFY2(bytes.sliced(offset).startsWith("HTTP/1.1 200 OK\r\n"),
                     bytes.sliced(offset).left(100).constData());
            const qsizetype bodyStart = bytes.indexOf("\r\n\r\n", offset) + 4;
            QVERIFY(bodyStart > offset);
            QVERIFY2(bytes.size() - bodyStart >= bodySize,
                     qPrintable(QString::number(bytes.size() - bodyStart)));
            offset = bodyStart + bodySize;
        }
        QCOMPARE(bytes.size(), offset); // and nothing else: the unfinished request is dropped
    }

    void headerTimeoutGives408()
    {
        HttpServerOptions options;
        options.headerTimeoutMs = 300;
        const quint16 port = startServer(options);
        QElapsedTimer timer;
        timer.start();
        const Reply reply = exchangeRaw(port, "GET / HTTP/1.1\r\nHost: x\r\n", 3000);
        QVERIFY2(reply.bytes.startsWith("HTTP/1.1 408 Request Timeout"), reply.bytes.constData());
        QVERIFY(reply.closed);
        QVERIFY(timer.elapsed() < 2500);
    }

    void idleKeepAliveClosedSilently()
    {
        HttpServerOptions options;
        options.keepAliveTimeoutMs = 200;
        const quint16 port = startServer(options);
        const Reply reply = exchangeRaw(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", 2000);
        QVERIFY(reply.bytes.startsWith("HTTP/1.1 200 OK"));
        QVERIFY(!reply.bytes.contains("408"));
        QVERIFY(reply.closed);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->activeConnections(), 0, 3000);
    }

    void expectContinueWithCurl()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        const quint16 port = startServer();
        QProcess curl;
        curl.start(QStringLiteral("curl"),
                   {QStringLiteral("-sS"), QStringLiteral("-H"),
                    QStringLiteral("Expect: 100-continue"), QStringLiteral("--data-binary"),
                    QString(2048, QLatin1Char('z')),
                    QStringLiteral("http://127.0.0.1:%1/upload").arg(port)});
        QVERIFY(curl.waitForFinished(10000));
        QCOMPARE(curl.exitCode(), 0);
        const QByteArray out = curl.readAllStandardOutput();
        QVERIFY2(out.startsWith("POST /upload\nbody=zzzz"), out.left(100).constData());
    }

    void largeResponseWithCurl()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        const quint16 port = startServer();
        QProcess curl;
        curl.start(QStringLiteral("curl"),
                   {QStringLiteral("-sS"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                    QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                    QStringLiteral("%{http_code} %{size_download}"),
                    QStringLiteral("http://127.0.0.1:%1/big").arg(port),
                    QStringLiteral("http://127.0.0.1:%1/after").arg(port)});
        QVERIFY(curl.waitForFinished(10000));
        QCOMPARE(curl.readAllStandardOutput(), QByteArray("200 3145728200 17"));
    }

    void drainLetsInFlightFinish()
    {
        const quint16 port = startServer();
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(socket.waitForConnected(3000));
        socket.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
        socket.flush();
        QTRY_COMPARE(m_server->traffic().requests, quint64(1));
        QSignalSpy stopped(m_server.get(), &HttpServer::stopped);
        m_server->stop();
        // New connections are refused at once.
        QTcpSocket late;
        late.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(!late.waitForConnected(1000) || !late.waitForReadyRead(500));
        QByteArray bytes;
        while (socket.waitForReadyRead(2000))
            bytes += socket.readAll();
        QVERIFY2(bytes.startsWith("HTTP/1.1 200 OK"), bytes.constData());
        QVERIFY(bytes.contains("Connection: close"));
        QVERIFY(stopped.wait(5000) || stopped.count() == 1);
    }

    void pushStreaming_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("contains");
        QTest::addColumn<QByteArray>("endsWith");
        QTest::addColumn<bool>("closed");
        QTest::newRow("known length")
            << QByteArray("GET /push-known HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArray("Content-Length: 10\r\n") << QByteArray("\r\n\r\n0123456789") << false;
        QTest::newRow("unknown length chunked")
            << QByteArray("GET /push-unknown HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArray("Transfer-Encoding: chunked\r\n")
            << QByteArray("\r\n\r\n5\r\n01234\r\n5\r\n56789\r\n0\r\n\r\n") << false;
        QTest::newRow("unknown length http/1.0 close-delimited")
            << QByteArray("GET /push-unknown HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            << QByteArray("Connection: close\r\n") << QByteArray("\r\n\r\n0123456789") << true;
        QTest::newRow("head gets no body bytes")
            << QByteArray("HEAD /push-unknown HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArray("HTTP/1.1 200 OK") << QByteArray("text/plain\r\n\r\n") << false;
        QTest::newRow("short body aborted, never padded")
            << QByteArray("GET /push-short HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArray("Content-Length: 100\r\n") << QByteArray("\r\n\r\nabc") << true;
    }
    void pushStreaming()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, contains);
        QFETCH(QByteArray, endsWith);
        QFETCH(bool, closed);
        const quint16 port = startServer();
        const Reply reply = exchangeRaw(port, request);
        QVERIFY2(reply.bytes.contains(contains), reply.bytes.constData());
        QVERIFY2(reply.bytes.endsWith(endsWith), reply.bytes.constData());
        QCOMPARE(reply.closed, closed);
    }

    void pushedKeepAliveServesNextRequest()
    {
        const quint16 port = startServer();
        const Reply reply = exchangeRaw(port, "GET /push-unknown HTTP/1.1\r\nHost: x\r\n\r\n"
                                              "GET /after HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY2(reply.bytes.contains("0\r\n\r\nHTTP/1.1 200 OK"), reply.bytes.constData());
        QVERIFY(reply.bytes.contains("GET /after"));
    }

    void pushShortBodyCurlSeesPartialFile()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
            QSKIP("curl is not installed");
        const quint16 port = startServer();
        QProcess curl;
        curl.start(QStringLiteral("curl"),
                   {QStringLiteral("-sS"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                    QStringLiteral("http://127.0.0.1:%1/push-short").arg(port)});
        QVERIFY(curl.waitForFinished(10000));
        QCOMPARE(curl.exitCode(), 18); // CURLE_PARTIAL_FILE
    }

    void pushBackpressureKeepsMemoryBounded()
    {
        const quint16 port = startServer();
        EchoHandler::maxPending = 0;
        QTcpSocket socket;
        socket.setReadBufferSize(64 * 1024); // a slow reader: Qt stops reading when full
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(socket.waitForConnected(3000));
        socket.write("GET /push-big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        qint64 received = 0;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000) {
            if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(2000))
                break;
            received += socket.read(16 * 1024).size();
            QTest::qWait(1); // read slowly
        }
        QVERIFY2(received > 5 * 1024 * 1024, QByteArray::number(received).constData());
        QVERIFY(received < 5 * 1024 * 1024 + 1024);
        // The producer never queued much more than its own 256 KiB high-water mark.
        QVERIFY2(EchoHandler::maxPending.load() < 512 * 1024,
                 QByteArray::number(EchoHandler::maxPending.load()).constData());
    }

    void cancelledAtDrainDeadline()
    {
        HttpServerOptions options;
        options.drainTimeoutMs = 300;
        const quint16 port = startServer(options);
        EchoHandler::cancelled = 0;
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(socket.waitForConnected(3000));
        socket.write("GET /hang HTTP/1.1\r\nHost: x\r\n\r\n");
        socket.flush();
        QTRY_COMPARE(m_server->traffic().requests, quint64(1));
        QSignalSpy stopped(m_server.get(), &HttpServer::stopped);
        m_server->stop();
        QVERIFY(stopped.wait(5000));
        QCOMPARE(EchoHandler::cancelled.load(), 1);
    }

    void cancelledWhenClientGoesAwayMidPush()
    {
        const quint16 port = startServer();
        EchoHandler::cancelled = 0;
        {
            QTcpSocket socket;
            socket.connectToHost(QStringLiteral("127.0.0.1"), port);
            QVERIFY(socket.waitForConnected(3000));
            socket.write("GET /push-big HTTP/1.1\r\nHost: x\r\n\r\n");
            QVERIFY(socket.waitForReadyRead(3000));
            socket.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(EchoHandler::cancelled.load(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->activeConnections(), 0, 5000);
    }

    void portTakenIsReported()
    {
        const quint16 port = startServer();
        HttpServer second(*m_pool, {}, [] { return std::make_unique<EchoHandler>(); });
        QString error;
        QVERIFY(!second.listen(port, &error));
        QCOMPARE(error, QStringLiteral("port %1 is already in use").arg(port));
    }

    // The fault hook acts on every accept and read while a policy is set, and not after.
    void faultHook_data()
    {
        using V = net::FaultPolicy::Verdict;
        QTest::addColumn<V>("onAccept");
        QTest::addColumn<V>("onRead");
        // curl's exit statuses that a fault may show, depending on when the RST or FIN
        // reaches it: 7 the connect failed (RST before curl saw the connection), 55/56 send
        // or receive failure, 52 an empty reply.
        QTest::addColumn<QList<int>>("curlExits");
        QTest::addColumn<int>("readsAsked");
        QTest::newRow("pass") << V::Pass << V::Pass << QList<int>{0} << 1;
        QTest::newRow("reset on accept") << V::Reset << V::Pass << QList<int>{7, 55, 56} << 0;
        QTest::newRow("close on accept") << V::Close << V::Pass << QList<int>{52, 55, 56} << 0;
        QTest::newRow("reset on read") << V::Pass << V::Reset << QList<int>{55, 56} << 1;
        QTest::newRow("close on read") << V::Pass << V::Close << QList<int>{52, 55, 56} << 1;
    }

    void faultHook()
    {
        using V = net::FaultPolicy::Verdict;
        QFETCH(V, onAccept);
        QFETCH(V, onRead);
        QFETCH(QList<int>, curlExits);
        QFETCH(int, readsAsked);
        const bool passes = curlExits == QList<int>{0};
        const quint16 port = startServer();
        const QString url = QString("http://127.0.0.1:%1/").arg(port);
        auto fault = std::make_shared<CountingFault>(onAccept, onRead);
        m_server->setFaultPolicy(fault);
        const int exitCode
            = testing::curl({"-s", "-o", "/dev/null", "--max-time", "10", url}).exitCode;
        QVERIFY2(curlExits.contains(exitCode), qPrintable(QString::number(exitCode)));
        QCOMPARE(fault->accepts.load(), 1);
        QCOMPARE(fault->reads.load(), readsAsked);
        m_server->setFaultPolicy(nullptr);
        QCOMPARE(testing::curl({"-s", "-o", "/dev/null", "--max-time", "10", url}).exitCode, 0);
        QCOMPARE(fault->accepts.load(), 1);
        QTRY_COMPARE(m_server->traffic().responses[2], quint64(passes ? 2 : 1));
    }

    // Errors by kind as the server counts them: bad syntax, a head that never completes.
    void errorKindsAreCounted()
    {
        HttpServerOptions options;
        options.headerTimeoutMs = 200;
        const quint16 port = startServer(options);
        QTcpSocket bad;
        bad.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(bad.waitForConnected(5000));
        bad.write("GET / HTTP/1.1\r\nHost : x\r\n\r\n");
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(slow.waitForConnected(5000));
        slow.write("GET / HTTP/1.1\r\nHost: x\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_server->traffic().error(metrics::ErrorKind::Protocol),
                                  quint64(1), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->traffic().error(metrics::ErrorKind::Timeout),
                                  quint64(1), 5000);
        const metrics::TrafficTotals totals = m_server->traffic();
        QCOMPARE(totals.responses[4], quint64(2)); // 400 and 408
        QCOMPARE(totals.requests, quint64(0));     // neither was a request a handler saw
        QCOMPARE(totals.latency.count(), quint64(0));
    }
    // max_connections as nginx's worker_connections: past the cap the listener stops
    // accepting and the kernel's backlog holds new clients; they are served, never refused,
    // once a connection closes.
    void capMakesNewClientsWait()
    {
        HttpServerOptions options;
        options.maxConnections = 2;
        const quint16 port = startServer(options);
        // Two clients in the middle of a request head: busy, not idle, so nothing is reclaimed.
        QTcpSocket busy[2];
        for (QTcpSocket &socket : busy) {
            socket.connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(socket.waitForConnected(5000));
            socket.write("GET /first HTTP/1.1\r\nHost: x\r\n");
            QVERIFY(socket.waitForBytesWritten(5000));
        }
        QTRY_COMPARE(m_server->activeConnections(), 2);

        QTcpSocket waiting;
        waiting.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(waiting.waitForConnected(5000)); // the kernel completes the handshake
        waiting.write("GET /waited HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(!waiting.waitForReadyRead(600)); // no 503: it waits
        QCOMPARE(waiting.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(m_server->activeConnections(), 2);

        busy[0].write("Connection: close\r\n\r\n");
        QVERIFY(busy[0].waitForReadyRead(5000));
        QVERIFY(busy[0].readAll().startsWith("HTTP/1.1 200 OK"));
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += waiting.readAll()).contains("GET /waited"), 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK"), answer.constData());
        QCOMPARE(busy[1].state(), QAbstractSocket::ConnectedState);
    }

    // At the cap an idle crowd (connections that sent nothing yet, or kept alive between
    // requests) cannot lock active clients out: the oldest idle ones are closed to make room,
    // as nginx closes its reusable connections, and the newest idle ones stay.
    void idleCrowdCannotLockOut_data()
    {
        QTest::addColumn<bool>("keptAlive");
        QTest::newRow("fresh connections that never sent a request") << false;
        QTest::newRow("kept-alive connections between requests") << true;
    }
    void idleCrowdCannotLockOut()
    {
        QFETCH(bool, keptAlive);
        constexpr int Cap = 8;
        HttpServerOptions options;
        options.maxConnections = Cap;
        const quint16 port = startServer(options);
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < Cap; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(socket->waitForConnected(5000));
            if (keptAlive) {
                socket->write("GET /once HTTP/1.1\r\nHost: x\r\n\r\n");
                QVERIFY(socket->waitForReadyRead(5000));
                QVERIFY(socket->readAll().startsWith("HTTP/1.1 200 OK"));
            }
            QTRY_COMPARE(m_server->activeConnections(), i + 1);
            QTest::qWait(5); // distinct idle-since times: oldest first is the order tested
            idle.push_back(std::move(socket));
        }

        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 10; ++i) {
            const Reply reply = exchangeRaw(
                port, "GET /active HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3000);
            QVERIFY2(reply.bytes.startsWith("HTTP/1.1 200 OK"), reply.bytes.constData());
            QVERIFY(reply.closed);
        }
        QVERIFY2(timer.elapsed() < 5000, "active clients waited for the idle ones' timeouts");

        // The oldest went (one per network thread at most); the newest is still open.
        int closed = 0;
        for (const auto &socket : idle) {
            socket->waitForReadyRead(50);
            if (socket->state() != QAbstractSocket::ConnectedState)
                ++closed;
        }
        QVERIFY(idle.front()->state() != QAbstractSocket::ConnectedState);
        QCOMPARE(idle.back()->state(), QAbstractSocket::ConnectedState);
        QVERIFY2(closed >= 1 && closed <= m_pool->size(), qPrintable(QString::number(closed)));
        // The survivors are still served.
        idle.back()->write("GET /later HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(idle.back()->waitForReadyRead(5000));
        QVERIFY(idle.back()->readAll().startsWith("HTTP/1.1 200 OK"));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
