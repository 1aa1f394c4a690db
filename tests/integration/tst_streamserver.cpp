#include "net/clock.h"
#include "net/eventlooppool.h"
#include "net/readinesspoller.h"
#include "net/streamconnection.h"
#include "net/streamshard.h"
#include "net/streamsocket.h"
#include "net/tcplistener.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

// A protocol server that is not HTTP, built from the parts the HTTP server uses: TcpListener
// (bind, accept, the cap), one StreamShard per network thread (connection set, deadline
// sweep, idle reclaiming, drain) and StreamSocket. The protocol is a line echo: every line a
// client sends comes back; idle connections close after a timeout. The database and cache
// servers start from this shape (docs/architecture.md).
using namespace infralab;

namespace {

constexpr int IdleTimeoutMs = 400;   // between lines
constexpr int LineTimeoutMs = 10000; // for the rest of a line that has begun

class LineEchoConnection final : public net::StreamConnection, private net::SocketReader
{
public:
    LineEchoConnection(int fd, net::StreamShard *shard)
        : net::StreamConnection(shard)
        , m_socket(openSocket(fd))
    {
        m_socket->setReader(this);
        connect(m_socket, &net::StreamSocket::failed, this, [this] { closeNow(); });
        connect(m_socket, &net::StreamSocket::drained, this, [this] {
            if (m_draining && isReusable())
                closeNow();
        });
        becomeIdle();
    }

    void checkDeadline(qint64 nowMs) override
    {
        if (nowMs >= m_deadlineMs)
            closeNow();
    }
    void drain() override
    {
        m_draining = true;
        if (isReusable())
            closeNow();
    }
    void closeNow() override
    {
        if (m_closed)
            return;
        m_closed = true;
        m_socket->abort();
        closed();
    }
    bool isReusable() const override { return m_in.isEmpty() && m_socket->pendingBytes() == 0; }

private:
    void becomeIdle()
    {
        markIdle(net::coarseNowMs());
        m_deadlineMs = idleSinceMs() + IdleTimeoutMs;
    }

    void socketReadable(net::StreamSocket *) override
    {
        qsizetype n = 0;
        const auto status = m_socket->readInto(m_in, 4096, &n);
        if (status == net::StreamSocket::ReadStatus::WouldBlock)
            return;
        if (status != net::StreamSocket::ReadStatus::Data) {
            closeNow();
            return;
        }
        qsizetype end;
        while ((end = m_in.indexOf('\n')) >= 0) {
            m_socket->write(QByteArrayView(m_in).first(end + 1));
            m_in.remove(0, end + 1);
        }
        if (m_in.isEmpty())
            becomeIdle();
        else
            m_deadlineMs = net::coarseNowMs() + LineTimeoutMs;
        if (m_draining && isReusable())
            closeNow();
    }

    net::StreamSocket *m_socket;
    QByteArray m_in;
    qint64 m_deadlineMs = 0;
    bool m_draining = false;
    bool m_closed = false;
};

class LineEchoShard final : public net::StreamShard
{
public:
    using net::StreamShard::StreamShard;

protected:
    net::StreamConnection *createConnection(int fd) override
    {
        return new LineEchoConnection(fd, this);
    }
};

// Reads until `expected` has arrived or the peer closes; what arrived.
QByteArray readUntil(QTcpSocket &socket, const QByteArray &expected, int timeoutMs = 5000)
{
    QByteArray got = socket.readAll(); // what the event loop already took in
    QDeadlineTimer deadline(timeoutMs);
    while (!got.contains(expected) && !deadline.hasExpired()) {
        if (!socket.waitForReadyRead(int(deadline.remainingTime())))
            break;
        got += socket.readAll();
    }
    return got;
}

bool closedByPeer(QTcpSocket &socket, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired())
        socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    return socket.state() != QAbstractSocket::ConnectedState;
}

} // namespace

class TestStreamServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<net::EventLoopPool> m_pool;
    std::unique_ptr<net::TcpListener> m_listener;

    quint16 start(net::TcpListener::Options options = {})
    {
        m_listener = std::make_unique<net::TcpListener>(options);
        QList<net::ConnectionShard *> shards;
        for (int i = 0; i < m_pool->size(); ++i) {
            auto *shard = new LineEchoShard(m_listener->state(), IdleTimeoutMs / 4);
            shard->moveToThread(m_pool->thread(i));
            shards.append(shard);
        }
        QString error;
        if (!m_listener->listen(0, shards, &error))
            qFatal("listen failed: %s", qPrintable(error));
        return m_listener->port();
    }

    int connections() const { return m_listener->state()->connections.load(); }

private slots:
    void initTestCase() { m_pool = std::make_unique<net::EventLoopPool>(2); }
    void cleanup()
    {
        if (m_listener && m_listener->isListening()) {
            QSignalSpy stopped(m_listener.get(), &net::TcpListener::stopped);
            m_listener->stop(2000);
            QVERIFY(stopped.wait(10000));
        }
        m_listener.reset();
    }

    // Lines come back in order, also when several arrive at once or one arrives in pieces,
    // on connections spread over both network threads.
    void echoesLines_data()
    {
        QTest::addColumn<QList<QByteArray>>("writes");
        QTest::addColumn<QByteArray>("echo");
        QTest::newRow("one line") << QList<QByteArray>{"hello\n"} << QByteArray("hello\n");
        QTest::newRow("pipelined") << QList<QByteArray>{"a\nb\nc\n"} << QByteArray("a\nb\nc\n");
        QTest::newRow("in pieces")
            << QList<QByteArray>{"he", "llo wor", "ld\nx", "\n"} << QByteArray("hello world\nx\n");
    }
    void echoesLines()
    {
        QFETCH(QList<QByteArray>, writes);
        QFETCH(QByteArray, echo);
        const quint16 port = start();
        QTcpSocket clients[4];
        for (QTcpSocket &client : clients) {
            client.connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(client.waitForConnected(5000));
        }
        for (const QByteArray &piece : writes) {
            for (QTcpSocket &client : clients) {
                client.write(piece);
                client.flush();
            }
            QTest::qWait(10); // separate segments for "in pieces"
        }
        for (QTcpSocket &client : clients)
            QCOMPARE(readUntil(client, echo), echo);
        QCOMPARE(connections(), 4);
        QCOMPARE(m_listener->state()->accepted.load(), quint64(4));
    }

    // The shard's sweep closes idle connections at their deadline; the count follows.
    void idleConnectionsTimeOut()
    {
        const quint16 port = start();
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(client.waitForConnected(5000));
        QTRY_COMPARE(connections(), 1);
        QVERIFY(closedByPeer(client, IdleTimeoutMs * 10));
        QTRY_COMPARE(connections(), 0);
    }

    // Wait at the cap: the third client is held in the backlog, then served.
    void capWaits()
    {
        net::TcpListener::Options options;
        options.maxConnections = 2;
        const quint16 port = start(options);
        QTcpSocket busy[2];
        for (QTcpSocket &client : busy) {
            client.connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(client.waitForConnected(5000));
            client.write("partial"); // a line in progress: not reusable
            client.flush();
        }
        QTRY_COMPARE(connections(), 2);
        QTcpSocket third;
        third.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(third.waitForConnected(5000));
        third.write("waited\n");
        QVERIFY(!third.waitForReadyRead(300));
        busy[0].abort(); // frees a slot
        QCOMPARE(readUntil(third, "waited\n"), QByteArray("waited\n"));
        QCOMPARE(m_listener->state()->refused.load(), quint64(0));
    }

    // Wait at the cap with an idle crowd: the oldest idle connections make room.
    void capReclaimsIdle()
    {
        net::TcpListener::Options options;
        options.maxConnections = 4;
        const quint16 port = start(options);
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 4; ++i) {
            auto client = std::make_unique<QTcpSocket>();
            client->connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(client->waitForConnected(5000));
            QTRY_COMPARE(connections(), i + 1);
            QTest::qWait(5); // distinct idle-since times
            idle.push_back(std::move(client));
        }
        QTcpSocket active;
        active.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(active.waitForConnected(5000));
        active.write("in\n");
        QCOMPARE(readUntil(active, "in\n", 3000), QByteArray("in\n"));
        QVERIFY(closedByPeer(*idle.front(), 1000));
        QVERIFY(m_listener->state()->reclaimed.load() >= 1);
    }

    // Refuse at the cap (what Redis and PostgreSQL do): the refusal text, then the close.
    void capRefuses()
    {
        net::TcpListener::Options options;
        options.maxConnections = 1;
        options.atCapacity = net::TcpListener::AtCapacity::Refuse;
        options.refusal = "-ERR max number of clients reached\r\n";
        const quint16 port = start(options);
        QTcpSocket first;
        first.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(first.waitForConnected(5000));
        QTRY_COMPARE(connections(), 1);
        QTcpSocket second;
        second.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(second.waitForConnected(5000));
        QCOMPARE(readUntil(second, "\r\n"), options.refusal);
        QVERIFY(closedByPeer(second));
        QCOMPARE(m_listener->state()->refused.load(), quint64(1));
        first.write("still\n");
        QCOMPARE(readUntil(first, "still\n"), QByteArray("still\n"));
    }

    // Stop drains: idle connections close at once, a line in progress gets until the drain
    // deadline, new connections are refused by the kernel, stopped() comes once.
    void stopDrains()
    {
        const quint16 port = start();
        QTcpSocket idleClient, busyClient;
        idleClient.connectToHost(QHostAddress::LocalHost, port);
        busyClient.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(idleClient.waitForConnected(5000) && busyClient.waitForConnected(5000));
        busyClient.write("unfinished");
        busyClient.flush();
        QTRY_COMPARE(connections(), 2);
        QSignalSpy stopped(m_listener.get(), &net::TcpListener::stopped);
        m_listener->stop(300);
        QVERIFY(closedByPeer(idleClient, 1000));
        QTcpSocket late;
        late.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!late.waitForConnected(1000));
        QVERIFY(closedByPeer(busyClient, 3000));
        QVERIFY(stopped.wait(5000) || stopped.count() == 1);
        QCOMPARE(stopped.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStreamServer)
#include "tst_streamserver.moc"
