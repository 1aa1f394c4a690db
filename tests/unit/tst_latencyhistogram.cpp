// The log-linear latency histogram: bucket layout, accuracy against exact percentiles of
// random samples, merging across "threads", windows by subtraction, the shared recorder.
#include "metrics/latencyhistogram.h"

#include <QRandomGenerator>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <vector>

using infralab::metrics::LatencyHistogram;
using infralab::metrics::SharedLatencyHistogram;

class tst_LatencyHistogram : public QObject
{
    Q_OBJECT

private slots:
    void bucketsAreContiguous();
    void exactBelow256();
    void percentilesMatchExact_data();
    void percentilesMatchExact();
    void mergeEqualsRecordingTogether();
    void subtractGivesTheWindow();
    void outOfRangeValues();
    void emptyHistogram();
    void countAtOrBelow();
    void sharedRecorderAcrossThreads();
};

void tst_LatencyHistogram::bucketsAreContiguous()
{
    qint64 expectedLow = 0;
    for (int i = 0; i < LatencyHistogram::bucketCount; ++i) {
        QCOMPARE(LatencyHistogram::bucketLow(i), expectedLow);
        QVERIFY(LatencyHistogram::bucketHigh(i) >= LatencyHistogram::bucketLow(i));
        QCOMPARE(LatencyHistogram::bucketIndex(LatencyHistogram::bucketLow(i)), i);
        QCOMPARE(LatencyHistogram::bucketIndex(LatencyHistogram::bucketHigh(i)), i);
        // Half the width relative to the low end is the worst error of the midpoint.
        const double width
            = double(LatencyHistogram::bucketHigh(i) - LatencyHistogram::bucketLow(i) + 1);
        if (width > 1) // exact buckets have no error
            QVERIFY2(width / 2 / double(LatencyHistogram::bucketLow(i)) <= 0.004,
                     qPrintable(QString::number(i)));
        expectedLow = LatencyHistogram::bucketHigh(i) + 1;
    }
    QCOMPARE(LatencyHistogram::bucketHigh(LatencyHistogram::bucketCount - 1),
             LatencyHistogram::highestTrackable);
    QVERIFY(LatencyHistogram::highestTrackable >= 60'000'000);
}

void tst_LatencyHistogram::exactBelow256()
{
    LatencyHistogram h;
    for (int v = 1; v <= 100; ++v)
        h.record(v);
    QCOMPARE(h.valueAtPercentile(50), 50);
    QCOMPARE(h.valueAtPercentile(99), 99);
    QCOMPARE(h.valueAtPercentile(100), 100);
    QCOMPARE(h.valueAtPercentile(0), 1);
    QCOMPARE(h.min(), 1);
    QCOMPARE(h.max(), 100);
    QCOMPARE(h.mean(), 50.5);
    QCOMPARE(h.count(), quint64(100));
}

void tst_LatencyHistogram::percentilesMatchExact_data()
{
    QTest::addColumn<QString>("distribution");
    QTest::addColumn<int>("samples");
    QTest::newRow("uniform 1 µs..60 s") << "uniform" << 100000;
    QTest::newRow("log-uniform 1 µs..60 s") << "loguniform" << 100000;
    QTest::newRow("loopback-like (exponential around 400 µs)") << "exponential" << 100000;
    QTest::newRow("bimodal (cache hits and misses)") << "bimodal" << 50000;
    QTest::newRow("few samples") << "loguniform" << 7;
}

void tst_LatencyHistogram::percentilesMatchExact()
{
    QFETCH(QString, distribution);
    QFETCH(int, samples);
    QRandomGenerator rng(42);
    std::vector<qint64> values;
    values.reserve(std::size_t(samples));
    for (int i = 0; i < samples; ++i) {
        double v = 0;
        if (distribution == "uniform")
            v = 1 + rng.generateDouble() * 60e6;
        else if (distribution == "loguniform")
            v = std::exp(rng.generateDouble() * std::log(60e6));
        else if (distribution == "exponential")
            v = 50 - 400 * std::log(1 - rng.generateDouble());
        else
            v = rng.bounded(2) ? 300 + rng.bounded(100) : 20000 + rng.bounded(5000);
        values.push_back(std::clamp<qint64>(qint64(v), 1, 60000000));
    }
    LatencyHistogram h;
    for (qint64 v : values)
        h.record(v);
    std::sort(values.begin(), values.end());
    for (double p : {1.0, 10.0, 50.0, 75.0, 90.0, 99.0, 99.9, 100.0}) {
        const auto rank = std::size_t(std::max(1.0, std::ceil(p / 100 * double(values.size()))));
        const qint64 exact = values[rank - 1];
        const qint64 got = h.valueAtPercentile(p);
        const double error = std::abs(double(got - exact)) / double(exact);
        QVERIFY2(error <= 0.01, qPrintable(QStringLiteral("p%1: exact %2, got %3 (%4%)")
                                               .arg(p)
                                               .arg(exact)
                                               .arg(got)
                                               .arg(error * 100)));
    }
    QCOMPARE(h.min(), values.front());
    QCOMPARE(h.max(), values.back());
}

void tst_LatencyHistogram::mergeEqualsRecordingTogether()
{
    QRandomGenerator rng(7);
    LatencyHistogram a, b, together;
    for (int i = 0; i < 20000; ++i) {
        const qint64 v = 1 + rng.bounded(5'000'000);
        (i % 3 ? a : b).record(v);
        together.record(v);
    }
    LatencyHistogram merged = a;
    merged.merge(b);
    QCOMPARE(merged.count(), together.count());
    QCOMPARE(merged.sum(), together.sum());
    QCOMPARE(merged.min(), together.min());
    QCOMPARE(merged.max(), together.max());
    for (int i = 0; i < LatencyHistogram::bucketCount; ++i)
        QCOMPARE(merged.countAt(i), together.countAt(i));
    LatencyHistogram empty;
    empty.merge(a);
    QCOMPARE(empty.min(), a.min());
}

void tst_LatencyHistogram::subtractGivesTheWindow()
{
    LatencyHistogram h;
    for (int i = 0; i < 1000; ++i)
        h.record(100);
    const LatencyHistogram before = h;
    for (int i = 0; i < 10; ++i)
        h.record(50000);
    LatencyHistogram window = h;
    window.subtract(before);
    QCOMPARE(window.count(), quint64(10));
    QCOMPARE(window.sum(), qint64(500000));
    QVERIFY(std::abs(window.valueAtPercentile(50) - 50000) <= 200);
    QVERIFY(window.min() > 49000);
    window.subtract(window);
    QCOMPARE(window.count(), quint64(0));
    QCOMPARE(window.valueAtPercentile(50), 0);
}

void tst_LatencyHistogram::outOfRangeValues()
{
    LatencyHistogram h;
    h.record(-5);
    h.record(120'000'000); // two minutes: the last bucket, max exact
    QCOMPARE(h.count(), quint64(2));
    QCOMPARE(h.min(), 0);
    QCOMPARE(h.max(), 120'000'000);
    QCOMPARE(h.countAt(LatencyHistogram::bucketCount - 1), quint64(1));
    constexpr int last = LatencyHistogram::bucketCount - 1;
    QCOMPARE(h.valueAtPercentile(100),
             (LatencyHistogram::bucketLow(last) + LatencyHistogram::bucketHigh(last)) / 2);
}

void tst_LatencyHistogram::emptyHistogram()
{
    LatencyHistogram h;
    QCOMPARE(h.count(), quint64(0));
    QCOMPARE(h.valueAtPercentile(99), 0);
    QCOMPARE(h.min(), 0);
    QCOMPARE(h.mean(), 0.0);
    QCOMPARE(h.countAtOrBelow(1000), quint64(0));
}

void tst_LatencyHistogram::countAtOrBelow()
{
    LatencyHistogram h;
    for (int v = 1; v <= 1000; ++v)
        h.record(v * 1000); // 1 ms .. 1 s
    QCOMPARE(h.countAtOrBelow(0), quint64(0));
    QCOMPARE(h.countAtOrBelow(10'000'000), quint64(1000));
    for (qint64 le : {5000, 100'000, 250'000, 500'000}) {
        const double exact = double(le / 1000);
        const double got = double(h.countAtOrBelow(le));
        QVERIFY2(std::abs(got - exact) <= std::max(1.0, exact * 0.01),
                 qPrintable(QStringLiteral("le %1: %2 vs %3").arg(le).arg(got).arg(exact)));
    }
}

void tst_LatencyHistogram::sharedRecorderAcrossThreads()
{
    SharedLatencyHistogram shared;
    std::atomic<bool> done{false};
    QThread *writer = QThread::create([&] {
        for (int i = 1; i <= 200000; ++i)
            shared.record(i % 1000 + 1);
        done = true;
    });
    writer->start();
    quint64 last = 0;
    while (!done) { // snapshots while writing never go backwards
        const LatencyHistogram s = shared.snapshot();
        QVERIFY(s.count() >= last);
        last = s.count();
    }
    QVERIFY(writer->wait(30000));
    delete writer;
    const LatencyHistogram s = shared.snapshot();
    QCOMPARE(s.count(), quint64(200000));
    QCOMPARE(s.min(), 1);
    QCOMPARE(s.max(), 1000);
    QCOMPARE(s.valueAtPercentile(50), 500);
}

QTEST_GUILESS_MAIN(tst_LatencyHistogram)
#include "tst_latencyhistogram.moc"
