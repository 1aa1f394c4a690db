#include "http/responseparser.h"

#include <QTest>

using namespace infralab::http;

// The upstream response head parser a proxy uses: status line, framing per RFC 9112 §6.3
// (1xx/204/304/HEAD without body, close-delimited bodies) and 502 for anything ambiguous.
namespace {

enum Status { Complete, Incomplete, Error };

QByteArray describe(const ParseResult &r, const ResponseHead &h)
{
    QByteArray s = QByteArray::number(int(r.status)) + ' ' + QByteArray::number(r.httpStatus) + ' '
                   + QByteArray::number(r.consumed) + ' ' + r.reason;
    if (r.isComplete()) {
        s += ' ' + QByteArray::number(h.status) + ' ' + h.reason.toByteArray() + ' '
             + QByteArray::number(int(h.version)) + ' ' + QByteArray::number(int(h.framing)) + ' '
             + QByteArray::number(h.contentLength) + ' ' + QByteArray::number(h.keepAlive);
        for (const HttpField &f : h.fields)
            s += '|' + f.name.toByteArray() + '=' + f.value.toByteArray();
    }
    return s;
}

} // namespace

class TestResponseParser : public QObject
{
    Q_OBJECT

private:
    static void ok(const char *name, const QByteArray &raw, int code, BodyFraming framing,
                   qint64 length, bool keepAlive, HttpMethod method = HttpMethod::Get,
                   qint64 consumed = -1)
    {
        QTest::newRow(name) << raw << int(method) << int(Complete) << 0
                            << (consumed < 0 ? raw.size() : consumed) << code << int(framing)
                            << length << keepAlive;
    }
    static void bad(const char *name, const QByteArray &raw, HttpMethod method = HttpMethod::Get)
    {
        QTest::newRow(name) << raw << int(method) << int(Error) << 502 << qint64(0) << 0 << 0
                            << qint64(0) << false;
    }
    static void more(const char *name, const QByteArray &raw)
    {
        QTest::newRow(name) << raw << int(HttpMethod::Get) << int(Incomplete) << 0 << qint64(0) << 0
                            << 0 << qint64(0) << false;
    }

private slots:
    void responses_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("method");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<qint64>("consumed");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("framing");
        QTest::addColumn<qint64>("contentLength");
        QTest::addColumn<bool>("keepAlive");
        const auto N = BodyFraming::None;
        const auto Cl = BodyFraming::ContentLength;
        const auto Ch = BodyFraming::Chunked;
        const auto Uc = BodyFraming::UntilClose;

        ok("200 with Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", 200, Cl, 5,
           true);
        ok("body not consumed", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 200, Cl, 5,
           true, HttpMethod::Get, 38);
        ok("chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", 200, Ch, 0, true);
        ok("close-delimited", "HTTP/1.1 200 OK\r\nServer: x\r\n\r\n", 200, Uc, 0, false);
        ok("Content-Length 0", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 200, N, 0, true);
        ok("204 no body", "HTTP/1.1 204 No Content\r\n\r\n", 204, N, 0, true);
        ok("304 ignores Content-Length", "HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\n\r\n",
           304, N, 0, true);
        ok("HEAD response ignores Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n",
           200, N, 0, true, HttpMethod::Head);
        ok("100 Continue", "HTTP/1.1 100 Continue\r\n\r\n", 100, N, 0, true);
        ok("101 Switching Protocols",
           "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", 101, N, 0, false);
        ok("CONNECT 200 is a tunnel", "HTTP/1.1 200 Connection established\r\n\r\n", 200, N, 0,
           false, HttpMethod::Connect);
        ok("HTTP/1.0 closes", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n", 200, Cl, 2, false);
        ok("HTTP/1.0 keep-alive",
           "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n", 200, Cl, 2,
           true);
        ok("Connection close", "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n",
           200, Cl, 2, false);
        ok("no reason, no space", "HTTP/1.1 200\r\nContent-Length: 1\r\n\r\n", 200, Cl, 1, true);
        ok("empty reason", "HTTP/1.1 404 \r\nContent-Length: 1\r\n\r\n", 404, Cl, 1, true);
        ok("reason with obs-text",
           "HTTP/1.1 200 \xc3\x9c"
           "berall gut\r\nContent-Length: 1\r\n\r\n",
           200, Cl, 1, true);
        ok("bare LF accepted", "HTTP/1.1 200 OK\nContent-Length: 1\n\n", 200, Cl, 1, true);
        ok("599", "HTTP/1.1 599 Whatever\r\nContent-Length: 1\r\n\r\n", 599, Cl, 1, true);

        more("empty", "");
        more("partial status line", "HTTP/1.1 20");
        more("no empty line", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n");

        bad("CL and TE",
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n");
        bad("two Content-Length",
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n");
        bad("Content-Length list", "HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\n");
        bad("invalid Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 5x\r\n\r\n");
        bad("Content-Length overflow",
            "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n");
        bad("gzip transfer coding", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n");
        bad("chunked not final", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n");
        bad("HTTP/1.0 with TE", "HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        bad("two-digit status", "HTTP/1.1 20 OK\r\n\r\n");
        bad("four-digit status", "HTTP/1.1 2000 OK\r\n\r\n");
        bad("status 099", "HTTP/1.1 099 Low\r\n\r\n");
        bad("status 600", "HTTP/1.1 600 High\r\n\r\n");
        bad("no space after status", "HTTP/1.1 200OK\r\n\r\n");
        bad("HTTP/2.0", "HTTP/2.0 200 OK\r\n\r\n");
        bad("lower-case version", "http/1.1 200 OK\r\n\r\n");
        bad("garbage", "hello world\r\n\r\n");
        bad("HTML instead of HTTP", "<html>");
        bad("bare CR in status line", "HTTP/1.1 200 OK\rX: y\r\n\r\n");
        bad("control byte in reason", "HTTP/1.1 200 O\x01K\r\n\r\n");
        bad("obs-fold", "HTTP/1.1 200 OK\r\nX: a\r\n b\r\n\r\n");
        bad("space before colon", "HTTP/1.1 200 OK\r\nX : a\r\n\r\n");
        bad("NUL in value", QByteArray("HTTP/1.1 200 OK\r\nX: \0\r\n\r\n", 25));
        bad("head too large", "HTTP/1.1 200 OK\r\nX: " + QByteArray(9000, 'v') + "\r\n\r\n");
        bad("body over limit", "HTTP/1.1 200 OK\r\nContent-Length: 1048577\r\n\r\n");
    }

    void responses()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, method);
        QFETCH(int, status);
        QFETCH(int, httpStatus);
        QFETCH(qint64, consumed);
        const auto requestMethod = HttpMethod(method);

        ResponseHead head;
        const ParseResult r = parseResponseHead(raw, head, requestMethod);
        QCOMPARE(int(r.status), status);
        QCOMPARE(r.httpStatus, httpStatus);
        QCOMPARE(r.consumed, consumed);
        if (status == Complete) {
            QFETCH(int, code);
            QFETCH(int, framing);
            QFETCH(qint64, contentLength);
            QFETCH(bool, keepAlive);
            QCOMPARE(head.status, code);
            QCOMPARE(int(head.framing), framing);
            QCOMPARE(head.contentLength, contentLength);
            QCOMPARE(head.keepAlive, keepAlive);
        }
        const QByteArray expected = describe(r, head);
        for (qsizetype k = 1; k < raw.size(); ++k) {
            ResponseParser parser;
            ResponseHead h;
            const QByteArray prefix = raw.left(k); // the views point into it
            const ParseResult p = parser.parse(prefix, h, requestMethod);
            if (!p.isIncomplete()) {
                QCOMPARE(describe(p, h), expected);
                continue;
            }
            QCOMPARE(describe(parser.parse(raw, h, requestMethod), h), expected);
        }
        ResponseParser parser;
        ResponseHead h;
        for (qsizetype k = 1; k <= raw.size(); ++k) {
            const QByteArray grown = raw.left(k);
            const ParseResult p = parser.parse(grown, h, requestMethod);
            if (!p.isIncomplete()) {
                QCOMPARE(p.status, r.status);
                QCOMPARE(p.consumed, r.consumed);
                QCOMPARE(p.httpStatus, r.httpStatus);
                break;
            }
        }
    }

    void informationalThenFinal()
    {
        const QByteArray raw
            = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        ResponseParser parser;
        ResponseHead head;
        ParseResult r = parser.parse(raw, head);
        QVERIFY(r.isComplete());
        QVERIFY(head.isInformational());
        const QByteArray rest = raw.mid(r.consumed);
        parser.reset();
        r = parser.parse(rest, head);
        QVERIFY(r.isComplete());
        QCOMPARE(head.status, 200);
        QCOMPARE(head.reason.toByteArray(), QByteArray("OK"));
        QCOMPARE(rest.mid(r.consumed), QByteArray("ok"));
        QCOMPARE(head.field("content-length").toByteArray(), QByteArray("2"));
    }
};

QTEST_GUILESS_MAIN(TestResponseParser)
#include "tst_responseparser.moc"
