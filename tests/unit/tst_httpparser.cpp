#include "http/requestparser.h"
#include "http/responseheadwriter.h"
#include "http/responseparser.h"

#include <infralab/version.h>

#include <QRegularExpression>
#include <QTest>

using namespace infralab::http;

// The strict request head parser: one table of raw requests (robustness.md H1–H35), each
// also fed split at every byte boundary, plus pipelining and the response head writer.
namespace {

enum Status { Complete, Incomplete, Error };

Status toStatus(ParseStatus s)
{
    return s == ParseStatus::Complete     ? Complete
           : s == ParseStatus::Incomplete ? Incomplete
                                          : Error;
}

QByteArray fieldLines(int count, const QByteArray &value = "v")
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += "X-F" + QByteArray::number(i) + ": " + value + "\r\n";
    return out;
}

const QByteArray get = "GET / HTTP/1.1\r\nHost: a\r\n";

// Everything a row checks, as one comparable string.
QByteArray describe(const ParseResult &r, const RequestHead &h)
{
    QByteArray s = QByteArray::number(int(r.status)) + ' ' + QByteArray::number(r.httpStatus) + ' '
                   + QByteArray::number(r.consumed) + ' ' + r.reason;
    if (r.isComplete()) {
        s += ' ' + h.methodToken.toByteArray() + ' ' + h.target.toByteArray() + ' '
             + QByteArray::number(int(h.version)) + ' ' + QByteArray::number(int(h.framing)) + ' '
             + QByteArray::number(h.contentLength) + ' ' + QByteArray::number(h.keepAlive) + ' '
             + h.host.toByteArray() + ' ' + QByteArray::number(h.expectContinue)
             + QByteArray::number(h.upgrade) + ' ' + QByteArray::number(h.fields.size());
        for (const HttpField &f : h.fields)
            s += '|' + f.name.toByteArray() + '=' + f.value.toByteArray();
    }
    return s;
}

} // namespace

class TestHttpParser : public QObject
{
    Q_OBJECT

private:
    // Columns: raw bytes; expected status, httpStatus, consumed (-1 = whole input for
    // Complete); method, target, version (10/11), framing, content length, keep-alive, host;
    // flags ("c" expect-continue, "u" upgrade).
    void addColumns()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<qint64>("consumed");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("version");
        QTest::addColumn<int>("framing");
        QTest::addColumn<qint64>("contentLength");
        QTest::addColumn<bool>("keepAlive");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QByteArray>("flags");
    }
    static void ok(const char *name, const QByteArray &raw, const QByteArray &method,
                   const QByteArray &target, int version, const QByteArray &host,
                   BodyFraming framing = BodyFraming::None, qint64 length = 0,
                   bool keepAlive = true, const QByteArray &flags = {}, qint64 consumed = -1)
    {
        QTest::newRow(name) << raw << int(Complete) << 0 << (consumed < 0 ? raw.size() : consumed)
                            << method << target << version << int(framing) << length << keepAlive
                            << host << flags;
    }
    static void bad(const char *name, const QByteArray &raw, int httpStatus)
    {
        QTest::newRow(name) << raw << int(Error) << httpStatus << qint64(0) << QByteArray()
                            << QByteArray() << 0 << 0 << qint64(0) << false << QByteArray()
                            << QByteArray();
    }
    static void more(const char *name, const QByteArray &raw)
    {
        QTest::newRow(name) << raw << int(Incomplete) << 0 << qint64(0) << QByteArray()
                            << QByteArray() << 0 << 0 << qint64(0) << false << QByteArray()
                            << QByteArray();
    }

private slots:
    void requests_data()
    {
        addColumns();
        const auto Cl = BodyFraming::ContentLength;
        const auto Ch = BodyFraming::Chunked;
        const auto N = BodyFraming::None;

        // --- valid requests
        ok("simple GET", get + "\r\n", "GET", "/", 11, "a");
        ok("query and port", "GET /p/q?x=1&y=%20 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n", "GET",
           "/p/q?x=1&y=%20", 11, "example.com:8080");
        ok("HEAD", "HEAD /i HTTP/1.1\r\nHost: a\r\n\r\n", "HEAD", "/i", 11, "a");
        ok("PUT", "PUT /i HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n", "PUT", "/i", 11, "a",
           Cl, 2, true, {}, -1);
        ok("DELETE", "DELETE /i HTTP/1.1\r\nHost: a\r\n\r\n", "DELETE", "/i", 11, "a");
        ok("PATCH", "PATCH /i HTTP/1.1\r\nHost: a\r\n\r\n", "PATCH", "/i", 11, "a");
        ok("TRACE", "TRACE /i HTTP/1.1\r\nHost: a\r\n\r\n", "TRACE", "/i", 11, "a");
        ok("HTTP/1.0 without Host closes", "GET / HTTP/1.0\r\n\r\n", "GET", "/", 10, "", N, 0,
           false);
        ok("HTTP/1.0 keep-alive (H32)", "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", "GET",
           "/", 10, "", N, 0, true);
        ok("1.1 Connection close (H32)", get + "Connection: close\r\n\r\n", "GET", "/", 11, "a", N,
           0, false);
        ok("Connection list with close", get + "Connection: keep-alive, CLOSE\r\n\r\n", "GET", "/",
           11, "a", N, 0, false);
        ok("Connection lines combine", get + "Connection: foo\r\nConnection: close\r\n\r\n", "GET",
           "/", 11, "a", N, 0, false);
        ok("upgrade", get + "Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n", "GET", "/", 11,
           "a", N, 0, true, "u");
        ok("upgrade token without Upgrade field", get + "Connection: upgrade\r\n\r\n", "GET", "/",
           11, "a");
        ok("POST with Content-Length, body not consumed",
           "POST /f HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello", "POST", "/f", 11, "a",
           Cl, 5, true, {}, 48);
        ok("Content-Length 0 is no body", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
           "POST", "/", 11, "a");
        ok("Content-Length leading zeros",
           "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 007\r\n\r\n", "POST", "/", 11, "a", Cl,
           7);
        ok("Content-Length at body limit",
           "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048576\r\n\r\n", "POST", "/", 11, "a",
           Cl, 1048576);
        ok("chunked", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n",
           "POST", "/", 11, "a", Ch, 0, true, {}, 56);
        ok("chunked case-insensitive",
           "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n", "POST", "/", 11, "a",
           Ch);
        ok("chunked with empty list elements",
           "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: , chunked\r\n\r\n", "POST", "/", 11,
           "a", Ch);
        ok("leading CRLF ignored (H28)", "\r\n" + get + "\r\n", "GET", "/", 11, "a");
        ok("four leading empty lines", "\r\n\r\n\n\r\n" + get + "\r\n", "GET", "/", 11, "a");
        ok("bare LF line endings accepted (H29)", "GET / HTTP/1.1\nHost: a\n\n", "GET", "/", 11,
           "a");
        ok("mixed LF and CRLF", "GET / HTTP/1.1\r\nHost: a\n\r\n", "GET", "/", 11, "a");
        ok("absolute-form, authority wins (H23)",
           "GET http://example.com/x?y HTTP/1.1\r\nHost: other\r\n\r\n", "GET",
           "http://example.com/x?y", 11, "example.com");
        ok("absolute-form without path", "GET https://example.com:8443 HTTP/1.1\r\nHost: h\r\n\r\n",
           "GET", "https://example.com:8443", 11, "example.com:8443");
        ok("OPTIONS asterisk (H24)", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", "OPTIONS", "*", 11,
           "a");
        ok("CONNECT authority-form",
           "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", "CONNECT",
           "example.com:443", 11, "example.com:443");
        ok("HTTP/1.2 treated as 1.1", "GET / HTTP/1.2\r\nHost: a\r\n\r\n", "GET", "/", 11, "a");
        ok("Expect 100-continue (H31)",
           "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: 100-Continue\r\n\r\n",
           "POST", "/", 11, "a", Cl, 3, true, "c");
        ok("Expect ignored for HTTP/1.0", "GET / HTTP/1.0\r\nExpect: foo\r\n\r\n", "GET", "/", 10,
           "", N, 0, false);
        ok("obs-text in value", get + "X: caf\xc3\xa9\x80\xff\r\n\r\n", "GET", "/", 11, "a");
        ok("empty value", get + "X-Empty:\r\nX-Blank:   \r\n\r\n", "GET", "/", 11, "a");
        ok("value OWS trimmed", get + "X: \t a b \t\r\n\r\n", "GET", "/", 11, "a");
        ok("every tchar in a name", get + "!#$%&'*+-.^_`|~09azAZ: v\r\n\r\n", "GET", "/", 11, "a");
        ok("IPv6 Host", "GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", "GET", "/", 11, "[::1]:8080");
        ok("Host with empty port", "GET / HTTP/1.1\r\nHost: a:\r\n\r\n", "GET", "/", 11, "a:");
        ok("Content_Length not normalised (H34)",
           "POST / HTTP/1.1\r\nHost: a\r\nContent_Length: 5\r\n\r\nhello", "POST", "/", 11, "a", N,
           0, true, {}, 47);
        ok("request line at its limit",
           "GET /" + QByteArray(8192 - 14, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n", "GET",
           "/" + QByteArray(8192 - 14, 'a'), 11, "a");
        ok("field line at its limit", get + "X: " + QByteArray(8192 - 3, 'v') + "\r\n\r\n", "GET",
           "/", 11, "a");
        ok("100 fields", "GET / HTTP/1.1\r\nHost: a\r\n" + fieldLines(99) + "\r\n", "GET", "/", 11,
           "a");
        ok("pipelined: only the first head", get + "\r\n" + get + "\r\n", "GET", "/", 11, "a", N, 0,
           true, {}, get.size() + 2);

        // --- incomplete
        more("empty", "");
        more("only CRLF", "\r\n");
        more("partial method", "GE");
        more("no empty line", get);
        more("CR of the empty line", get + "\r");
        more("partial field", get + "X-Long: abc");
        more("partial version", "GET / HTTP/1.");

        // --- H1 Host
        bad("missing Host (H1)", "GET / HTTP/1.1\r\n\r\n", 400);
        bad("two Host lines (H1)", get + "Host: a\r\n\r\n", 400);
        bad("two different Hosts (H1)", get + "Host: b\r\n\r\n", 400);
        bad("Host with space (H1)", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400);
        bad("Host with slash (H1)", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400);
        bad("Host with userinfo (H1)", "GET / HTTP/1.1\r\nHost: u@a\r\n\r\n", 400);
        bad("empty Host (H1)", "GET / HTTP/1.1\r\nHost:\r\n\r\n", 400);
        bad("Host port not digits (H1)", "GET / HTTP/1.1\r\nHost: a:8x\r\n\r\n", 400);
        bad("absolute-form still needs Host (H1)", "GET http://a/ HTTP/1.1\r\n\r\n", 400);
        // --- H2–H7 field syntax
        bad("space before colon (H2)", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400);
        bad("tab before colon (H2)", "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", 400);
        bad("obs-fold (H3)", get + "X: a\r\n b\r\n\r\n", 400);
        bad("obs-fold with tab (H3)", get + "X: a\r\n\tb\r\n\r\n", 400);
        bad("whitespace line after request line (H4)", "GET / HTTP/1.1\r\n Host: a\r\n\r\n", 400);
        bad("bare CR in value (H5)", get + "X: a\rb\r\n\r\n", 400);
        bad("bare CR after request line (H5)", "GET / HTTP/1.1\rHost: a\r\n\r\n", 400);
        bad("bare CR as empty line (H5)", get + "\r\r\n", 400);
        bad("bare CR before request line (H5)", "\rGET / HTTP/1.1\r\n", 400);
        bad("NUL in value (H6)", get + QByteArray("X: a\0b\r\n\r\n", 10), 400);
        bad("CTL in value (H6)",
            get
                + "X: a\x01"
                  "b\r\n\r\n",
            400);
        bad("DEL in value (H6)", get + "X: a\x7f\r\n\r\n", 400);
        bad("empty field name (H7)", get + ": a\r\n\r\n", 400);
        bad("@ in field name (H7)", get + "Fo@: a\r\n\r\n", 400);
        bad("space in field name (H7)", get + "X Y: a\r\n\r\n", 400);
        bad("non-ASCII field name (H7)", get + "X\xc3\xa9: a\r\n\r\n", 400);
        bad("field line without colon (H7)", get + "Foo\r\n\r\n", 400);
        // --- H8–H14 framing
        bad("CL and TE (H8)",
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
            400);
        bad("TE and CL (H8)",
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
            400);
        bad("chunked not final (H9)",
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400);
        bad("TE without chunked (H9)",
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 400);
        bad("chunked twice (H9)",
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: "
            "chunked\r\n\r\n",
            400);
        bad("empty TE (H9)", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n\r\n", 400);
        bad("TE not a token (H9)",
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked;x=1\r\n\r\n", 400);
        bad("unknown coding (H10)",
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: foo, chunked\r\n\r\n", 501);
        bad("gzip coding (H10)",
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: "
            "chunked\r\n\r\n",
            501);
        bad("HTTP/1.0 with TE (H11)", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400);
        bad("CL letters (H12)", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n", 400);
        bad("CL plus sign (H12)", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n", 400);
        bad("CL negative (H12)", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400);
        bad("CL hex (H12)", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x5\r\n\r\n", 400);
        bad("CL empty (H12)", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n", 400);
        bad("CL internal space (H12)", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1 2\r\n\r\n",
            400);
        bad("CL differing list (H12)", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\n",
            400);
        bad("CL differing lines (H12)",
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400);
        bad("CL identical lines (H13)",
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
            400);
        bad("CL identical list (H13)",
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nhello", 400);
        bad("CL overflow (H14)",
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", 400);
        bad("CL 2^63 (H14)",
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9223372036854775808\r\n\r\n", 400);
        bad("CL 2^63-1 too large",
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9223372036854775807\r\n\r\n", 413);
        bad("CL over body limit", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1048577\r\n\r\n",
            413);
        // --- H20–H21 limits, including while incomplete
        bad("target too long (H20)",
            "GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n", 414);
        bad("target too long, no CRLF yet (H20)", "GET /" + QByteArray(8200, 'a'), 414);
        bad("request line one byte over",
            "GET /" + QByteArray(8192 - 13, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n", 414);
        bad("field too long (H21)", get + "X: " + QByteArray(8192 - 2, 'v') + "\r\n\r\n", 431);
        bad("field too long, incomplete (H21)", get + "X: " + QByteArray(9000, 'v'), 431);
        bad("header section too large (H21)", get + fieldLines(5, QByteArray(7000, 'v')) + "\r\n",
            431);
        bad("header section too large, incomplete (H21)",
            get + fieldLines(5, QByteArray(7000, 'v')), 431);
        bad("101 fields (H21)", get + fieldLines(100) + "\r\n", 431);
        // --- H24–H27 request line
        bad("GET asterisk (H24)", "GET * HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("OPTIONS asterisk with more (H24)", "OPTIONS *x HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("double space (H25)", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("double space before version (H25)", "GET /  HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("tab separator (H25)", "GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("trailing space (H25)", "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400);
        bad("leading space", " GET / HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("HTTP/0.9 request line", "GET /\r\n\r\n", 400);
        bad("non-ASCII in target", "GET /caf\xc3\xa9 HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("fragment in target", "GET /a#b HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("CTL in target", "GET /a\x01 HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("relative target", "GET a/b HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("authority-form with GET", "GET example.com:80 HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("absolute-form empty authority", "GET http:///x HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("absolute-form userinfo", "GET http://u@a/ HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("CONNECT origin-form", "CONNECT / HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("CONNECT without port", "CONNECT example.com HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("HTTP/1 (H26)", "GET / HTTP/1\r\nHost: a\r\n\r\n", 400);
        bad("HTTP/1.10 (H26)", "GET / HTTP/1.10\r\nHost: a\r\n\r\n", 400);
        bad("HTTP/1.x (H26)", "GET / HTTP/1.x\r\nHost: a\r\n\r\n", 400);
        bad("lower-case http (H26)", "GET / http/1.1\r\nHost: a\r\n\r\n", 400);
        bad("HTTP/2.0 (H26)", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505);
        bad("HTTP/5.6 (H26)", "GET / HTTP/5.6\r\nHost: a\r\n\r\n", 505);
        bad("HTTP/0.9 version (H26)", "GET / HTTP/0.9\r\nHost: a\r\n\r\n", 505);
        bad("lower-case method (H27)", "get / HTTP/1.1\r\nHost: a\r\n\r\n", 501);
        bad("unknown method (H27)", "FOO / HTTP/1.1\r\nHost: a\r\n\r\n", 501);
        bad("WebDAV method (H27)", "PROPFIND / HTTP/1.1\r\nHost: a\r\n\r\n", 501);
        bad("overlong method (H27)", QByteArray(300, 'G') + " / HTTP/1.1\r\nHost: a\r\n\r\n", 501);
        bad("overlong method, no space yet (H27)", QByteArray(300, 'G'), 501);
        bad("invalid char in method", "G@T / HTTP/1.1\r\nHost: a\r\n\r\n", 400);
        bad("too many leading empty lines (H28)", "\r\n\r\n\r\n\r\n\r\n" + get + "\r\n", 400);
        // --- H31 Expect, Connection syntax
        bad("unknown expectation (H31)", get + "Expect: foo\r\n\r\n", 417);
        bad("empty expectation (H31)", get + "Expect:\r\n\r\n", 417);
        bad("Connection not a token", get + "Connection: close;x\r\n\r\n", 400);
        // --- H35 other protocols
        bad("HTTP/2 preface (H35)", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400);
        bad("TLS ClientHello (H35)", QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11),
            400);
        bad("NUL first byte (H35)", QByteArray("\0GET / HTTP/1.1\r\n", 17), 400);
        bad("binary garbage (H35)", "\xff\xfe\xfd", 400);
    }

    void requests()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        QFETCH(int, httpStatus);
        QFETCH(qint64, consumed);

        RequestHead head;
        const ParseResult r = parseRequestHead(raw, head);
        QCOMPARE(toStatus(r.status), Status(status));
        QCOMPARE(r.httpStatus, httpStatus);
        QCOMPARE(r.consumed, consumed);
        if (r.isError())
            QVERIFY(qstrlen(r.reason) > 0);
        if (status == Complete) {
            QFETCH(QByteArray, method);
            QFETCH(QByteArray, target);
            QFETCH(int, version);
            QFETCH(int, framing);
            QFETCH(qint64, contentLength);
            QFETCH(bool, keepAlive);
            QFETCH(QByteArray, host);
            QFETCH(QByteArray, flags);
            QCOMPARE(head.methodToken.toByteArray(), method);
            QCOMPARE(methodName(head.method).toByteArray(), method);
            QCOMPARE(head.target.toByteArray(), target);
            QCOMPARE(head.version == HttpVersion::Http10 ? 10 : 11, version);
            QCOMPARE(int(head.framing), framing);
            QCOMPARE(head.contentLength, contentLength);
            QCOMPARE(head.keepAlive, keepAlive);
            QCOMPARE(head.host.toByteArray(), host);
            QCOMPARE(head.expectContinue, flags.contains('c'));
            QCOMPARE(head.upgrade, flags.contains('u'));
        }
        const QByteArray expected = describe(r, head);

        // The same bytes split at every boundary: a prefix is Incomplete or already the
        // same error; then the whole buffer (on the same parser) gives the same answer.
        for (qsizetype k = 1; k < raw.size(); ++k) {
            RequestParser parser;
            RequestHead h;
            const QByteArray prefix = raw.left(k);
            const ParseResult p = parser.parse(prefix, h);
            if (!p.isIncomplete()) {
                // An early error, or (pipelining) the whole head already in the prefix.
                QCOMPARE(describe(p, h), expected);
                continue;
            }
            QVERIFY2(p.isIncomplete(), qPrintable("split at " + QString::number(k)));
            const ParseResult w = parser.parse(raw, h);
            QCOMPARE(describe(w, h), expected);
        }
        // And byte by byte on one parser, each time from a freshly allocated buffer, as a
        // connection's receive buffer grows and moves.
        RequestParser parser;
        RequestHead h;
        ParseResult last;
        for (qsizetype k = 1; k <= raw.size(); ++k) {
            const QByteArray grown = raw.left(k);
            last = parser.parse(grown, h);
            if (!last.isIncomplete()) {
                if (last.isComplete()) {
                    // Views must refer to the final buffer: re-parse it to compare.
                    RequestHead again;
                    QCOMPARE(describe(parseRequestHead(raw, again), again), expected);
                    QCOMPARE(last.consumed, r.consumed);
                } else {
                    QCOMPARE(describe(last, h), expected);
                }
                break;
            }
        }
        QCOMPARE(last.status, r.status);
    }

    // Values and targets are scanned 16 bytes at a time: put each kind of byte at every
    // position of a few blocks and compare with what the byte-wise rules say.
    void vectorScanBoundaries()
    {
        struct Probe
        {
            char byte;
            bool validInValue;
            bool validInTarget;
        };
        const Probe probes[]
            = {{'\t', true, false},    {'\x01', false, false}, {'\x1f', false, false},
               {'\x7f', false, false}, {'\x80', true, false},  {'\xff', true, false},
               {'#', true, false},     {'~', true, true},      {'!', true, true}};
        for (const Probe &probe : probes) {
            for (int at = 0; at < 48; ++at) {
                QByteArray value(48, 'v');
                value[at] = probe.byte;
                RequestHead head;
                const QByteArray raw = get + "X: " + value + "\r\n\r\n";
                const ParseResult r = parseRequestHead(raw, head);
                QVERIFY2(
                    r.isComplete() == probe.validInValue,
                    qPrintable(QString::number(uchar(probe.byte)) + " at " + QString::number(at)));
                if (r.isComplete())
                    QCOMPARE(head.field("x").size(),
                             48 - ((at == 0 || at == 47) && probe.byte == '\t'));

                QByteArray target = "/" + QByteArray(47, 't');
                target[at] = probe.byte;
                if (at == 0)
                    continue; // keep the leading '/'
                const QByteArray line = "GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n";
                QCOMPARE(parseRequestHead(line, head).isComplete(), probe.validInTarget);
            }
        }
    }

    void bareLfCanBeRefused()
    {
        HttpLimits strict;
        strict.acceptBareLf = false;
        RequestHead head;
        const ParseResult a = parseRequestHead("GET / HTTP/1.1\nHost: a\n\n", head, strict);
        QCOMPARE(a.httpStatus, 400);
        const ParseResult b = parseRequestHead("GET / HTTP/1.1\r\nHost: a\n\r\n", head, strict);
        QCOMPARE(b.httpStatus, 400);
        const ParseResult c = parseRequestHead("GET / HTTP/1.1\r\nHost: a\r\n\r\n", head, strict);
        QVERIFY(c.isComplete());
    }

    void smallerLimits()
    {
        HttpLimits limits;
        limits.fieldCount = 2;
        limits.maxBody = 10;
        RequestHead head;
        QCOMPARE(parseRequestHead(get + "A: 1\r\nB: 2\r\n\r\n", head, limits).httpStatus, 431);
        QVERIFY(parseRequestHead(get + "A: 1\r\n\r\n", head, limits).isComplete());
        QCOMPARE(parseRequestHead("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", head,
                                  limits)
                     .httpStatus,
                 413);
    }

    void fieldsAreViewsInOrder()
    {
        const QByteArray raw
            = "GET /x?a=1 HTTP/1.1\r\nHost: h\r\nAccept:  */* \r\nX-A: 1\r\nx-a: 2\r\n\r\n";
        RequestHead head;
        QVERIFY(parseRequestHead(raw, head).isComplete());
        QCOMPARE(head.fields.size(), 4);
        QCOMPARE(head.fields[1].name.toByteArray(), QByteArray("Accept"));
        QCOMPARE(head.fields[1].value.toByteArray(), QByteArray("*/*"));
        QCOMPARE(head.field("ACCEPT").toByteArray(), QByteArray("*/*"));
        QCOMPARE(head.field("x-a").toByteArray(), QByteArray("1"));
        QVERIFY(head.field("missing").isNull());
        QCOMPARE(head.path.toByteArray(), QByteArray("/x"));
        QCOMPARE(head.query.toByteArray(), QByteArray("a=1"));
        // Views point into the caller's buffer, no copies.
        QVERIFY(head.fields[0].value.data() >= raw.constData()
                && head.fields[0].value.data() < raw.constData() + raw.size());
    }

    void targetParts_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("form");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("query");
        QTest::newRow("origin") << QByteArray("GET /a/b?c HTTP/1.1") << int(TargetForm::Origin)
                                << QByteArray("/a/b") << QByteArray("c");
        QTest::newRow("absolute") << QByteArray("GET http://h:1/p?q=2 HTTP/1.1")
                                  << int(TargetForm::Absolute) << QByteArray("/p")
                                  << QByteArray("q=2");
        QTest::newRow("absolute query only")
            << QByteArray("GET http://h?q HTTP/1.1") << int(TargetForm::Absolute) << QByteArray("/")
            << QByteArray("q");
        QTest::newRow("asterisk") << QByteArray("OPTIONS * HTTP/1.1") << int(TargetForm::Asterisk)
                                  << QByteArray("*") << QByteArray();
        QTest::newRow("authority") << QByteArray("CONNECT h:443 HTTP/1.1")
                                   << int(TargetForm::Authority) << QByteArray() << QByteArray();
    }
    void targetParts()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, form);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, query);
        const QByteArray raw = line + "\r\nHost: h\r\n\r\n"; // the head's views point into it
        RequestHead head;
        QVERIFY(parseRequestHead(raw, head).isComplete());
        QCOMPARE(int(head.targetForm), form);
        QCOMPARE(head.path.toByteArray(), path);
        QCOMPARE(head.query.toByteArray(), query);
    }

    void pipelining()
    {
        const QByteArray first = "POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n";
        const QByteArray second = "GET /b HTTP/1.1\r\nHost: a\r\n\r\n";
        QByteArray buffer = first + "abc" + second;
        RequestParser parser;
        RequestHead head;
        ParseResult r = parser.parse(buffer, head);
        QVERIFY(r.isComplete());
        QCOMPARE(r.consumed, first.size());
        QCOMPARE(head.target.toByteArray(), QByteArray("/a"));
        QCOMPARE(head.contentLength, 3);
        // The connection drops the head and the body, then parses the next request.
        buffer.remove(0, r.consumed + head.contentLength);
        parser.reset();
        r = parser.parse(buffer, head);
        QVERIFY(r.isComplete());
        QCOMPARE(r.consumed, second.size());
        QCOMPARE(head.target.toByteArray(), QByteArray("/b"));
    }

    void repeatsFinalAnswer()
    {
        RequestParser parser;
        RequestHead head;
        const QByteArray raw = get + "\r\n";
        QVERIFY(parser.parse(raw, head).isComplete());
        QCOMPARE(parser.parse(raw, head).consumed, raw.size());
        RequestParser failing;
        QCOMPARE(failing.parse("get ", head).httpStatus, 501);
        QCOMPARE(failing.parse(raw, head).httpStatus, 501);
    }

    void helpers()
    {
        QVERIFY(equalsIgnoreCase("Content-Length", "content-length"));
        QVERIFY(!equalsIgnoreCase("@", "`"));
        QVERIFY(!equalsIgnoreCase("a", "ab"));
        QVERIFY(listContainsToken("foo, Keep-Alive ,bar", "keep-alive"));
        QVERIFY(!listContainsToken("keep-alived", "keep-alive"));
        QVERIFY(isIdempotent(HttpMethod::Put));
        QVERIFY(!isIdempotent(HttpMethod::Post));
    }

    // --- the response head writer

    void httpDate()
    {
        // RFC 9110 §5.6.7's own example.
        QCOMPARE(formatHttpDate(784111777), QByteArray("Sun, 06 Nov 1994 08:49:37 GMT"));
        QCOMPARE(formatHttpDate(0), QByteArray("Thu, 01 Jan 1970 00:00:00 GMT"));
        const QByteArrayView now = currentHttpDate();
        QCOMPARE(now.size(), 29);
        QVERIFY(now.endsWith(" GMT"));
    }

    void reasonPhrases()
    {
        QCOMPARE(reasonPhrase(200).toByteArray(), QByteArray("OK"));
        QCOMPARE(reasonPhrase(404).toByteArray(), QByteArray("Not Found"));
        QCOMPARE(reasonPhrase(413).toByteArray(), QByteArray("Content Too Large"));
        QCOMPARE(reasonPhrase(431).toByteArray(), QByteArray("Request Header Fields Too Large"));
        QCOMPARE(reasonPhrase(799).toByteArray(), QByteArray("Unknown"));
    }

    void responseHeadWriter()
    {
        QByteArray out = "previous";
        ResponseHeadWriter(out, 404)
            .add("Content-Type", "text/plain")
            .addContentLength(1234567890123)
            .addConnectionClose()
            .finish();
        QVERIFY(out.startsWith("previousHTTP/1.1 404 Not Found\r\nDate: "));
        const QRegularExpression shape(QStringLiteral(
            "^HTTP/1\\.1 404 Not Found\r\nDate: [A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} "
            "\\d\\d:\\d\\d:\\d\\d GMT\r\nServer: InfraLab/[0-9.]+\r\nContent-Type: text/plain\r\n"
            "Content-Length: 1234567890123\r\nConnection: close\r\n\r\n$"));
        QVERIFY2(shape.match(QString::fromLatin1(out.mid(8))).hasMatch(), out.constData());
        QVERIFY(out.contains("Server: InfraLab/" INFRALAB_VERSION "\r\n"));

        // Our own parser reads it back.
        ResponseHead head;
        HttpLimits limits;
        limits.maxBody = HttpLimits::noBodyLimit;
        const ParseResult r
            = parseResponseHead(QByteArrayView(out).sliced(8), head, HttpMethod::Get, limits);
        QVERIFY(r.isComplete());
        QCOMPARE(head.status, 404);
        QCOMPARE(head.contentLength, 1234567890123);
        QVERIFY(!head.keepAlive);

        QByteArray zero;
        ResponseHeadWriter(zero, 204, HttpVersion::Http10).addContentLength(0).finish();
        QVERIFY(zero.startsWith("HTTP/1.0 204 No Content\r\n"));
        QVERIFY(zero.endsWith("Content-Length: 0\r\n\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
