#include "upstream/proxyfields.h"

#include <QTest>

using infralab::http::HttpField;
using infralab::upstream::classifyProxyField;
using infralab::upstream::ConnectionOptions;
using infralab::upstream::ProxyField;

Q_DECLARE_METATYPE(ProxyField)

class TestProxyFields final : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void connectionOptions_data();
    void connectionOptions();
};

void TestProxyFields::classify_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<ProxyField>("kind");
    const std::pair<const char *, ProxyField> rows[] = {
        {"Connection", ProxyField::HopByHop},
        {"keep-alive", ProxyField::HopByHop},
        {"TE", ProxyField::HopByHop},
        {"Trailer", ProxyField::HopByHop},
        {"Transfer-Encoding", ProxyField::HopByHop},
        {"UPGRADE", ProxyField::HopByHop},
        {"Proxy-Connection", ProxyField::HopByHop},
        {"Proxy-Authorization", ProxyField::HopByHop},
        {"proxy-authenticate", ProxyField::HopByHop},
        {"Host", ProxyField::Host},
        {"Content-Length", ProxyField::ContentLength},
        {"Expect", ProxyField::Expect},
        {"Via", ProxyField::Via},
        {"X-Forwarded-For", ProxyField::XForwardedFor},
        {"x-forwarded-proto", ProxyField::XForwardedProto},
        {"X-Forwarded-Host", ProxyField::XForwardedHost},
        {"X-Real-IP", ProxyField::XRealIp},
        {"If-Match", ProxyField::Conditional},
        {"If-None-Match", ProxyField::Conditional},
        {"If-Modified-Since", ProxyField::Conditional},
        {"If-Unmodified-Since", ProxyField::Conditional},
        {"If-Range", ProxyField::Conditional},
        {"Range", ProxyField::Conditional},
        {"Date", ProxyField::Date},
        {"Server", ProxyField::Server},
        // Same lengths as the names above, or one letter off: passed on.
        {"Accept", ProxyField::Other},
        {"Cookie", ProxyField::Other},
        {"Te-", ProxyField::Other},
        {"Hosts", ProxyField::Other},
        {"Connectio", ProxyField::Other},
        {"Connection-", ProxyField::Other},
        {"Content-Lengtz", ProxyField::Other},
        {"Transfer-Encodinh", ProxyField::Other},
        {"X-Forwarded-Fo@", ProxyField::Other},
        {"", ProxyField::Other},
    };
    for (const auto &[name, kind] : rows)
        QTest::newRow(*name ? name : "(empty)") << QByteArray(name) << kind;
}

void TestProxyFields::classify()
{
    QFETCH(QByteArray, name);
    QFETCH(ProxyField, kind);
    QCOMPARE(classifyProxyField(name), kind);
}

void TestProxyFields::connectionOptions_data()
{
    QTest::addColumn<QList<QByteArray>>("connectionValues");
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<bool>("hopByHop");
    QTest::newRow("no Connection field") << QList<QByteArray>{} << QByteArray("X-Secret") << false;
    QTest::newRow("named") << QList<QByteArray>{"close, X-Secret"} << QByteArray("x-secret")
                           << true;
    QTest::newRow("named in a second field")
        << QList<QByteArray>{"keep-alive", "X-Secret"} << QByteArray("X-SECRET") << true;
    QTest::newRow("not named") << QList<QByteArray>{"keep-alive"} << QByteArray("X-Secret")
                               << false;
    QTest::newRow("a prefix is not a name")
        << QList<QByteArray>{"X-Secrets"} << QByteArray("X-Secret") << false;
}

void TestProxyFields::connectionOptions()
{
    QFETCH(QList<QByteArray>, connectionValues);
    QFETCH(QByteArray, field);
    QFETCH(bool, hopByHop);
    QList<HttpField> fields{{"Host", "example"}};
    for (const QByteArray &value : connectionValues)
        fields.append({"Connection", value});
    fields.append({field, "1"});
    const ConnectionOptions options(fields);
    QCOMPARE(options.isHopByHop(classifyProxyField(field), field), hopByHop);
    QCOMPARE(options.names(field), hopByHop);
    // Connection itself is hop-by-hop whatever it names.
    QVERIFY(options.isHopByHop(ProxyField::HopByHop, "Connection"));
}

QTEST_GUILESS_MAIN(TestProxyFields)
#include "tst_proxyfields.moc"
