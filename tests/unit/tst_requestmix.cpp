#include "components/trafficgenerator/generatorconfig.h"
#include "components/trafficgenerator/keysampler.h"
#include "components/trafficgenerator/requestmix.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>

// The generator's request mix: the weighted choice of templates, the keys for {n} (uniform
// and Zipf-skewed, against their exact probabilities), the bytes of each request, and the
// config reader.
using namespace infralab::trafficgenerator;
using Distribution = KeySampler::Distribution;

Q_DECLARE_METATYPE(KeySampler::Distribution)
Q_DECLARE_METATYPE(RequestTemplate)

namespace {

RequestTemplate request(const char *method, const char *path, int weight, const char *body = "")
{
    RequestTemplate t;
    t.method = method;
    t.path = path;
    t.weight = weight;
    t.body = body;
    return t;
}

} // namespace

class TestRequestMix : public QObject
{
    Q_OBJECT

private slots:
    // Over 60,000 draws each template's share is its weight's share (within 1.5 points).
    void weights_data()
    {
        QTest::addColumn<QList<int>>("weights");
        QTest::newRow("one") << QList<int>{5};
        QTest::newRow("even") << QList<int>{1, 1};
        QTest::newRow("three to one") << QList<int>{3, 1};
        QTest::newRow("zero is never sent") << QList<int>{1, 0, 1};
        QTest::newRow("many") << QList<int>{10, 20, 30, 40};
        QTest::newRow("a rare one") << QList<int>{99, 1};
    }

    void weights()
    {
        QFETCH(QList<int>, weights);
        QList<RequestTemplate> templates;
        QList<int> kept; // template index in the mix → weight (weight 0 is left out)
        for (int i = 0; i < weights.size(); ++i) {
            templates.append(request("GET", qPrintable(QString("/t%1").arg(i)), weights.at(i)));
            if (weights.at(i) > 0)
                kept.append(weights.at(i));
        }
        RequestMix mix(templates, KeySampler(), true, {"127.0.0.1:1"});
        QCOMPARE(mix.templateCount(), kept.size());
        Rng rng(7);
        constexpr int Draws = 60000;
        QList<int> counts(kept.size(), 0);
        for (int i = 0; i < Draws; ++i)
            ++counts[mix.pickTemplate(rng)];
        int total = 0;
        for (const int w : kept)
            total += w;
        for (int i = 0; i < kept.size(); ++i) {
            const double share = double(counts.at(i)) / Draws;
            const double expected = double(kept.at(i)) / total;
            QVERIFY2(std::abs(share - expected) < 0.015,
                     qPrintable(QString("template %1: %2 vs %3").arg(i).arg(share).arg(expected)));
        }
    }

    // Observed frequencies of the hottest keys against the exact probabilities: Zipf with
    // exponent s gives key k the weight 1/k^s, uniform gives every key 1/keys.
    void keyDistribution_data()
    {
        QTest::addColumn<Distribution>("distribution");
        QTest::addColumn<qint64>("keys");
        QTest::addColumn<double>("exponent");
        QTest::addColumn<double>("expectedFirst"); // P(key 1), computed by hand
        QTest::newRow("uniform 10") << Distribution::Uniform << qint64(10) << 1.0 << 0.1;
        QTest::newRow("uniform 1000") << Distribution::Uniform << qint64(1000) << 1.0 << 0.001;
        // H(10) = 2.928968…: P(1) = 1 / H(10)
        QTest::newRow("zipf 10 s=1") << Distribution::Zipf << qint64(10) << 1.0 << 0.341417;
        // H(1000) = 7.485470…
        QTest::newRow("zipf 1000 s=1") << Distribution::Zipf << qint64(1000) << 1.0 << 0.133592;
        // sum of 1/k^2 for k ≤ 100 = 1.634983…
        QTest::newRow("zipf 100 s=2") << Distribution::Zipf << qint64(100) << 2.0 << 0.611628;
        // sum of 1/k^0.5 for k ≤ 50 = 12.752…
        QTest::newRow("zipf 50 s=0.5") << Distribution::Zipf << qint64(50) << 0.5 << 0.078417;
        QTest::newRow("zipf ten million")
            << Distribution::Zipf << qint64(10000000) << 1.0 << 0.059897;
        QTest::newRow("one key") << Distribution::Zipf << qint64(1) << 1.0 << 1.0;
    }

    void keyDistribution()
    {
        QFETCH(Distribution, distribution);
        QFETCH(qint64, keys);
        QFETCH(double, exponent);
        QFETCH(double, expectedFirst);
        const KeySampler sampler(distribution, keys, exponent);
        if (keys <= 1000) // the exact sum is too slow for ten million keys
            QVERIFY(std::abs(sampler.probability(1) - expectedFirst) < 1e-5);

        Rng rng(42);
        constexpr int Draws = 200000;
        QHash<qint64, int> counts;
        for (int i = 0; i < Draws; ++i) {
            const qint64 k = sampler.next(rng);
            QVERIFY2(k >= 1 && k <= keys, qPrintable(QString::number(k)));
            ++counts[k];
        }
        for (qint64 k = 1; k <= std::min<qint64>(keys, 5); ++k) {
            const double expected = distribution == Distribution::Uniform
                                        ? 1.0 / double(keys)
                                        : expectedFirst / std::pow(double(k), exponent);
            const double observed = double(counts.value(k)) / Draws;
            // Four standard deviations of a binomial share, at least 0.1 point.
            const double tolerance
                = std::max(0.001, 4 * std::sqrt(expected * (1 - expected) / Draws));
            QVERIFY2(std::abs(observed - expected) <= tolerance,
                     qPrintable(QString("key %1: %2 vs %3").arg(k).arg(observed).arg(expected)));
        }
        if (distribution == Distribution::Zipf && keys > 1) {
            QVERIFY(counts.value(1) > counts.value(2));
            QVERIFY(counts.value(2) > counts.value(3));
        }
    }

    void requestBytes_data()
    {
        QTest::addColumn<RequestTemplate>("request");
        QTest::addColumn<bool>("keepAlive");
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("body");
        const QByteArray common
            = "Host: 127.0.0.1:8080\r\nUser-Agent: infralab-traffic-generator\r\n";
        QTest::newRow("get") << request("GET", "/", 1) << true
                             << "GET / HTTP/1.1\r\n" + common + "\r\n"
                             << QByteArray();
        QTest::newRow("no keep-alive")
            << request("GET", "/a?b=c", 1) << false
            << "GET /a?b=c HTTP/1.1\r\n" + common + "Connection: close\r\n\r\n"
            << QByteArray();
        QTest::newRow("post json") << request("POST", "/api", 1, R"({"a":1})") << true
                                   << "POST /api HTTP/1.1\r\n" + common
                                          + "Content-Type: application/json\r\n"
                                            "Content-Length: 7\r\n\r\n"
                                   << QByteArray(R"({"a":1})");
        QTest::newRow("post empty") << request("POST", "/x", 1) << true
                                    << "POST /x HTTP/1.1\r\n" + common + "Content-Length: 0\r\n\r\n"
                                    << QByteArray();
        QTest::newRow("put text") << request("PUT", "/t", 1, "hi") << true
                                  << "PUT /t HTTP/1.1\r\n" + common
                                         + "Content-Type: text/plain; charset=utf-8\r\n"
                                           "Content-Length: 2\r\n\r\n"
                                  << QByteArray("hi");
        QTest::newRow("key in path and body")
            << request("POST", "/items/{n}/x{n}", 1, R"({"id":{n}})") << true
            << "POST /items/1/x1 HTTP/1.1\r\n" + common
                   + "Content-Type: application/json\r\nContent-Length: 8\r\n\r\n"
            << QByteArray(R"({"id":1})");
    }

    void requestBytes()
    {
        QFETCH(RequestTemplate, request);
        QFETCH(bool, keepAlive);
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, body);
        // One key, so {n} is always 1.
        RequestMix mix({request}, KeySampler(Distribution::Uniform, 1), keepAlive,
                       {"127.0.0.1:9", "127.0.0.1:8080"});
        Rng rng(1);
        const RequestMix::Request r = mix.next(1, rng);
        QCOMPARE(r.bytes.first(r.headSize), head);
        QCOMPARE(r.bytes.sliced(r.headSize), body);
        QCOMPARE(r.idempotent, request.method != "POST");
        QCOMPARE(r.key, request.path.contains("{n}") ? 1 : 0);
    }

    void headFramesTheResponse()
    {
        RequestMix mix({request("HEAD", "/", 1)}, KeySampler(), true, {"h"});
        Rng rng(1);
        QCOMPARE(mix.next(0, rng).framing, infralab::http::HttpMethod::Head);
    }

    void keysVaryWithTheSampler()
    {
        RequestMix mix({request("GET", "/k/{n}", 1)}, KeySampler(Distribution::Uniform, 1000), true,
                       {"h"});
        Rng rng(3);
        QSet<QByteArray> heads;
        for (int i = 0; i < 100; ++i)
            heads.insert(mix.next(0, rng).bytes);
        QVERIFY(heads.size() > 80);
        for (const QByteArray &head : std::as_const(heads))
            QVERIFY(head.startsWith("GET /k/") && !head.contains("{n}"));
    }

    void configFromJson()
    {
        const QJsonObject json = QJsonDocument::fromJson(R"({
            "mode": "open", "connections": 7, "rate": 250, "duration_s": 3, "max_requests": 99,
            "think_time_ms": 5, "profile": "spike", "profile_period_s": 12,
            "path_distribution": "zipf", "path_keys": 50, "zipf_exponent": 1.5,
            "timeout_ms": 700, "keepalive": false, "targets": ["127.0.0.1:1234"],
            "requests": [ {"method": "GET", "path": "/a", "weight": 2},
                          {"method": "POST", "path": "/b", "weight": 0, "body": "x"},
                          {"method": "PUT", "path": "/c/{n}", "weight": 1, "body": "y"} ] })")
                                     .object();
        const GeneratorConfig c = GeneratorConfig::fromJson(json);
        QCOMPARE(c.model, LoadModel::Open);
        QCOMPARE(c.connections, 7);
        QCOMPARE(c.rate, 250.0);
        QCOMPARE(c.durationS, 3);
        QCOMPARE(c.maxRequests, 99);
        QCOMPARE(c.thinkTimeMs, 5);
        QCOMPARE(c.profile, LoadProfile(LoadProfile::Shape::Spike, 12));
        QCOMPARE(c.keys.distribution(), Distribution::Zipf);
        QCOMPARE(c.keys.keys(), 50);
        QCOMPARE(c.keys.exponent(), 1.5);
        QCOMPARE(c.timeoutMs, 700);
        QCOMPARE(c.keepAlive, false);
        QCOMPARE(c.extraTargets, QStringList{"127.0.0.1:1234"});
        QCOMPARE(c.requests.size(), 2); // weight 0 is not sent
        QCOMPARE(c.requests.at(1).path, QByteArray("/c/{n}"));
        QCOMPARE(c.requests.at(1).body, QByteArray("y"));
    }

    void loopbackUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("port"); // 0 = refused
        QTest::newRow("full") << "http://127.0.0.1:8080" << 8080;
        QTest::newRow("slash") << "http://127.0.0.1:8080/" << 8080;
        QTest::newRow("localhost") << "http://localhost:3000" << 3000;
        QTest::newRow("no scheme") << "127.0.0.1:81" << 81;
        QTest::newRow("no port") << "http://127.0.0.1" << 0;
        QTest::newRow("other host") << "http://example.com:80" << 0;
        QTest::newRow("any address") << "http://0.0.0.0:80" << 0;
        QTest::newRow("https") << "https://127.0.0.1:443" << 0;
        QTest::newRow("path") << "http://127.0.0.1:80/api" << 0;
        QTest::newRow("garbage") << "::::" << 0;
        QTest::newRow("empty") << "" << 0;
    }

    void loopbackUrls()
    {
        QFETCH(QString, url);
        QFETCH(int, port);
        quint16 parsed = 0;
        QString error;
        QCOMPARE(parseLoopbackUrl(url, &parsed, &error), port != 0);
        QCOMPARE(int(parsed), port);
        if (port == 0)
            QVERIFY2(error.contains("127.0.0.1:PORT"), qPrintable(error));
    }

    void liveKeys()
    {
        for (const char *key : {"rate", "profile", "profile_period_s", "think_time_ms", "requests"})
            QVERIFY2(GeneratorConfig::isLiveKey(key), key);
        for (const char *key : {"mode", "connections", "keepalive", "duration_s", "targets"})
            QVERIFY2(!GeneratorConfig::isLiveKey(key), key);
    }
};

QTEST_GUILESS_MAIN(TestRequestMix)
#include "tst_requestmix.moc"
