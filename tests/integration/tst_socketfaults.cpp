#include "httpserver/httpserver.h"
#include "net/eventlooppool.h"
#include "net/faulthook.h"
#include "net/listensocket.h"
#include "net/streamsocket.h"
#include "upstream/httpforwarder.h"

#include "common/testclients.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <deque>
#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// Fault injection's seam in StreamSocket (net/streamfault.h): a StreamFault's plan per chunk
// delays, holds, cuts or resets bytes in either direction without blocking the thread, and
// bytes never overtake each other. Checked on real loopback TCP sockets (the socket under
// test in this thread, its peer a raw descriptor read without blocking), then through an
// HTTP listener (a node's faults) and an upstream client (a link's faults).
using namespace infralab;
using Action = net::StreamFault::Action;
using Plan = net::StreamFault::Plan;

namespace {

// Plays its plans in order, then delivers; counts the chunks it saw.
class ScriptedFault final : public net::StreamFault
{
public:
    explicit ScriptedFault(std::deque<Plan> plans, int *seen = nullptr)
        : m_plans(std::move(plans))
        , m_seen(seen)
    {}
    Plan plan(qsizetype, qint64) override
    {
        if (m_seen)
            ++*m_seen;
        if (m_plans.empty())
            return {};
        Plan next = m_plans.front();
        m_plans.pop_front();
        return next;
    }

private:
    std::deque<Plan> m_plans;
    int *m_seen;
};

std::unique_ptr<net::StreamFault> script(std::initializer_list<Plan> plans, int *seen = nullptr)
{
    return std::make_unique<ScriptedFault>(std::deque<Plan>(plans), seen);
}

Plan delayed(qint64 ms)
{
    Plan plan;
    plan.delayMs = ms;
    return plan;
}

Plan acting(Action action)
{
    Plan plan;
    plan.action = action;
    return plan;
}

Plan limited(qsizetype bytes, Action after)
{
    Plan plan;
    plan.deliverBytes = bytes;
    plan.after = after;
    return plan;
}

// A connected loopback TCP pair: {ours, peer}, both non-blocking.
std::pair<int, int> tcpPair()
{
    QString error;
    net::ListenSocket listening = net::ListenSocket::bindLoopback(0, 4, &error);
    const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(listening.port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::connect(client, reinterpret_cast<sockaddr *>(&address), sizeof address);
    int accepted = -1;
    for (int i = 0; i < 1000 && accepted < 0; ++i) {
        accepted = ::accept4(listening.fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (accepted < 0)
            QTest::qWait(1);
    }
    net::closeDescriptor(listening.fd);
    return {accepted, client};
}

// Everything the peer can read now; `*ended` when it saw the end or a reset.
QByteArray drainPeer(int fd, bool *ended = nullptr, int *error = nullptr)
{
    QByteArray got;
    char buffer[65536];
    while (true) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            got.append(buffer, n);
            continue;
        }
        if (n == 0 && ended)
            *ended = true;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            if (ended)
                *ended = true;
            if (error)
                *error = errno;
        }
        return got;
    }
}

// Reads whatever the socket offers, whenever it is readable.
class Collector final : public net::SocketReader
{
public:
    explicit Collector(net::StreamSocket *socket)
        : m_socket(socket)
    {
        socket->setReader(this);
    }
    void socketReadable(net::StreamSocket *) override
    {
        qsizetype n = 0;
        const auto status = m_socket->readInto(bytes, 4096, &n);
        if (status == net::StreamSocket::ReadStatus::Data && firstAtMs < 0)
            firstAtMs = timer.elapsed();
        if (status == net::StreamSocket::ReadStatus::EndOfStream)
            ended = true;
        if (status == net::StreamSocket::ReadStatus::Error)
            failed = true;
    }
    QElapsedTimer timer;
    QByteArray bytes;
    qint64 firstAtMs = -1;
    bool ended = false;
    bool failed = false;

private:
    net::StreamSocket *m_socket;
};

// A node fault for an HTTP listener: every response byte waits `delayMs`.
class SlowReplies final : public net::FaultPolicy
{
public:
    explicit SlowReplies(qint64 delayMs)
        : m_delayMs(delayMs)
    {}
    std::unique_ptr<net::StreamFault> streamFault(net::StreamDirection direction) const override
    {
        if (direction != net::StreamDirection::Outbound)
            return nullptr;
        return script({delayed(m_delayMs)});
    }

private:
    qint64 m_delayMs;
};

class OkHandler final : public httpserver::HttpHandler
{
public:
    void handle(httpserver::HttpExchange &exchange) override
    {
        exchange.begin(200).add("Content-Type", "text/plain");
        exchange.send("ok\n");
    }
};

class ForwardingHandler final : public httpserver::HttpHandler
{
public:
    ForwardingHandler(quint16 port, const upstream::UpstreamOptions &options)
        : m_forwarder({port}, options)
    {}
    void handle(httpserver::HttpExchange &exchange) override { m_forwarder.forward(exchange); }

private:
    upstream::HttpForwarder m_forwarder;
};

double curlSeconds(const QString &url, QByteArray *body)
{
    const testing::CurlResult r
        = testing::curl({"-s", "-w", "\n%{time_total}", "--max-time", "10", url});
    const qsizetype cut = r.out.lastIndexOf('\n');
    *body = r.out.first(cut);
    return r.out.mid(cut + 1).toDouble();
}

} // namespace

class TestSocketFaults : public QObject
{
    Q_OBJECT

private slots:
    // Inbound: what the peer sends reaches the reader only after the planned delay.
    void inboundDelay()
    {
        auto [ours, peer] = tcpPair();
        QVERIFY(ours >= 0);
        net::StreamSocket socket(ours);
        socket.setFaults(script({delayed(300)}), nullptr);
        Collector reader(&socket);
        reader.timer.start();
        QCOMPARE(::send(peer, "late", 4, MSG_NOSIGNAL), ssize_t(4));
        QTRY_COMPARE_WITH_TIMEOUT(reader.bytes, QByteArray("late"), 5000);
        QVERIFY2(reader.firstAtMs >= 280, qPrintable(QString::number(reader.firstAtMs)));
        ::close(peer);
        QTRY_VERIFY(reader.ended);
    }

    // Outbound: delayed bytes count as pending, leave in order (a later undelayed chunk
    // waits behind them), and drained() comes once they are out.
    void outboundDelayKeepsOrder()
    {
        auto [ours, peer] = tcpPair();
        net::StreamSocket socket(ours);
        socket.setFaults(nullptr, script({delayed(300), delayed(0)}));
        QSignalSpy drained(&socket, &net::StreamSocket::drained);
        QElapsedTimer timer;
        timer.start();
        socket.write("first ");
        socket.write("second");
        QCOMPARE(socket.pendingBytes(), qsizetype(12));
        QTest::qWait(100); // nothing may arrive before the 300 ms delay: time must pass
        QCOMPARE(drainPeer(peer), QByteArray());
        QByteArray got;
        QTRY_COMPARE_WITH_TIMEOUT((got += drainPeer(peer)), QByteArray("first second"), 5000);
        QVERIFY(timer.elapsed() >= 280);
        QCOMPARE(socket.pendingBytes(), qsizetype(0));
        QTRY_COMPARE(drained.count(), 1);
        ::close(peer);
    }

    // Hold keeps everything until the fault goes; then it is released in order and the
    // socket is back on its plain path.
    void holdUntilRemoved()
    {
        auto [ours, peer] = tcpPair();
        net::StreamSocket socket(ours);
        socket.setFaults(script({acting(Action::Hold)}), nullptr);
        Collector reader(&socket);
        ::send(peer, "held ", 5, MSG_NOSIGNAL);
        QTest::qWait(50);
        ::send(peer, "too", 3, MSG_NOSIGNAL);
        QTest::qWait(300); // held: nothing may be read however long we wait
        QCOMPARE(reader.bytes, QByteArray());
        socket.setFaults(nullptr, nullptr);
        QTRY_COMPARE(reader.bytes, QByteArray("held too"));
        QVERIFY(!socket.hasFaults());
        ::send(peer, "!", 1, MSG_NOSIGNAL);
        QTRY_COMPARE(reader.bytes, QByteArray("held too!"));
        ::close(peer);
    }

    // limit_data: the first bytes pass, then the connection closes (FIN) or resets (RST).
    void limitThenCut_data()
    {
        QTest::addColumn<Action>("after");
        QTest::addColumn<bool>("peerSeesReset");
        QTest::newRow("close") << Action::Close << false;
        QTest::newRow("reset") << Action::Reset << true;
    }
    void limitThenCut()
    {
        QFETCH(Action, after);
        QFETCH(bool, peerSeesReset);
        auto [ours, peer] = tcpPair();
        net::StreamSocket socket(ours);
        socket.setFaults(nullptr, script({limited(2, after)}));
        QSignalSpy failed(&socket, &net::StreamSocket::failed);
        socket.write("hello");
        QCOMPARE(failed.count(), 1);
        QVERIFY(!socket.isOpen());
        QByteArray got;
        bool ended = false;
        int error = 0;
        QTRY_VERIFY((got += drainPeer(peer, &ended, &error), ended));
        QCOMPARE(got, QByteArray("he"));
        QCOMPARE(error == ECONNRESET, peerSeesReset);
        ::close(peer);
    }

    // Reset or close planned for an inbound chunk: the reader's read says Error at once.
    void inboundCut_data()
    {
        QTest::addColumn<Action>("action");
        QTest::newRow("close") << Action::Close;
        QTest::newRow("reset") << Action::Reset;
    }
    void inboundCut()
    {
        QFETCH(Action, action);
        auto [ours, peer] = tcpPair();
        net::StreamSocket socket(ours);
        int seen = 0;
        socket.setFaults(script({acting(action)}, &seen), nullptr);
        Collector reader(&socket);
        ::send(peer, "x", 1, MSG_NOSIGNAL);
        QTRY_VERIFY(reader.failed);
        QCOMPARE(reader.bytes, QByteArray());
        QCOMPARE(seen, 1);
        ::close(peer);
    }

    // Inbound bytes a fault holds stop at the budget: past it the kernel is not read, so the
    // peer's sends back up instead of the lab's memory growing.
    void heldInboundIsBounded()
    {
        auto [ours, peer] = tcpPair();
        net::StreamSocket socket(ours);
        int seen = 0;
        socket.setFaults(script({acting(Action::Hold)}, &seen), nullptr);
        Collector reader(&socket);
        const QByteArray block(64 * 1024, 'b');
        qint64 sent = 0;
        for (int i = 0; i < 400; ++i) { // up to 25 MiB offered
            const ssize_t n = ::send(peer, block.constData(), size_t(block.size()),
                                     MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0)
                sent += n;
            QTest::qWait(1);
        }
        QVERIFY2(sent < 20 * 1024 * 1024, qPrintable(QString::number(sent)));
        QCOMPARE(reader.bytes.size(), qsizetype(0));
        socket.setFaults(nullptr, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(reader.bytes.size() >= 1024 * 1024, 5000);
        ::close(peer);
    }

    // A node's fault, through its listener's hook: every reply is 300 ms late; removed, the
    // next one is not.
    void nodeFaultOnHttpListener()
    {
        net::EventLoopPool pool(2);
        httpserver::HttpServer server(pool, {}, [] { return std::make_unique<OkHandler>(); });
        QString error;
        QVERIFY2(server.listen(0, &error), qPrintable(error));
        const QString url = QString("http://127.0.0.1:%1/").arg(server.port());
        server.setFaultPolicy(std::make_shared<SlowReplies>(300));
        QByteArray body;
        const double slow = curlSeconds(url, &body);
        QCOMPARE(body, QByteArray("ok\n"));
        QVERIFY2(slow >= 0.28, qPrintable(QString::number(slow)));
        server.setFaultPolicy(nullptr);
        const double fast = curlSeconds(url, &body);
        QCOMPARE(body, QByteArray("ok\n"));
        QVERIFY2(fast < 0.25, qPrintable(QString::number(fast)));
        QSignalSpy stopped(&server, &httpserver::HttpServer::stopped);
        server.stop();
        QVERIFY(stopped.wait(10000));
    }

    // A link's fault, through the caller's OutgoingFaults: the upstream client's connections
    // to that callee's port get it, other ports do not.
    void linkFaultOnUpstreamClient()
    {
        net::EventLoopPool pool(2);
        httpserver::HttpServer backend(pool, {}, [] { return std::make_unique<OkHandler>(); });
        QString error;
        QVERIFY(backend.listen(0, &error));
        auto faults = std::make_shared<net::OutgoingFaults>();
        faults->set(backend.port(), std::make_shared<SlowReplies>(300)); // outbound: requests
        upstream::UpstreamOptions options;
        options.faults = faults;
        const quint16 port = backend.port();
        httpserver::HttpServer front(pool, {}, [port, options] {
            return std::make_unique<ForwardingHandler>(port, options);
        });
        QVERIFY(front.listen(0, &error));
        const QString url = QString("http://127.0.0.1:%1/").arg(front.port());
        QByteArray body;
        const double slow = curlSeconds(url, &body);
        QCOMPARE(body, QByteArray("ok\n"));
        QVERIFY2(slow >= 0.28, qPrintable(QString::number(slow)));
        QVERIFY(faults->policy(port) != nullptr);
        QCOMPARE(faults->policy(quint16(port + 1)), nullptr);
        faults->set(port, nullptr);
        QCOMPARE(faults->policy(port), nullptr);
        for (auto *server : {&front, &backend}) {
            QSignalSpy stopped(server, &httpserver::HttpServer::stopped);
            server->stop();
            QVERIFY(stopped.wait(10000));
        }
    }
};

QTEST_GUILESS_MAIN(TestSocketFaults)
#include "tst_socketfaults.moc"
