#include "components/common/mimetypes.h"
#include "components/webserver/staticpath.h"
#include "http/requestconditions.h"

#include <QTest>

using namespace infralab;
using namespace infralab::webserver;
using namespace infralab::http;

// The pure request-path steps of the web server: decoding and dot segments (robustness.md
// §6), MIME types, and the conditional and Range fields.
class TestStaticPath : public QObject
{
    Q_OBJECT

private slots:
    void normalise_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("path");

        auto row = [](const char *name, const char *raw, int status, const char *path = "") {
            QTest::newRow(name) << QByteArray(raw) << status << QByteArray(path);
        };
        row("root", "/", 0, "/");
        row("file", "/index.html", 0, "/index.html");
        row("nested", "/a/b/c.txt", 0, "/a/b/c.txt");
        row("trailing slash kept", "/a/b/", 0, "/a/b/");
        row("double slash merged", "//a///b", 0, "/a/b");
        row("dot segment", "/a/./b", 0, "/a/b");
        row("trailing dot", "/a/.", 0, "/a/");
        row("dotdot inside", "/a/b/../c", 0, "/a/c");
        row("trailing dotdot", "/a/b/..", 0, "/a/");
        row("dotdot to root", "/a/..", 0, "/");
        row("dotdot above root", "/..", 400);
        row("traversal", "/../../etc/passwd", 400);
        row("late traversal", "/a/../../etc/passwd", 400);
        row("encoded dots", "/%2e%2e/etc/passwd", 400);
        row("encoded dots upper", "/%2E%2E/etc/passwd", 400);
        row("half encoded dot", "/.%2e/etc/passwd", 400);
        row("half encoded dot first", "/%2e./etc/passwd", 400);
        row("encoded slash", "/..%2f..%2fetc/passwd", 400);
        row("encoded slash in name", "/a%2Fb", 400);
        row("encoded single dot", "/a/%2e/b", 0, "/a/b");
        row("encoded dotdot inside", "/a/b/%2e%2e/c", 0, "/a/c");
        row("double encoding decoded once", "/%252e%252e/x", 0, "/%2e%2e/x");
        row("double encoded slash", "/a%252fb", 0, "/a%2fb");
        row("nul encoded", "/a%00.html", 400);
        row("nul raw", QByteArray("/a\0b", 4).constData(), 400); // C string ends at NUL
        row("invalid escape", "/a%zz", 400);
        row("truncated escape", "/a%4", 400);
        row("lone percent", "/a%", 400);
        row("backslash", "/a\\..\\secret", 404);
        row("encoded backslash", "/a%5c..%5csecret", 404);
        row("backslash then bad escape", "/a\\%zz", 400);
        row("utf8 raw", "/caf\xc3\xa9.html", 0, "/caf\xc3\xa9.html");
        row("utf8 encoded", "/caf%C3%A9.html", 0, "/caf\xc3\xa9.html");
        row("space encoded", "/my%20file.txt", 0, "/my file.txt");
        row("plus stays", "/a+b.txt", 0, "/a+b.txt");
        row("dots in name", "/a..b/...", 0, "/a..b/...");
        row("hidden file", "/.env", 0, "/.env");
        row("not absolute", "a/b", 400);
        row("empty", "", 400);
        row("asterisk", "*", 400);
    }
    void normalise()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        QFETCH(QByteArray, path);
        if (QByteArray(QTest::currentDataTag()) == "nul raw")
            raw = QByteArray("/a\0b", 4);
        const StaticPath result = normaliseStaticPath(raw);
        QCOMPARE(result.status, status);
        if (status == 0)
            QCOMPARE(result.path, path);
    }

    void mimeTypes_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("html") << QByteArray("/index.html") << QByteArray("text/html");
        QTest::newRow("upper case") << QByteArray("/A.HTM") << QByteArray("text/html");
        QTest::newRow("css") << QByteArray("/s.css") << QByteArray("text/css");
        QTest::newRow("js") << QByteArray("/a.js") << QByteArray("application/javascript");
        QTest::newRow("json") << QByteArray("/a.json") << QByteArray("application/json");
        QTest::newRow("svg") << QByteArray("/l.svg") << QByteArray("image/svg+xml");
        QTest::newRow("png") << QByteArray("/l.png") << QByteArray("image/png");
        QTest::newRow("jpg") << QByteArray("/l.jpg") << QByteArray("image/jpeg");
        QTest::newRow("xml") << QByteArray("/f.xml") << QByteArray("text/xml");
        QTest::newRow("unknown") << QByteArray("/f.xyz") << QByteArray("application/octet-stream");
        QTest::newRow("none") << QByteArray("/README") << QByteArray("application/octet-stream");
        QTest::newRow("dot in folder")
            << QByteArray("/a.html/README") << QByteArray("application/octet-stream");
    }
    void mimeTypes()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, type);
        QCOMPARE(components::mimeTypeForPath(path).toByteArray(), type);
    }

    void ranges_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        using K = ByteRange::Kind;
        auto row
            = [](const char *name, const char *range, K kind, qint64 first = 0, qint64 last = 0) {
                  QTest::newRow(name) << QByteArray(range) << int(kind) << first << last;
              };
        row("first ten", "bytes=0-9", K::Single, 0, 9);
        row("open end", "bytes=100-", K::Single, 100, 999);
        row("suffix", "bytes=-10", K::Single, 990, 999);
        row("suffix larger than file", "bytes=-5000", K::Single, 0, 999);
        row("end past size clipped", "bytes=990-5000", K::Single, 990, 999);
        row("unit case", "Bytes=0-0", K::Single, 0, 0);
        row("start past end", "bytes=1000-", K::Unsatisfiable);
        row("zero suffix", "bytes=-0", K::Unsatisfiable);
        row("several", "bytes=0-1,5-6", K::Several, 5, 6);
        row("several one satisfiable", "bytes=0-1,5000-", K::Several, 0, 1);
        row("reversed is invalid", "bytes=9-0", K::Ignore);
        row("other unit", "items=0-1", K::Ignore);
        row("garbage", "bytes=a-b", K::Ignore);
        row("no dash", "bytes=5", K::Ignore);
        row("negative start", "bytes=--5", K::Ignore);
    }
    void ranges()
    {
        QFETCH(QByteArray, range);
        QFETCH(int, kind);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        const ByteRange result = parseRange(range, 1000);
        QCOMPARE(int(result.kind), kind);
        if (result.kind == ByteRange::Kind::Single) {
            QCOMPARE(result.first, first);
            QCOMPARE(result.last, last);
        }
    }

    void conditions()
    {
        QVERIFY(noneMatchHits("\"5-a\"", "\"5-a\""));
        QVERIFY(noneMatchHits("\"x\", W/\"5-a\"", "\"5-a\""));
        QVERIFY(noneMatchHits("\"5-a\"", "W/\"5-a\""));
        QVERIFY(noneMatchHits("*", "\"5-a\""));
        QVERIFY(!noneMatchHits("\"5-b\"", "\"5-a\""));
        QCOMPARE(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT").value_or(-1), 784111777);
        QCOMPARE(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT").value_or(-1), 784111777);
        QCOMPARE(parseHttpDate("Sun Nov  6 08:49:37 1994").value_or(-1), 784111777);
        QVERIFY(!parseHttpDate("yesterday"));
        QVERIFY(ifRangeHolds("\"5-a\"", "\"5-a\"", 0));
        QVERIFY(!ifRangeHolds("W/\"5-a\"", "\"5-a\"", 0));
        QVERIFY(ifRangeHolds("Sun, 06 Nov 1994 08:49:37 GMT", "\"5-a\"", 784111777));
        QVERIFY(!ifRangeHolds("Sun, 06 Nov 1994 08:49:38 GMT", "\"5-a\"", 784111777));
        QVERIFY(acceptsGzip("gzip, deflate, br"));
        QVERIFY(acceptsGzip("br;q=1.0, gzip;q=0.5"));
        QVERIFY(!acceptsGzip("gzip;q=0"));
        QVERIFY(!acceptsGzip("gzip;q=0.000"));
        QVERIFY(!acceptsGzip("deflate, br"));
        QVERIFY(!acceptsGzip(""));
    }
};

QTEST_GUILESS_MAIN(TestStaticPath)
#include "tst_staticpath.moc"
