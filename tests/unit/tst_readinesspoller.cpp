#include "net/clock.h"
#include "net/connectionshard.h"
#include "net/readinesspoller.h"

#include <QAbstractEventDispatcher>
#include <QPointer>
#include <QScopeGuard>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <functional>
#include <memory>
#include <set>
#include <vector>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using infralab::net::ReadinessHandler;
using infralab::net::ReadinessPoller;

namespace {

// Both ends of a non-blocking stream socket pair; closed on destruction.
struct Pair
{
    int ours = -1;
    int peer = -1;

    Pair()
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) == 0) {
            ours = fds[0];
            peer = fds[1];
        }
    }
    ~Pair() { closeBoth(); }
    void closeBoth()
    {
        if (ours >= 0)
            ::close(ours);
        if (peer >= 0)
            ::close(peer);
        ours = peer = -1;
    }
    Pair(const Pair &) = delete;
    Pair &operator=(const Pair &) = delete;
};

void sendByte(int fd)
{
    const char byte = 'x';
    QCOMPARE(::write(fd, &byte, 1), ssize_t(1));
}

int readAll(int fd)
{
    char buffer[4096];
    int total = 0;
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
        total += int(n);
    return total;
}

// Counts its calls; `onReady` may do what a real socket owner does inside the callback.
struct Probe final : ReadinessHandler
{
    int fd = -1;
    int calls = 0;
    quint32 last = 0;
    std::function<void(Probe &)> onReady;
    static inline std::set<const Probe *> alive;

    Probe() { alive.insert(this); }
    ~Probe() { alive.erase(this); }
    void descriptorReady(quint32 events) override
    {
        QVERIFY2(alive.count(this), "called after deletion");
        ++calls;
        last = events;
        if (onReady)
            onReady(*this);
    }
};

// Runs the event loop until `marker` (a probe on a descriptor made readable just now) was
// called: every readiness that existed before it was dispatched in that wake-up or earlier.
void runOneWakeUp(ReadinessPoller &poller)
{
    Pair pair;
    Probe marker;
    marker.onReady = [](Probe &p) {
        readAll(p.fd);
    };
    marker.fd = pair.ours;
    QVERIFY(poller.add(pair.ours, &marker, ReadinessPoller::Readable));
    sendByte(pair.peer);
    QTRY_VERIFY_WITH_TIMEOUT(marker.calls > 0, 5000);
    poller.remove(pair.ours, &marker);
}

} // namespace

class TestReadinessPoller final : public QObject
{
    Q_OBJECT

private slots:
    void readReadinessOfManySockets_data();
    void readReadinessOfManySockets();
    void levelTriggeredUntilRead();
    void writeReadinessOnlyWhenAsked();
    void hangUpWithoutInterest();
    void removalInsideCallback_data();
    void removalInsideCallback();
    void descriptorNumberReusedInsideBatch();
    void refusesBadDescriptors();
    void onePollerPerThread();
    void coarseClockOfAWakeUp();
};

void TestReadinessPoller::readReadinessOfManySockets_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("one") << 1;
    QTest::newRow("one batch") << 100;
    QTest::newRow("more than one batch (256 per wake-up)") << 600;
}

void TestReadinessPoller::readReadinessOfManySockets()
{
    QFETCH(int, count);
    ReadinessPoller poller;
    QVERIFY(poller.isValid());
    std::vector<std::unique_ptr<Pair>> pairs;
    std::vector<std::unique_ptr<Probe>> probes;
    for (int i = 0; i < count; ++i) {
        pairs.push_back(std::make_unique<Pair>());
        QVERIFY(pairs.back()->ours >= 0);
        auto probe = std::make_unique<Probe>();
        probe->fd = pairs.back()->ours;
        probe->onReady = [](Probe &p) {
            readAll(p.fd);
        };
        QVERIFY(poller.add(probe->fd, probe.get(), ReadinessPoller::Readable));
        probes.push_back(std::move(probe));
    }
    QCOMPARE(poller.size(), count);
    // Every other socket gets a byte: exactly those are called, once each.
    for (int i = 0; i < count; i += 2)
        sendByte(pairs[i]->peer);
    const int expected = (count + 1) / 2;
    QTRY_COMPARE_WITH_TIMEOUT(
        int(std::count_if(probes.begin(), probes.end(), [](auto &p) { return p->calls > 0; })),
        expected, 5000);
    runOneWakeUp(poller);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(probes[i]->calls, i % 2 == 0 ? 1 : 0);
        if (i % 2 == 0)
            QCOMPARE(probes[i]->last, quint32(ReadinessPoller::Readable));
    }
    for (int i = 0; i < count; ++i)
        poller.remove(pairs[i]->ours, probes[i].get());
    QCOMPARE(poller.size(), 0);
}

void TestReadinessPoller::levelTriggeredUntilRead()
{
    // Like QSocketNotifier: a handler that leaves bytes unread hears again on the next wake-up.
    ReadinessPoller poller;
    Pair pair;
    Probe probe;
    probe.fd = pair.ours;
    QVERIFY(poller.add(pair.ours, &probe, ReadinessPoller::Readable));
    sendByte(pair.peer);
    QTRY_VERIFY_WITH_TIMEOUT(probe.calls >= 3, 5000);
    probe.onReady = [](Probe &p) {
        readAll(p.fd);
    };
    runOneWakeUp(poller); // reads the byte
    const int calls = probe.calls;
    runOneWakeUp(poller);
    runOneWakeUp(poller);
    QCOMPARE(probe.calls, calls);
    poller.remove(pair.ours, &probe);
}

void TestReadinessPoller::writeReadinessOnlyWhenAsked()
{
    ReadinessPoller poller;
    Pair pair;
    Probe probe;
    probe.fd = pair.ours;
    QVERIFY(poller.add(pair.ours, &probe, ReadinessPoller::Readable));
    runOneWakeUp(poller);
    QCOMPARE(probe.calls, 0); // writable, but nobody asked

    // Fill the socket: asking for write readiness now must wait until the peer reads.
    const QByteArray chunk(64 * 1024, 'w');
    int filled = 0;
    while (true) {
        const ssize_t n = ::write(pair.ours, chunk.constData(), size_t(chunk.size()));
        if (n <= 0) {
            QCOMPARE(errno, EAGAIN);
            break;
        }
        filled += int(n);
    }
    QVERIFY(filled > 0);
    QVERIFY(
        poller.modify(pair.ours, &probe, ReadinessPoller::Readable | ReadinessPoller::Writable));
    runOneWakeUp(poller);
    runOneWakeUp(poller);
    QCOMPARE(probe.calls, 0);

    probe.onReady = [&](Probe &p) {
        // Write readiness only while output is pending: off once it is reported.
        QVERIFY(poller.modify(p.fd, &p, ReadinessPoller::Readable));
    };
    QCOMPARE(readAll(pair.peer), filled);
    QTRY_COMPARE_WITH_TIMEOUT(probe.calls, 1, 5000);
    QCOMPARE(probe.last, quint32(ReadinessPoller::Writable));
    runOneWakeUp(poller);
    QCOMPARE(probe.calls, 1);
    poller.remove(pair.ours, &probe);
}

void TestReadinessPoller::hangUpWithoutInterest()
{
    // epoll reports a hang-up even to a descriptor that asked for nothing: documented, so
    // owners remove what they do not want to hear about.
    ReadinessPoller poller;
    Pair pair;
    Probe probe;
    probe.fd = pair.ours;
    probe.onReady = [&](Probe &p) {
        poller.remove(p.fd, &p);
    };
    QVERIFY(poller.add(pair.ours, &probe, 0));
    runOneWakeUp(poller);
    QCOMPARE(probe.calls, 0);
    ::close(std::exchange(pair.peer, -1));
    QTRY_COMPARE_WITH_TIMEOUT(probe.calls, 1, 5000);
    QCOMPARE(probe.last, quint32(ReadinessPoller::Readable | ReadinessPoller::Writable));
    QCOMPARE(poller.size(), 0);
}

void TestReadinessPoller::removalInsideCallback_data()
{
    QTest::addColumn<bool>("deleteSelf");
    QTest::newRow("the first called deletes the others") << false;
    QTest::newRow("the first called deletes the others and itself") << true;
}

void TestReadinessPoller::removalInsideCallback()
{
    // Ten descriptors ready in one wake-up; the first handler called removes and deletes all
    // the others (a connection closing its peers), maybe itself too: nobody deleted is called,
    // whatever order epoll reports them in.
    QFETCH(bool, deleteSelf);
    ReadinessPoller poller;
    constexpr int Count = 10;
    std::vector<std::unique_ptr<Pair>> pairs;
    std::vector<Probe *> probes;
    int totalCalls = 0;
    for (int i = 0; i < Count; ++i) {
        pairs.push_back(std::make_unique<Pair>());
        auto *probe = new Probe;
        probe->fd = pairs.back()->ours;
        probes.push_back(probe);
        QVERIFY(poller.add(probe->fd, probe, ReadinessPoller::Readable));
    }
    for (Probe *probe : probes) {
        probe->onReady = [&](Probe &self) {
            // Locals: deleting `self` destroys this lambda's captures.
            std::vector<Probe *> &list = probes;
            ReadinessPoller &owner = poller;
            const bool alsoSelf = deleteSelf;
            ++totalCalls;
            readAll(self.fd);
            for (Probe *&other : list) {
                if (other && other != &self) {
                    owner.remove(other->fd, other);
                    delete std::exchange(other, nullptr);
                }
            }
            if (alsoSelf) {
                std::replace(list.begin(), list.end(), &self, static_cast<Probe *>(nullptr));
                owner.remove(self.fd, &self);
                delete &self;
            }
        };
    }
    for (const auto &pair : pairs)
        sendByte(pair->peer);
    QTRY_COMPARE_WITH_TIMEOUT(totalCalls, 1, 5000);
    runOneWakeUp(poller);
    QCOMPARE(totalCalls, 1);
    QCOMPARE(poller.size(), deleteSelf ? 0 : 1);
    for (Probe *probe : probes) {
        if (probe)
            poller.remove(probe->fd, probe);
        delete probe;
    }
}

void TestReadinessPoller::descriptorNumberReusedInsideBatch()
{
    // Two sockets ready in one wake-up. The first handler called closes the other's socket
    // (removing it first, as owners must) and opens a new one that gets the same number at
    // once, with a new handler. The closed one's pending event reaches neither handler.
    ReadinessPoller poller;
    auto first = std::make_unique<Pair>();
    auto second = std::make_unique<Pair>();
    Probe a;
    Probe b;
    Probe c;
    c.onReady = [](Probe &p) {
        readAll(p.fd);
    };
    a.fd = first->ours;
    b.fd = second->ours;
    std::unique_ptr<Pair> reopened;
    int reusedNumber = -1;
    const auto closeOther = [&](Probe &self) {
        readAll(self.fd);
        if (reopened)
            return;
        Probe &other = &self == &a ? b : a;
        auto &otherPair = &self == &a ? second : first;
        reusedNumber = other.fd;
        poller.remove(other.fd, &other);
        otherPair->closeBoth();
        reopened = std::make_unique<Pair>(); // lowest free numbers: the ones just closed
        c.fd = reopened->ours;
        QVERIFY(poller.add(c.fd, &c, ReadinessPoller::Readable));
    };
    a.onReady = closeOther;
    b.onReady = closeOther;
    QVERIFY(poller.add(a.fd, &a, ReadinessPoller::Readable));
    QVERIFY(poller.add(b.fd, &b, ReadinessPoller::Readable));
    sendByte(first->peer);
    sendByte(second->peer);
    QTRY_VERIFY_WITH_TIMEOUT(reopened != nullptr, 5000);
    runOneWakeUp(poller);
    QCOMPARE(a.calls + b.calls, 1);
    QVERIFY(reopened->ours == reusedNumber || reopened->peer == reusedNumber);
    QCOMPARE(c.calls, 0); // its socket has nothing to read
    sendByte(reopened->peer);
    QTRY_COMPARE_WITH_TIMEOUT(c.calls, 1, 5000);
    QCOMPARE(a.calls + b.calls, 1);
    poller.remove(c.fd, &c);
    Probe &survivor = b.calls ? b : a;
    poller.remove(survivor.fd, &survivor);
    QCOMPARE(poller.size(), 0);
}

void TestReadinessPoller::refusesBadDescriptors()
{
    ReadinessPoller poller;
    Probe probe;
    QVERIFY(!poller.add(-1, &probe, ReadinessPoller::Readable));
    QVERIFY(!poller.add(987654, &probe, ReadinessPoller::Readable)); // not open
    Pair pair;
    QVERIFY(!poller.modify(pair.ours, &probe, ReadinessPoller::Readable)); // never added
    QVERIFY(poller.add(pair.ours, &probe, ReadinessPoller::Readable));
    QVERIFY(!poller.add(pair.ours, &probe, ReadinessPoller::Readable)); // twice
    QCOMPARE(poller.size(), 1);
    poller.remove(pair.ours, &probe);
    poller.remove(pair.ours, &probe); // twice is harmless
    QCOMPARE(poller.size(), 0);
}

void TestReadinessPoller::onePollerPerThread()
{
    ReadinessPoller *mine = ReadinessPoller::forCurrentThread();
    QVERIFY(mine);
    QCOMPARE(ReadinessPoller::forCurrentThread(), mine);

    QThread thread;
    thread.start();
    const auto stopThread = qScopeGuard([&] {
        thread.quit();
        thread.wait();
    });
    QObject context; // runs our calls in the thread
    context.moveToThread(&thread);
    QPointer<ReadinessPoller> theirs;
    int theirCalls = 0;
    Pair pair;
    Probe probe;
    probe.fd = pair.ours;
    probe.onReady = [&](Probe &p) {
        readAll(p.fd);
        QCOMPARE(QThread::currentThread(), &thread);
        ++theirCalls;
    };
    bool added = false;
    QMetaObject::invokeMethod(
        &context,
        [&] {
            theirs = ReadinessPoller::forCurrentThread();
            added = theirs && theirs->add(pair.ours, &probe, ReadinessPoller::Readable);
        },
        Qt::BlockingQueuedConnection);
    QVERIFY(added);
    QVERIFY(theirs.data() != mine);
    sendByte(pair.peer);
    QTRY_COMPARE_WITH_TIMEOUT(theirCalls, 1, 5000);
    QThread *const testThread = QThread::currentThread();
    QMetaObject::invokeMethod(
        &context,
        [&] {
            theirs->remove(pair.ours, &probe);
            context.moveToThread(testThread); // home again before the thread ends
        },
        Qt::BlockingQueuedConnection);
    // It goes with the thread's event loop.
    thread.quit();
    QVERIFY(thread.wait(5000));
    QVERIFY(theirs.isNull());
    QCOMPARE(ReadinessPoller::forCurrentThread(), mine);
}

void TestReadinessPoller::coarseClockOfAWakeUp()
{
    // Inside a dispatch, deadlines read the time of the wake-up; outside, the clock itself.
    using infralab::net::coarseNowMs;
    using infralab::net::steadyNowMs;
    ReadinessPoller poller;
    Pair pair;
    Probe probe;
    probe.fd = pair.ours;
    qint64 first = 0;
    qint64 later = 0;
    qint64 clock = 0;
    probe.onReady = [&](Probe &p) {
        readAll(p.fd);
        first = coarseNowMs();
        const qint64 until = steadyNowMs() + 3;
        while (steadyNowMs() < until) {
        }
        later = coarseNowMs();
        clock = steadyNowMs();
    };
    QVERIFY(poller.add(pair.ours, &probe, ReadinessPoller::Readable));
    const qint64 before = steadyNowMs();
    sendByte(pair.peer);
    QTRY_COMPARE_WITH_TIMEOUT(probe.calls, 1, 5000);
    QVERIFY(first >= before);
    QCOMPARE(later, first);
    QVERIFY(clock >= first + 3);
    QVERIFY(coarseNowMs() >= clock);
    poller.remove(pair.ours, &probe);
}

QTEST_GUILESS_MAIN(TestReadinessPoller)
#include "tst_readinesspoller.moc"
