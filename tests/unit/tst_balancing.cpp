#include "components/loadbalancer/balancingpolicy.h"
#include "components/loadbalancer/consistenthash.h"
#include "components/loadbalancer/loadbalancerhandler.h"
#include "components/loadbalancer/smoothroundrobin.h"
#include "http/requestparser.h"

#include <QTest>

#include <map>
#include <vector>

// The balancing policies as pure functions of the candidates: shares against weights,
// nginx's smooth order, consistent hashing's remap bound, least-connections and power of two
// choices under skew, first-available, and the sticky cookie helpers.
using namespace infralab;
using namespace infralab::loadbalancer;

Q_DECLARE_METATYPE(infralab::loadbalancer::Algorithm)

namespace {

std::vector<Candidate> candidates(const QList<int> &weights)
{
    std::vector<Candidate> out;
    for (int i = 0; i < weights.size(); ++i)
        out.push_back({stableHash("backend-" + QByteArray::number(i)), weights.at(i), 0, true});
    return out;
}

QByteArray key(int n)
{
    return "/item/" + QByteArray::number(n);
}

// Which candidate each of `keys` paths maps to.
std::vector<int> mapping(BalancingPolicy &policy, const std::vector<Candidate> &pool, int keys)
{
    std::vector<int> out;
    for (int n = 0; n < keys; ++n) {
        const QByteArray path = key(n);
        out.push_back(policy.pick(pool, PickKey{"127.0.0.1", path}));
    }
    return out;
}

} // namespace

class TestBalancing : public QObject
{
    Q_OBJECT

private slots:
    void names()
    {
        for (const char *name :
             {"round-robin", "least-connections", "ip-hash", "uri-hash", "random", "first"}) {
            const auto algorithm = algorithmFromName(QString::fromLatin1(name));
            QVERIFY2(algorithm.has_value(), name);
            QCOMPARE(algorithmName(*algorithm), QLatin1String(name));
        }
        QVERIFY(!algorithmFromName(u"roundrobin").has_value());
    }

    // Every weighted policy, on an idle pool, shares 10,000 picks within 2% of the weights.
    void distribution_data()
    {
        QTest::addColumn<Algorithm>("algorithm");
        QTest::addColumn<QList<int>>("weights");
        QTest::newRow("round-robin 1:1:1") << Algorithm::RoundRobin << QList<int>{1, 1, 1};
        QTest::newRow("round-robin 5:1:1") << Algorithm::RoundRobin << QList<int>{5, 1, 1};
        QTest::newRow("round-robin 3:2:0:1") << Algorithm::RoundRobin << QList<int>{3, 2, 0, 1};
        QTest::newRow("least-connections idle 3:1")
            << Algorithm::LeastConnections << QList<int>{3, 1};
        QTest::newRow("least-connections idle 1:2:4")
            << Algorithm::LeastConnections << QList<int>{1, 2, 4};
        QTest::newRow("random 1:1:1:1") << Algorithm::Random << QList<int>{1, 1, 1, 1};
        QTest::newRow("random 5:3:2") << Algorithm::Random << QList<int>{5, 3, 2};
        QTest::newRow("random 256:1") << Algorithm::Random << QList<int>{256, 1};
    }
    void distribution()
    {
        QFETCH(Algorithm, algorithm);
        QFETCH(QList<int>, weights);
        auto policy = makeBalancingPolicy(algorithm, 42);
        const std::vector<Candidate> pool = candidates(weights);
        policy->rebuild(pool);
        std::vector<int> counts(pool.size(), 0);
        constexpr int Picks = 10000;
        for (int i = 0; i < Picks; ++i) {
            const int chosen = policy->pick(pool, {"127.0.0.1", "/"});
            QVERIFY(chosen >= 0);
            ++counts[size_t(chosen)];
        }
        int total = 0;
        for (int w : weights)
            total += w;
        for (size_t i = 0; i < pool.size(); ++i) {
            const double share = double(counts[i]) / Picks;
            const double expected = double(weights.at(int(i))) / total;
            QVERIFY2(qAbs(share - expected) <= 0.02,
                     qPrintable(QStringLiteral("backend %1: %2 of picks, weight share %3")
                                    .arg(i)
                                    .arg(share)
                                    .arg(expected)));
        }
    }

    // nginx's documented order for weights 5, 1, 1: a a b a c a a, then again.
    void smoothOrder()
    {
        SmoothRoundRobin policy;
        const std::vector<Candidate> pool = candidates({5, 1, 1});
        QByteArray order;
        for (int i = 0; i < 14; ++i)
            order += char('a' + policy.pick(pool, {}));
        QCOMPARE(order, QByteArray("aabacaaaabacaa"));
    }

    void ineligibleAreSkipped_data()
    {
        QTest::addColumn<Algorithm>("algorithm");
        for (const Algorithm a :
             {Algorithm::RoundRobin, Algorithm::LeastConnections, Algorithm::IpHash,
              Algorithm::UriHash, Algorithm::Random, Algorithm::First})
            QTest::newRow(algorithmName(a).data()) << a;
    }
    void ineligibleAreSkipped()
    {
        QFETCH(Algorithm, algorithm);
        auto policy = makeBalancingPolicy(algorithm, 7);
        std::vector<Candidate> pool = candidates({1, 1, 1});
        pool[0].eligible = false;
        pool[2].eligible = false;
        for (int n = 0; n < 200; ++n) {
            const QByteArray path = key(n);
            QCOMPARE(policy->pick(pool, {"10.1.2.3", path}), 1);
        }
        pool[1].eligible = false;
        QCOMPARE(policy->pick(pool, {"10.1.2.3", "/"}), -1);
        QCOMPARE(policy->pick(std::vector<Candidate>{}, {"10.1.2.3", "/"}), -1);
    }

    // Consistent hashing: removing one of N backends moves only its own keys (about 1/N of
    // them), adding one moves about 1/(N+1), all to the new one; a backend that is down moves
    // only its keys and gets them back when it is up again.
    void consistentHashRemap_data()
    {
        QTest::addColumn<int>("backends");
        QTest::newRow("3 backends") << 3;
        QTest::newRow("5 backends") << 5;
        QTest::newRow("10 backends") << 10;
    }
    void consistentHashRemap()
    {
        QFETCH(int, backends);
        constexpr int Keys = 10000;
        ConsistentHash policy(ConsistentHash::KeyOn::Path);
        QList<int> weights(backends, 1);
        const std::vector<Candidate> pool = candidates(weights);
        const std::vector<int> before = mapping(policy, pool, Keys);

        // Remove the second backend.
        std::vector<Candidate> fewer = pool;
        fewer.erase(fewer.begin() + 1);
        const std::vector<int> after = mapping(policy, fewer, Keys);
        int moved = 0;
        for (int n = 0; n < Keys; ++n) {
            const int was = before[size_t(n)];
            const int now = after[size_t(n)] >= 1 ? after[size_t(n)] + 1 : 0; // back to old indices
            if (was != 1)
                QCOMPARE(now, was); // keys of the remaining backends stay where they were
            moved += was != now;
        }
        const double expected = 1.0 / backends;
        QVERIFY2(qAbs(double(moved) / Keys - expected) < 0.35 * expected,
                 qPrintable(QStringLiteral("%1 of %2 keys moved").arg(moved).arg(Keys)));

        // Add one: about 1/(N+1) of the keys move, every one to the newcomer.
        std::vector<Candidate> more = pool;
        more.push_back({stableHash("newcomer"), 1, 0, true});
        const std::vector<int> grown = mapping(policy, more, Keys);
        moved = 0;
        for (int n = 0; n < Keys; ++n) {
            if (grown[size_t(n)] != before[size_t(n)]) {
                QCOMPARE(grown[size_t(n)], backends);
                ++moved;
            }
        }
        const double expectedGrown = 1.0 / (backends + 1);
        QVERIFY2(qAbs(double(moved) / Keys - expectedGrown) < 0.35 * expectedGrown,
                 qPrintable(QStringLiteral("%1 of %2 keys moved").arg(moved).arg(Keys)));

        // Down and up again: only its keys move, and they come back.
        std::vector<Candidate> down = pool;
        down[0].eligible = false;
        const std::vector<int> whileDown = mapping(policy, down, Keys);
        for (int n = 0; n < Keys; ++n) {
            if (before[size_t(n)] != 0)
                QCOMPARE(whileDown[size_t(n)], before[size_t(n)]);
            else
                QVERIFY(whileDown[size_t(n)] != 0);
        }
        QCOMPARE(mapping(policy, pool, Keys), before);
    }

    // nginx ip_hash: clients of one /24 share a backend; the key is the first three octets.
    void ipHashKey_data()
    {
        QTest::addColumn<QByteArray>("address");
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("IPv4") << QByteArray("192.168.7.42") << QByteArray("192.168.7");
        QTest::newRow("loopback") << QByteArray("127.0.0.1") << QByteArray("127.0.0");
        QTest::newRow("IPv6 whole") << QByteArray("::1") << QByteArray("::1");
    }
    void ipHashKey()
    {
        QFETCH(QByteArray, address);
        QFETCH(QByteArray, key);
        ConsistentHash policy(ConsistentHash::KeyOn::ClientAddress);
        QCOMPARE(policy.keyBytes({address, "/x"}).toByteArray(), key);
    }
    void ipHashSameSubnetSameBackend()
    {
        auto policy = makeBalancingPolicy(Algorithm::IpHash);
        const std::vector<Candidate> pool = candidates({1, 1, 1, 1});
        const int first = policy->pick(pool, {"10.0.5.1", "/a"});
        for (int host = 2; host < 255; ++host) {
            const QByteArray address = "10.0.5." + QByteArray::number(host);
            QCOMPARE(policy->pick(pool, {address, "/b"}), first);
        }
        // Different subnets spread over the pool.
        std::map<int, int> seen;
        for (int net = 0; net < 200; ++net) {
            const QByteArray address = "10." + QByteArray::number(net) + ".0.1";
            ++seen[policy->pick(pool, {address, "/"})];
        }
        QCOMPARE(int(seen.size()), 4);
    }

    // uri-hash keys on the path only: the query string does not matter (HAProxy `balance uri`
    // with path-only; the handler passes the path without the query).
    void uriHashStable()
    {
        auto policy = makeBalancingPolicy(Algorithm::UriHash);
        const std::vector<Candidate> pool = candidates({1, 1, 1});
        for (int n = 0; n < 100; ++n) {
            const QByteArray path = key(n);
            const int chosen = policy->pick(pool, {"10.0.0.1", path});
            QCOMPARE(policy->pick(pool, {"10.9.9.9", path}), chosen); // any client
        }
    }

    // Least connections: a backend that holds its requests longer ends up with fewer of them.
    // Simulated with a tick clock: every tick one request arrives; backend 0 needs 10 ticks,
    // the others 1. Round-robin still gives it a third; least-connections far less.
    void leastConnectionsUnderSkew_data()
    {
        QTest::addColumn<Algorithm>("algorithm");
        QTest::addColumn<double>("maxShareOfSlow");
        QTest::newRow("round-robin ignores load") << Algorithm::RoundRobin << 0.34;
        QTest::newRow("least-connections") << Algorithm::LeastConnections << 0.15;
        QTest::newRow("random two choices") << Algorithm::Random << 0.2;
    }
    void leastConnectionsUnderSkew()
    {
        QFETCH(Algorithm, algorithm);
        QFETCH(double, maxShareOfSlow);
        auto policy = makeBalancingPolicy(algorithm, 3);
        std::vector<Candidate> pool = candidates({1, 1, 1});
        const int serviceTicks[3] = {10, 1, 1};
        std::multimap<int, int> finishing; // tick → backend
        int toSlow = 0;
        constexpr int Requests = 10000;
        for (int tick = 0; tick < Requests; ++tick) {
            for (auto it = finishing.begin(); it != finishing.end() && it->first <= tick;) {
                --pool[size_t(it->second)].active;
                it = finishing.erase(it);
            }
            const int chosen = policy->pick(pool, {});
            QVERIFY(chosen >= 0);
            ++pool[size_t(chosen)].active;
            finishing.emplace(tick + serviceTicks[chosen], chosen);
            toSlow += chosen == 0;
        }
        const double share = double(toSlow) / Requests;
        QVERIFY2(share <= maxShareOfSlow, qPrintable(QString::number(share)));
        if (algorithm == Algorithm::RoundRobin)
            QVERIFY(share > 0.32); // the control: the load really was skewed
    }

    void leastConnectionsWeighted()
    {
        auto policy = makeBalancingPolicy(Algorithm::LeastConnections);
        std::vector<Candidate> pool = candidates({1, 4});
        pool[0].active = 1;
        pool[1].active = 3; // 3/4 < 1/1
        QCOMPARE(policy->pick(pool, {}), 1);
        pool[1].active = 5; // 5/4 > 1/1
        QCOMPARE(policy->pick(pool, {}), 0);
    }

    // HAProxy `balance first`: the first with a free slot (the handler marks full ones
    // ineligible), whatever the weights.
    void firstAvailable()
    {
        auto policy = makeBalancingPolicy(Algorithm::First);
        std::vector<Candidate> pool = candidates({1, 9, 9});
        for (int i = 0; i < 10; ++i)
            QCOMPARE(policy->pick(pool, {}), 0);
        pool[0].eligible = false;
        QCOMPARE(policy->pick(pool, {}), 1);
    }

    void cookies_data()
    {
        QTest::addColumn<QByteArray>("cookieField");
        QTest::addColumn<QByteArray>("value"); // "<null>" when absent
        QTest::addColumn<QByteArray>("stripped");
        QTest::newRow("alone") << QByteArray("SRV=web-2") << QByteArray("web-2") << QByteArray();
        QTest::newRow("among others")
            << QByteArray("a=1; SRV=web-1;b=2") << QByteArray("web-1") << QByteArray("a=1; b=2");
        QTest::newRow("absent") << QByteArray("a=1; b=2") << QByteArray("<null>")
                                << QByteArray("a=1; b=2");
        QTest::newRow("prefix is not a match")
            << QByteArray("SRVX=web-1; XSRV=web-2") << QByteArray("<null>")
            << QByteArray("SRVX=web-1; XSRV=web-2");
        QTest::newRow("spaces around")
            << QByteArray("  SRV = web-3 ;") << QByteArray("web-3") << QByteArray();
        QTest::newRow("empty value") << QByteArray("SRV=") << QByteArray("") << QByteArray();
    }
    void cookies()
    {
        QFETCH(QByteArray, cookieField);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, stripped);
        const QByteArray raw = "GET / HTTP/1.1\r\nHost: x\r\nCookie: " + cookieField + "\r\n\r\n";
        http::RequestHead head;
        QVERIFY(http::parseRequestHead(raw, head).isComplete());
        const QByteArrayView found = findCookie(head, "SRV");
        QCOMPARE(found.isNull() ? QByteArray("<null>") : found.toByteArray(), value);
        QCOMPARE(withoutCookie(head.field("cookie"), "SRV"), stripped);
    }

    void stableHashIsStable()
    {
        // Fixed values: a mapping must survive a restart and a new compiler.
        QCOMPARE(stableHash("web-1"), Q_UINT64_C(0xc663f9d41a1b33b4));
        QCOMPARE(stableHash(""), Q_UINT64_C(0xefd01f60ba992926));
        QVERIFY(stableHash("web-1") != stableHash("web-2"));
    }
};

QTEST_GUILESS_MAIN(TestBalancing)
#include "tst_balancing.moc"
