#include "components/loadbalancer/backendtable.h"
#include "components/loadbalancer/healthstate.h"
#include "components/loadbalancer/outlierdetector.h"

#include <QJsonArray>
#include <QTest>

#include <memory>
#include <vector>

// A backend's health as pure state with an injected clock: the rise/fall counter of active
// checks, Envoy-style passive ejection (threshold, growing time, the caps) and the backend
// table's live changes (kept counters, draining, events).
using namespace infralab;
using namespace infralab::loadbalancer;

namespace {

struct Events
{
    QStringList types;
    QStringList messages;
    EventSink sink()
    {
        return [this](const QString &type, const QString &message) {
            types.append(type);
            messages.append(message);
        };
    }
};

std::vector<std::shared_ptr<Backend>> pool(int n)
{
    std::vector<std::shared_ptr<Backend>> out;
    for (int i = 0; i < n; ++i)
        out.push_back(std::make_shared<Backend>(QStringLiteral("web-%1").arg(i + 1),
                                                quint16(9000 + i), LinkSettings{}, 0));
    return out;
}

} // namespace

class TestBackendHealth : public QObject
{
    Q_OBJECT

private slots:
    // Checks as a string: '+' passed, '-' failed; the states after each check.
    void riseFall_data()
    {
        QTest::addColumn<int>("rise");
        QTest::addColumn<int>("fall");
        QTest::addColumn<QByteArray>("checks");
        QTest::addColumn<QByteArray>("states"); // U up, D down
        QTest::newRow("starts up, passes stay up")
            << 2 << 3 << QByteArray("+++") << QByteArray("UUU");
        QTest::newRow("down after fall failures")
            << 2 << 3 << QByteArray("---") << QByteArray("UUD");
        QTest::newRow("a pass resets the fall count")
            << 2 << 3 << QByteArray("--+---") << QByteArray("UUUUUD");
        QTest::newRow("up again after rise passes")
            << 2 << 3 << QByteArray("---++") << QByteArray("UUDDU");
        QTest::newRow("a failure resets the rise count")
            << 2 << 3 << QByteArray("---+-++") << QByteArray("UUDDDDU");
        QTest::newRow("rise 1 fall 1 flips at once")
            << 1 << 1 << QByteArray("-+-+") << QByteArray("DUDU");
    }
    void riseFall()
    {
        QFETCH(int, rise);
        QFETCH(int, fall);
        QFETCH(QByteArray, checks);
        QFETCH(QByteArray, states);
        HealthState state(rise, fall);
        QByteArray seen;
        for (const char c : checks) {
            const bool wasUp = state.isUp();
            const HealthState::Change change = state.record(c == '+');
            seen += state.isUp() ? 'U' : 'D';
            const HealthState::Change expected
                = wasUp == state.isUp() ? HealthState::Change::None
                                        : (state.isUp() ? HealthState::Change::WentUp
                                                        : HealthState::Change::WentDown);
            QCOMPARE(change, expected);
        }
        QCOMPARE(seen, states);
    }

    // consecutive_5xx: the Nth failure in a row ejects; a success in between starts over.
    void ejectionThreshold()
    {
        qint64 now = 1000;
        Events events;
        OutlierDetector detector([&now] { return now; }, events.sink());
        detector.setSettings({3, 1000, 100, 300000});
        auto backends = pool(4);
        Backend &b = *backends[0];
        detector.record(b, true, backends);
        detector.record(b, true, backends);
        detector.record(b, false, backends); // success resets
        detector.record(b, true, backends);
        detector.record(b, true, backends);
        QVERIFY(!b.ejected.load());
        detector.record(b, true, backends);
        QVERIFY(b.ejected.load());
        QVERIFY(!b.isAvailable());
        QCOMPARE(b.state(), BackendState::Ejected);
        QCOMPARE(events.types, QStringList{"ejected"});
        QVERIFY2(events.messages.at(0).startsWith("web-1 ejected after 3 consecutive failures"),
                 qPrintable(events.messages.at(0)));
    }

    // Ejection time = base × times ejected, capped at max_ejection_time; the sweep returns.
    void ejectionTiming()
    {
        qint64 now = 0;
        Events events;
        OutlierDetector detector([&now] { return now; }, events.sink());
        detector.setSettings({1, 1000, 100, 2500});
        auto backends = pool(2);
        Backend &b = *backends[0];
        const qint64 expectedDurations[] = {1000, 2000, 2500, 2500};
        for (const qint64 duration : expectedDurations) {
            detector.record(b, true, backends);
            QVERIFY(b.ejected.load());
            const qint64 ejectedAt = now;
            now = ejectedAt + duration - 1;
            detector.sweep(backends);
            QVERIFY2(b.ejected.load(), qPrintable(QString::number(duration)));
            now = ejectedAt + duration;
            detector.sweep(backends);
            QVERIFY(!b.ejected.load());
            QVERIFY(b.isAvailable());
            now += 10;
        }
        QCOMPARE(events.types.count("ejected"), 4);
        QCOMPARE(events.types.count("returned"), 4);
        QCOMPARE(events.types.last(), QString("returned"));
    }

    void ejectionDisabled()
    {
        OutlierDetector detector([] { return qint64(0); }, {});
        detector.setSettings({0, 1000, 100, 300000});
        auto backends = pool(4);
        for (int i = 0; i < 100; ++i)
            detector.record(*backends[0], true, backends);
        QVERIFY(!backends[0]->ejected.load());
    }

    // max_ejection_percent, at least one, never more than half the pool.
    void ejectionCap_data()
    {
        QTest::addColumn<int>("poolSize");
        QTest::addColumn<int>("maxPercent");
        QTest::addColumn<int>("cap");
        QTest::newRow("10% of 10 = 1") << 10 << 10 << 1;
        QTest::newRow("10% of 3: at least one") << 3 << 10 << 1;
        QTest::newRow("0% of 4: still one") << 4 << 0 << 1;
        QTest::newRow("30% of 20 = 6") << 20 << 30 << 6;
        QTest::newRow("100% of 4: half") << 4 << 100 << 2;
        QTest::newRow("100% of 5: two") << 5 << 100 << 2;
        QTest::newRow("a single backend is never ejected") << 1 << 100 << 0;
    }
    void ejectionCap()
    {
        QFETCH(int, poolSize);
        QFETCH(int, maxPercent);
        QFETCH(int, cap);
        QCOMPARE(OutlierDetector::ejectionCap(poolSize, maxPercent), cap);

        // The same cap when every backend fails at once.
        qint64 now = 0;
        OutlierDetector detector([&now] { return now; }, {});
        detector.setSettings({2, 1000, maxPercent, 300000});
        auto backends = pool(poolSize);
        for (int round = 0; round < 3; ++round) {
            for (auto &b : backends)
                detector.record(*b, true, backends);
        }
        int ejected = 0;
        for (auto &b : backends)
            ejected += b->ejected.load();
        QCOMPARE(ejected, cap);
        // Once one returns, another failing one may take its place.
        if (cap > 0) {
            now = 1000;
            detector.sweep(backends);
            for (auto &b : backends)
                QVERIFY(!b->ejected.load());
        }
    }

    // Live changes keep a matching backend's counters and health, add new ones, and drain
    // the missing ones until their last request ends.
    void tableLiveChanges()
    {
        qint64 now = 0;
        Events events;
        BackendTable table([&now] { return now; }, events.sink());
        table.setBackends({{"web-1", 9001, {1, false, 0}}, {"web-2", 9002, {1, false, 0}}});
        QCOMPARE(events.types, QStringList()); // the initial set is not news
        const quint64 generation = table.generation();
        const std::shared_ptr<Backend> web1 = table.snapshot()->backends.at(0);
        const std::shared_ptr<Backend> web2 = table.snapshot()->backends.at(1);
        QVERIFY(web1->tryAcquire());
        QVERIFY(web2->tryAcquire()); // one request in flight on web-2
        web1->release();

        table.setBackends({{"web-1", 9001, {3, false, 0}}, {"web-3", 9003, {1, true, 5}}});
        QVERIFY(table.generation() > generation);
        const auto snapshot = table.snapshot();
        QCOMPARE(int(snapshot->backends.size()), 2);
        QCOMPARE(snapshot->backends.at(0), web1); // the same object: counters kept
        QCOMPARE(web1->requests.load(), quint64(1));
        QCOMPARE(web1->weight.load(), 3);
        QCOMPARE(snapshot->backends.at(1)->nodeId, QString("web-3"));
        QVERIFY(snapshot->backends.at(1)->backup.load());
        QCOMPARE(snapshot->backends.at(1)->maxConnections.load(), 5);
        QCOMPARE(web2->state(), BackendState::Draining);
        QVERIFY(!web2->isAvailable());
        QCOMPARE(events.types, (QStringList{"config-applied", "added", "draining"}));

        // Still draining in the stats until its request ends.
        auto idsOf = [&table] {
            QStringList ids;
            for (const QJsonValue &b : table.toJson().value("backends").toArray())
                ids << b.toObject().value("id").toString() + ":"
                           + b.toObject().value("state").toString();
            return ids;
        };
        QCOMPARE(idsOf(), (QStringList{"web-1:up", "web-3:up", "web-2:draining"}));
        table.sweepDrained();
        QCOMPARE(events.types.count("drained"), 0);
        web2->release();
        table.sweepDrained();
        QCOMPARE(events.types.last(), QString("drained"));
        QCOMPARE(idsOf(), (QStringList{"web-1:up", "web-3:up"}));

        // A new port for the same node is a new backend (the node restarted elsewhere).
        table.setBackends({{"web-1", 9101, {3, false, 0}}});
        QVERIFY(table.snapshot()->backends.at(0) != web1);
    }

    void maxConnectionsSlots()
    {
        Backend b("web-1", 9001, {1, false, 2}, 0);
        QVERIFY(b.tryAcquire());
        QVERIFY(b.tryAcquire());
        QVERIFY(!b.hasFreeSlot());
        QVERIFY(!b.tryAcquire());
        QCOMPARE(b.requests.load(), quint64(2));
        b.release();
        QVERIFY(b.tryAcquire());
        b.maxConnections.store(0); // unlimited
        for (int i = 0; i < 100; ++i)
            QVERIFY(b.tryAcquire());
    }

    void statsJsonFields()
    {
        qint64 now = 500;
        BackendTable table([&now] { return now; }, {});
        table.setBackends({{"web-1", 9001, {2, false, 10}}});
        const auto backend = table.snapshot()->backends.at(0);
        backend->setLastCheck(400, 3, true, "HTTP 200");
        now = 1500;
        const QJsonObject b = table.toJson().value("backends").toArray().at(0).toObject();
        QCOMPARE(b.value("id").toString(), QString("web-1"));
        QCOMPARE(b.value("port").toInt(), 9001);
        QCOMPARE(b.value("state").toString(), QString("up"));
        QCOMPARE(b.value("weight").toInt(), 2);
        QCOMPARE(b.value("max_connections").toInt(), 10);
        QCOMPARE(b.value("active").toInt(), 0);
        QCOMPARE(b.value("requests").toInt(), 0);
        QCOMPARE(b.value("failures").toInt(), 0);
        QCOMPARE(b.value("time_in_state_ms").toInt(), 1000);
        const QJsonObject check = b.value("last_check").toObject();
        QCOMPARE(check.value("ago_ms").toInt(), 1100);
        QCOMPARE(check.value("result").toString(), QString("HTTP 200"));
        QVERIFY(check.value("ok").toBool());
    }
};

QTEST_GUILESS_MAIN(TestBackendHealth)
#include "tst_backendhealth.moc"
