#include "components/reverseproxy/cachepolicy.h"

#include <QTest>

// The reverse proxy's storing rules (RFC 9111 with nginx proxy_cache defaults), as a table:
// status and response fields in, store / TTL / revalidate / Vary names out.
using namespace infralab;
using namespace infralab::reverseproxy;

namespace {
constexpr qint64 Now = 1'700'000'000; // a fixed clock for Expires arithmetic
constexpr qint64 DefaultTtl = 60;
} // namespace

class TestCachePolicy : public QObject
{
    Q_OBJECT

private slots:
    void decide_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArrayList>("fields"); // "Name: value"
        QTest::addColumn<bool>("store");
        QTest::addColumn<qint64>("ttlS");
        QTest::addColumn<bool>("revalidate");
        QTest::addColumn<QByteArrayList>("vary");

        const QByteArrayList none;
        QTest::newRow("200, no headers: default TTL")
            << 200 << none << true << 60ll << false << none;
        QTest::newRow("301, no headers: default TTL")
            << 301 << none << true << 60ll << false << none;
        QTest::newRow("302, no headers: default TTL")
            << 302 << none << true << 60ll << false << none;
        QTest::newRow("404, no headers: not stored")
            << 404 << none << false << 0ll << false << none;
        QTest::newRow("500, no headers: not stored")
            << 500 << none << false << 0ll << false << none;
        QTest::newRow("404 with max-age: stored")
            << 404 << QByteArrayList{"Cache-Control: max-age=10"} << true << 10ll << false << none;
        QTest::newRow("206 never")
            << 206 << QByteArrayList{"Cache-Control: max-age=10"} << false << 0ll << false << none;
        QTest::newRow("max-age") << 200 << QByteArrayList{"Cache-Control: public, max-age=30"}
                                 << true << 30ll << false << none;
        QTest::newRow("quoted max-age") << 200 << QByteArrayList{"Cache-Control: max-age=\"30\""}
                                        << true << 30ll << false << none;
        QTest::newRow("max-age=0")
            << 200 << QByteArrayList{"Cache-Control: max-age=0"} << false << 0ll << false << none;
        QTest::newRow("s-maxage wins")
            << 200 << QByteArrayList{"Cache-Control: max-age=5, s-maxage=90"} << true << 90ll
            << false << none;
        QTest::newRow("split Cache-Control lines")
            << 200 << QByteArrayList{"Cache-Control: public", "Cache-Control: max-age=7"} << true
            << 7ll << false << none;
        QTest::newRow("max-age beats Expires")
            << 200
            << QByteArrayList{"Expires: Tue, 14 Nov 2023 22:14:20 GMT", "Cache-Control: max-age=3"}
            << true << 3ll << false << none;
        QTest::newRow("Expires - Date") << 200
                                        << QByteArrayList{"Date: Tue, 14 Nov 2023 22:13:20 GMT",
                                                          "Expires: Tue, 14 Nov 2023 22:15:20 GMT"}
                                        << true << 120ll << false << none;
        QTest::newRow("invalid Expires: expired")
            << 200 << QByteArrayList{"Expires: 0"} << false << 0ll << false << none;
        QTest::newRow("Age is subtracted")
            << 200 << QByteArrayList{"Cache-Control: max-age=100", "Age: 40"} << true << 60ll
            << false << none;
        QTest::newRow("older than max-age")
            << 200 << QByteArrayList{"Cache-Control: max-age=10", "Age: 40"} << false << 0ll
            << false << none;
        QTest::newRow("no-store") << 200 << QByteArrayList{"Cache-Control: no-store, max-age=60"}
                                  << false << 0ll << false << none;
        QTest::newRow("private") << 200 << QByteArrayList{"Cache-Control: private"} << false << 0ll
                                 << false << none;
        QTest::newRow("no-cache: stored, revalidated")
            << 200 << QByteArrayList{"Cache-Control: no-cache"} << true << 0ll << true << none;
        QTest::newRow("Set-Cookie")
            << 200 << QByteArrayList{"Cache-Control: max-age=60", "Set-Cookie: a=1"} << false << 0ll
            << false << none;
        QTest::newRow("Vary: *") << 200 << QByteArrayList{"Vary: Accept, *"} << false << 0ll
                                 << false << none;
        QTest::newRow("Vary names, lower-cased")
            << 200 << QByteArrayList{"Vary: Accept-Encoding, X-Lang", "Vary: Accept"} << true
            << 60ll << false << QByteArrayList{"accept-encoding", "x-lang", "accept"};
    }
    void decide()
    {
        QFETCH(int, status);
        QFETCH(QByteArrayList, fields);
        QFETCH(bool, store);
        QFETCH(qint64, ttlS);
        QFETCH(bool, revalidate);
        QFETCH(QByteArrayList, vary);
        QList<http::HttpField> parsed;
        for (const QByteArray &line : std::as_const(fields)) {
            const qsizetype colon = line.indexOf(':');
            parsed.append(
                {QByteArrayView(line).first(colon), QByteArrayView(line).sliced(colon + 2)});
        }
        const CacheDecision d = decideCaching(status, parsed, Now, DefaultTtl);
        QCOMPARE(d.store, store);
        if (store) {
            QCOMPARE(d.ttlMs, ttlS * 1000);
            QCOMPARE(d.revalidate, revalidate);
            QCOMPARE(QByteArrayList(d.varyNames), vary);
        }
    }

    void directiveValues()
    {
        bool present = false;
        QCOMPARE(cacheControlSeconds("public, max-age=12", "max-age"), 12);
        QCOMPARE(cacheControlSeconds("public, MAX-AGE=12", "max-age"), 12);
        QCOMPARE(cacheControlSeconds("max-age=x", "max-age", &present), -1);
        QVERIFY(present);
        QCOMPARE(cacheControlSeconds("no-cache", "no-cache", &present), -1);
        QVERIFY(present);
        QCOMPARE(cacheControlSeconds("s-maxage=1", "max-age", &present), -1);
        QVERIFY(!present);
    }
};

QTEST_GUILESS_MAIN(TestCachePolicy)
#include "tst_cachepolicy.moc"
