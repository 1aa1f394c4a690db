#include "net/eventlooppool.h"

#include <QObject>
#include <QTest>
#include <QThread>

#include <cerrno>
#include <set>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

using infralab::net::EventLoopPool;

namespace {

int threadNice()
{
    errno = 0;
    const int value = ::getpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)));
    return errno == 0 ? value : -100;
}

// The nice value of `thread`, read inside it.
int niceOf(QThread *thread)
{
    auto *probe = new QObject;
    probe->moveToThread(thread);
    int value = -100;
    QMetaObject::invokeMethod(
        probe,
        [probe, &value] {
            value = threadNice();
            delete probe;
        },
        Qt::BlockingQueuedConnection);
    return value;
}

} // namespace

class TestEventLoopPool : public QObject
{
    Q_OBJECT

private slots:
    void niceness_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("niceness");
        QTest::newRow("default keeps the caller's") << 2 << 0;
        QTest::newRow("one thread, +5") << 1 << 5;
        QTest::newRow("three threads, +5") << 3 << 5;
        QTest::newRow("capped at 19") << 2 << 40;
    }

    void niceness()
    {
        QFETCH(int, threads);
        QFETCH(int, niceness);
        const int ours = threadNice();
        QVERIFY(ours != -100);
        EventLoopPool pool(threads, niceness);
        QCOMPARE(pool.size(), threads);
        for (int i = 0; i < pool.size(); ++i)
            QCOMPARE(niceOf(pool.thread(i)), std::min(19, ours + niceness));
        QCOMPARE(threadNice(), ours); // the calling thread is never touched
    }

    void roundRobin()
    {
        EventLoopPool pool(3);
        std::multiset<QThread *> seen;
        for (int i = 0; i < 9; ++i)
            seen.insert(pool.nextThread());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(int(seen.count(pool.thread(i))), 3);
    }
};

QTEST_GUILESS_MAIN(TestEventLoopPool)
#include "tst_eventlooppool.moc"
