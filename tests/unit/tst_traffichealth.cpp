// live::TrafficHealth: a node's health by the failed share of its answers (Kiali's thresholds),
// over a sliding window of cumulative counters sampled at explicit times.
#include "live/traffichealth.h"

#include <QTest>

using namespace infralab::live;

Q_DECLARE_METATYPE(infralab::live::TrafficHealth)

class TestTrafficHealth : public QObject
{
    Q_OBJECT

private slots:
    void judge_data()
    {
        QTest::addColumn<quint64>("requests");
        QTest::addColumn<quint64>("failures");
        QTest::addColumn<TrafficHealth>("health");
        QTest::newRow("idle") << quint64(0) << quint64(0) << TrafficHealth::NoTraffic;
        QTest::newRow("clean") << quint64(100000) << quint64(0) << TrafficHealth::Healthy;
        QTest::newRow("just under 0.1%")
            << quint64(100000) << quint64(99) << TrafficHealth::Healthy;
        QTest::newRow("0.1% is degraded")
            << quint64(100000) << quint64(100) << TrafficHealth::Degraded;
        QTest::newRow("10% is still degraded")
            << quint64(1000) << quint64(100) << TrafficHealth::Degraded;
        QTest::newRow("over 10% is failing")
            << quint64(1000) << quint64(101) << TrafficHealth::Failing;
        QTest::newRow("75% 502s") << quint64(400) << quint64(300) << TrafficHealth::Failing;
        QTest::newRow("failures without requests")
            << quint64(0) << quint64(3) << TrafficHealth::Failing;
    }

    void judge()
    {
        QFETCH(quint64, requests);
        QFETCH(quint64, failures);
        QFETCH(TrafficHealth, health);
        QCOMPARE(judgeTraffic(requests, failures), health);
    }

    void windowCountsOnlyRecentTraffic()
    {
        TrafficHealthWindow window(5000);
        QCOMPARE(window.health(), TrafficHealth::NoTraffic);
        window.add(0, 0, 0);
        QCOMPARE(window.health(), TrafficHealth::NoTraffic); // one sample: no interval yet
        // A bad start: half of the first 1000 requests fail.
        window.add(1000, 1000, 500);
        QCOMPARE(window.health(), TrafficHealth::Failing);
        QCOMPARE(window.failedShare(), 0.5);
        // Then clean traffic, 1000 requests a second.
        for (qint64 t = 2000; t <= 6000; t += 1000)
            window.add(t, quint64(t), 500);
        QCOMPARE(window.requests(), quint64(5000)); // the window's baseline is at t = 1000
        QCOMPARE(window.health(), TrafficHealth::Healthy);
        QCOMPARE(window.failedShare(), 0.0);
        window.add(7000, 7000, 505); // 5 of the last 5000: 0.1 %
        QCOMPARE(window.health(), TrafficHealth::Degraded);
    }

    void restartedCountersStartOver()
    {
        TrafficHealthWindow window(5000);
        window.add(0, 0, 0);
        window.add(1000, 1000, 900);
        QCOMPARE(window.health(), TrafficHealth::Failing);
        window.add(2000, 10, 0); // the node restarted: counters from zero
        QCOMPARE(window.health(), TrafficHealth::NoTraffic);
        window.add(3000, 1010, 0);
        QCOMPARE(window.health(), TrafficHealth::Healthy);
        window.clear();
        QCOMPARE(window.requests(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestTrafficHealth)
#include "tst_traffichealth.moc"
