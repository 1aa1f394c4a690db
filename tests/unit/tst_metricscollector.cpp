#include "metrics/metricscollector.h"
#include "metrics/ringbuffer.h"
#include "metrics/trafficrecorder.h"

#include <QSignalSpy>
#include <QTest>

#include <thread>

// The metrics collector with an injected clock and a source the test controls: QPS over the
// last second, 250 ms and 1 s series, window percentiles, bounded rings, one batched snapshot
// per tick, nodes that come and go; and the per-thread recorder it samples, written from
// several threads at once.
using namespace infralab::metrics;

Q_DECLARE_METATYPE(std::shared_ptr<const infralab::metrics::MetricsSnapshot>)

namespace {

// A fake lab: per node the totals so far, raised by the test between ticks.
struct FakeLab
{
    QMap<QString, TrafficTotals> totals;
    qint64 nowMs = 100000;

    void serve(const QString &node, int requests, qint64 latencyUs = 1000, int status = 200)
    {
        TrafficTotals &t = totals[node];
        t.requests += quint64(requests);
        t.responses[std::size_t(status / 100)] += quint64(requests);
        if (status >= 500)
            t.errors[std::size_t(ErrorKind::ServerError)] += quint64(requests);
        t.bytesIn += quint64(requests) * 100;
        t.bytesOut += quint64(requests) * 1000;
        t.latency.record(latencyUs, quint64(requests));
    }

    MetricsCollector::Source source()
    {
        return [this] {
            QList<NodeSample> samples;
            for (auto it = totals.cbegin(); it != totals.cend(); ++it)
                samples.append({it.key(), it.value(), 3});
            return samples;
        };
    }
    MetricsCollector::Clock clock()
    {
        return [this] {
            return nowMs;
        };
    }
};

} // namespace

class TestMetricsCollector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<std::shared_ptr<const MetricsSnapshot>>(); }

    // A steady 400 requests/s, sampled every 250 ms: the QPS over the last second is 400.
    void qpsOverTheLastSecond_data()
    {
        QTest::addColumn<int>("perTick");
        QTest::addColumn<double>("qps");
        QTest::newRow("idle") << 0 << 0.0;
        QTest::newRow("100 per tick") << 100 << 400.0;
        QTest::newRow("1 per tick") << 1 << 4.0;
    }

    void qpsOverTheLastSecond()
    {
        QFETCH(int, perTick);
        QFETCH(double, qps);
        FakeLab lab;
        lab.serve("web", 0);
        MetricsCollector collector(lab.source(), lab.clock());
        collector.sampleNow();
        for (int i = 0; i < 12; ++i) {
            lab.nowMs += 250;
            lab.serve("web", perTick);
            collector.sampleNow();
        }
        const NodeMetrics *web = collector.latest()->find("web");
        QVERIFY(web);
        QCOMPARE(web->qps, qps);
        QCOMPARE(web->requests, quint64(12 * perTick));
        QCOMPARE(web->activeConnections, 3);
    }

    // A burst fades out of the QPS one second later.
    void burstLeavesTheWindow()
    {
        FakeLab lab;
        lab.serve("web", 0);
        MetricsCollector collector(lab.source(), lab.clock());
        collector.sampleNow();
        lab.nowMs += 250;
        lab.serve("web", 50);
        collector.sampleNow();
        QCOMPARE(collector.latest()->find("web")->qps, 200.0); // 50 in 250 ms
        for (int i = 0; i < 3; ++i) {
            lab.nowMs += 250;
            collector.sampleNow();
        }
        QCOMPARE(collector.latest()->find("web")->qps, 50.0); // 50 in the last second
        lab.nowMs += 250;
        collector.sampleNow();
        QCOMPARE(collector.latest()->find("web")->qps, 0.0);
        QCOMPARE(collector.latest()->find("web")->requests, quint64(50));
    }

    void seriesResolutionsAndBounds()
    {
        FakeLab lab;
        lab.serve("web", 0);
        MetricsCollector collector(lab.source(), lab.clock());
        collector.sampleNow();
        // 11 minutes at 250 ms: 2,640 ticks, 10 requests each.
        for (int i = 0; i < 2640; ++i) {
            lab.nowMs += 250;
            lab.serve("web", 10);
            collector.sampleNow();
        }
        const QList<SeriesPoint> fine = collector.series("web", true);
        const QList<SeriesPoint> coarse = collector.series("web");
        QCOMPARE(fine.size(), MetricsCollector::fineCapacity);     // the last minute
        QCOMPARE(coarse.size(), MetricsCollector::coarseCapacity); // the last ten minutes
        QCOMPARE(fine.last().timeMs, lab.nowMs);
        QCOMPARE(fine.last().timeMs - fine.first().timeMs, qint64(250 * 239));
        QCOMPARE(coarse.last().timeMs - coarse.first().timeMs, qint64(1000 * 599));
        QCOMPARE(fine.last().requests, quint64(10));
        QCOMPARE(fine.last().qps, 40.0);
        QCOMPARE(coarse.last().requests, quint64(40));
        QCOMPARE(coarse.last().qps, 40.0);
        QCOMPARE(coarse.last().bytesOut, quint64(40000));
        QVERIFY(collector.series("nobody").isEmpty());
    }

    // The live percentiles cover the last full second only; the totals the whole run.
    void windowPercentiles()
    {
        FakeLab lab;
        lab.serve("web", 100, 50000); // 50 ms, before the window
        MetricsCollector collector(lab.source(), lab.clock());
        collector.sampleNow();
        for (int i = 0; i < 4; ++i) {
            lab.nowMs += 250;
            lab.serve("web", 25, 2000); // 2 ms
            collector.sampleNow();
        }
        const NodeMetrics *web = collector.latest()->find("web");
        QVERIFY(qAbs(web->p50Ms - 2.0) < 0.02);
        QVERIFY(qAbs(web->p99Ms - 2.0) < 0.02);
        QVERIFY(qAbs(web->totalP99Ms - 50.0) < 0.5);
        QCOMPARE(web->latencyCount, quint64(200));
        QCOMPARE(web->latencyBuckets.back(), quint64(200)); // le=10 s holds everything
        QCOMPARE(web->latencyBuckets[3], quint64(0));       // le=1 ms holds nothing
        QCOMPARE(web->latencyBuckets[4], quint64(100));     // le=2.5 ms: the 2 ms ones
        QCOMPARE(collector.series("web").size(), 1);
        QVERIFY(qAbs(collector.series("web").first().p90Ms - 2.0) < 0.02);
    }

    // One signal per tick carries every node; nodes the source drops are forgotten.
    void oneSnapshotPerTick()
    {
        FakeLab lab;
        lab.serve("a", 1);
        lab.serve("b", 2, 1000, 503);
        MetricsCollector collector(lab.source(), lab.clock());
        QSignalSpy snapshots(&collector, &MetricsCollector::snapshotReady);
        collector.sampleNow();
        QCOMPARE(snapshots.size(), 1);
        auto snapshot = snapshots.first().first().value<std::shared_ptr<const MetricsSnapshot>>();
        QCOMPARE(snapshot->nodes.size(), 2);
        QCOMPARE(snapshot->find("b")->errorCount, quint64(2));
        QCOMPARE(snapshot->find("b")->responses[5], quint64(2));
        QCOMPARE(snapshot->tick, quint64(1));

        lab.totals.remove("a");
        lab.nowMs += 250;
        collector.sampleNow();
        QCOMPARE(snapshots.size(), 2);
        QCOMPARE(collector.latest()->nodes.size(), 1);
        QVERIFY(!collector.latest()->find("a"));
        QVERIFY(collector.series("a", true).isEmpty());
    }

    // The real timer ticks every 250 ms (bounds generous: a loaded machine).
    void timerTicks()
    {
        FakeLab lab;
        MetricsCollector collector(lab.source());
        QSignalSpy snapshots(&collector, &MetricsCollector::snapshotReady);
        collector.start();
        QCOMPARE(snapshots.size(), 1); // start() samples at once
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.size() >= 3, 10000);
        collector.stop();
    }

    void ringBufferOverwritesTheOldest()
    {
        RingBuffer<int> ring(3);
        QVERIFY(ring.isEmpty());
        for (int i = 1; i <= 5; ++i)
            ring.push(i);
        QCOMPARE(ring.size(), 3);
        QCOMPARE(ring.at(0), 3);
        QCOMPARE(ring.at(2), 5);
        QCOMPARE(ring.newest(), 5);
    }

    // Each thread writes its own counters; the sum is exact once they are done.
    void recorderAddsUpItsThreads()
    {
        TrafficRecorder recorder(4);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&recorder, t] {
                TrafficCounters &counters = recorder.forThread(t);
                for (int i = 0; i < 25000; ++i) {
                    counters.addRequest();
                    counters.addResponse(i % 10 == 0 ? 500 : 200, 100 + t);
                    counters.addBytesIn(10);
                }
                counters.addRejected(400, ErrorKind::Protocol);
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        const TrafficTotals totals = recorder.totals();
        QCOMPARE(totals.requests, quint64(100000));
        QCOMPARE(totals.responses[2], quint64(90000));
        QCOMPARE(totals.responses[5], quint64(10000));
        QCOMPARE(totals.responses[4], quint64(4));
        QCOMPARE(totals.error(ErrorKind::ServerError), quint64(10000));
        QCOMPARE(totals.error(ErrorKind::Protocol), quint64(4));
        QCOMPARE(totals.errorCount(), quint64(10004));
        QCOMPARE(totals.bytesIn, quint64(1000000));
        QCOMPARE(totals.latency.count(), quint64(100000));
        QCOMPARE(totals.latency.min(), qint64(100));
        QCOMPARE(totals.latency.max(), qint64(103));
    }
};

QTEST_GUILESS_MAIN(TestMetricsCollector)
#include "tst_metricscollector.moc"
