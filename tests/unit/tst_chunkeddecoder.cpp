#include "http/chunkeddecoder.h"

#include <QTest>

using namespace infralab::http;

// The chunked decoder (RFC 9112 §7.1): valid bodies, extensions, trailers and every
// malformed case of robustness.md H14–H19 and H30, each also fed split at every boundary.
namespace {

enum Status { Complete, Incomplete, Error };

struct Outcome
{
    ParseStatus status = ParseStatus::Incomplete;
    int httpStatus = 0;
    qsizetype consumed = 0; // total over all feeds
    QByteArray body;
    QByteArray trailers;
    QByteArray reason;

    QByteArray describe() const
    {
        return QByteArray::number(int(status)) + ' ' + QByteArray::number(httpStatus) + ' '
               + QByteArray::number(consumed) + ' ' + reason + " [" + body + "] " + trailers;
    }
};

QByteArray trailerText(const ChunkedDecoder &decoder)
{
    QByteArray out;
    for (const auto &[name, value] : decoder.trailers())
        out += name + '=' + value + '|';
    return out;
}

// Feeds `input` in pieces ending at the given cut points, dropping consumed bytes between
// feeds as a connection does.
Outcome decodePieces(const QByteArray &input, const QList<qsizetype> &cuts,
                     const HttpLimits &limits = {})
{
    ChunkedDecoder decoder(limits);
    Outcome o;
    qsizetype offset = 0; // first byte not consumed yet
    for (qsizetype cut : cuts) {
        const ParseResult r
            = decoder.feed(QByteArrayView(input).sliced(offset, cut - offset), o.body);
        o.status = r.status;
        if (r.isError()) {
            o.httpStatus = r.httpStatus;
            o.reason = r.reason;
            o.consumed = 0;
            return o;
        }
        offset += r.consumed;
        if (r.isComplete())
            break;
    }
    o.consumed = o.status == ParseStatus::Complete ? offset : 0;
    o.trailers = trailerText(decoder);
    return o;
}

} // namespace

class TestChunkedDecoder : public QObject
{
    Q_OBJECT

private:
    static void row(const char *name, const QByteArray &input, Status status, int httpStatus,
                    const QByteArray &body = {}, const QByteArray &trailers = {},
                    qint64 consumed = -1)
    {
        if (consumed < 0)
            consumed = status == Complete ? input.size() : 0;
        QTest::newRow(name) << input << int(status) << httpStatus << consumed << body << trailers;
    }

private slots:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<qint64>("consumed");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("trailers");

        // valid
        row("one chunk", "5\r\nhello\r\n0\r\n\r\n", Complete, 0, "hello");
        row("empty body", "0\r\n\r\n", Complete, 0);
        row("two chunks", "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", Complete, 0, "hello world");
        row("hex sizes", "A\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\n\r\n", Complete, 0,
            "0123456789abcdefghij");
        row("leading zeros", "005\r\nhello\r\n000\r\n\r\n", Complete, 0, "hello");
        row("binary data", QByteArray("3\r\n\0\r\n\r\n0\r\n\r\n", 13), Complete, 0,
            QByteArray("\0\r\n", 3));
        row("extension (H17)", "5;a=b\r\nhello\r\n0\r\n\r\n", Complete, 0, "hello");
        row("extension without value", "5;a\r\nhello\r\n0\r\n\r\n", Complete, 0, "hello");
        row("extensions with BWS", "5 ; a = b ;c\r\nhello\r\n0\r\n\r\n", Complete, 0, "hello");
        row("quoted extension", "5;a=\"x y \\\" z\"\r\nhello\r\n0\r\n\r\n", Complete, 0, "hello");
        row("extension on last chunk", "0;done=1\r\n\r\n", Complete, 0);
        row("trailers (H19)", "5\r\nhello\r\n0\r\nX-Sum: 42\r\nContent-Length: 9\r\n\r\n", Complete,
            0, "hello", "X-Sum=42|Content-Length=9|");
        row("pipelined bytes after", "5\r\nhello\r\n0\r\n\r\nGET / HTTP/1.1\r\n", Complete, 0,
            "hello", {}, 15);
        // incomplete
        row("nothing", "", Incomplete, 0);
        row("partial size line", "5", Incomplete, 0);
        row("partial data", "5\r\nhel", Incomplete, 0, "hel");
        row("no last chunk", "5\r\nhello\r\n", Incomplete, 0, "hello");
        row("no final CRLF", "5\r\nhello\r\n0\r\n", Incomplete, 0, "hello");
        row("partial trailer", "0\r\nX: y\r\n", Incomplete, 0);
        // malformed size lines (H14, H15)
        row("0x prefix (H15)", "0x5\r\nhello\r\n0\r\n\r\n", Error, 400);
        row("negative (H15)", "-5\r\nhello\r\n0\r\n\r\n", Error, 400);
        row("leading space (H15)", " 5\r\nhello\r\n0\r\n\r\n", Error, 400);
        row("underscore (H15)", "5_0\r\nhello\r\n0\r\n\r\n", Error, 400);
        row("trailing space", "5 \r\nhello\r\n0\r\n\r\n", Error, 400);
        row("empty size", "\r\nhello\r\n0\r\n\r\n", Error, 400);
        row("overflow (H14)", "FFFFFFFFFFFFFFFFF1\r\nhello\r\n0\r\n\r\n", Error, 400);
        row("huge but fits: too large", "7FFFFFFFFFFFFFFF\r\nhello\r\n", Error, 413);
        row("over body limit", "100001\r\n", Error, 413);
        row("bare LF after size (H30)", "5\nhello\r\n0\r\n\r\n", Error, 400);
        row("bare CR in extension (H18)", "5\r;a=b\r\nhello\r\n0\r\n\r\n", Error, 400);
        row("bare CR after extension (H18)", "5;a=b\rx\r\nhello\r\n0\r\n\r\n", Error, 400);
        row("empty extension name", "5;=b\r\nhello\r\n0\r\n\r\n", Error, 400);
        row("empty extension value", "5;a=\r\nhello\r\n0\r\n\r\n", Error, 400);
        row("unterminated quote", "5;a=\"b\r\nhello\r\n0\r\n\r\n", Error, 400);
        row("extension junk", "5;a=b c\r\nhello\r\n0\r\n\r\n", Error, 400);
        row("extension too long (H17)", "5;a=" + QByteArray(5000, 'x') + "\r\nhello\r\n0\r\n\r\n",
            Error, 400);
        row("extension too long, no LF yet (H17)", "5;a=" + QByteArray(5000, 'x'), Error, 400);
        // malformed data framing (H16, H30)
        row("data longer than size (H16)", "5\r\nhelloX\r\n0\r\n\r\n", Error, 400, "hello");
        row("missing CRLF after data (H16)", "5\r\nhello0\r\n\r\n", Error, 400, "hello");
        row("bare LF after data (H30)", "5\r\nhello\n0\r\n\r\n", Error, 400, "hello");
        row("CR without LF after data", "5\r\nhello\rX0\r\n\r\n", Error, 400, "hello");
        row("bare LF after last chunk (H30)", "0\n\r\n", Error, 400);
        // trailers (H19)
        row("trailer bare LF (H30)", "0\r\nX: y\n\r\n", Error, 400);
        row("trailer final bare LF (H30)", "0\r\nX: y\r\n\n", Error, 400);
        row("trailer obs-fold", "0\r\nX: y\r\n z\r\n\r\n", Error, 400);
        row("trailer whitespace line", "0\r\n X: y\r\n\r\n", Error, 400);
        row("trailer space before colon", "0\r\nX : y\r\n\r\n", Error, 400);
        row("trailer without colon", "0\r\nXy\r\n\r\n", Error, 400);
        row("trailer NUL", QByteArray("0\r\nX: \0\r\n\r\n", 11), Error, 400);
        row("trailer section too large", "0\r\nX: " + QByteArray(8200, 'v') + "\r\n\r\n", Error,
            431);
        row("trailers too large in total",
            "0\r\nA: " + QByteArray(5000, 'v') + "\r\nB: " + QByteArray(5000, 'v') + "\r\n\r\n",
            Error, 431);
    }

    void decode()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        QFETCH(int, httpStatus);
        QFETCH(qint64, consumed);
        QFETCH(QByteArray, trailers);

        const Outcome whole = decodePieces(input, {input.size()});
        QCOMPARE(int(whole.status), status);
        QCOMPARE(whole.httpStatus, httpStatus);
        QCOMPARE(whole.consumed, consumed);
        if (status != Error) {
            QFETCH(QByteArray, body);
            QCOMPARE(whole.body, body);
            QCOMPARE(whole.trailers, trailers);
        }
        const QByteArray expected = whole.describe();

        // Two pieces, cut at every boundary.
        for (qsizetype k = 0; k < input.size(); ++k) {
            const Outcome split = decodePieces(input, {k, input.size()});
            QVERIFY2(split.describe() == expected,
                     qPrintable(QString::number(k) + ": " + QString::fromLatin1(split.describe())));
        }
        // Byte by byte.
        QList<qsizetype> cuts;
        for (qsizetype k = 1; k <= input.size(); ++k)
            cuts.append(k);
        if (!cuts.isEmpty())
            QCOMPARE(decodePieces(input, cuts).describe(), expected);
    }

    void decodedSizeAndReset()
    {
        ChunkedDecoder decoder;
        QByteArray body;
        QVERIFY(decoder.feed("3\r\nabc\r\n0\r\n\r\n", body).isComplete());
        QVERIFY(decoder.isComplete());
        QCOMPARE(decoder.decodedSize(), 3);
        decoder.reset();
        body.clear();
        QVERIFY(decoder.feed("2\r\nxy\r\n", body).isIncomplete());
        QCOMPARE(decoder.decodedSize(), 2);
        QCOMPARE(body, QByteArray("xy"));
    }

    void bodyLimitCountsAllChunks()
    {
        HttpLimits limits;
        limits.maxBody = 8;
        ChunkedDecoder decoder(limits);
        QByteArray body;
        const ParseResult r = decoder.feed("5\r\nhello\r\n4\r\nabcd\r\n0\r\n\r\n", body);
        QCOMPARE(r.httpStatus, 413);
        QCOMPARE(body, QByteArray("hello"));
        ChunkedDecoder exact(limits);
        body.clear();
        QVERIFY(exact.feed("5\r\nhello\r\n3\r\nabc\r\n0\r\n\r\n", body).isComplete());
    }
};

QTEST_GUILESS_MAIN(TestChunkedDecoder)
#include "tst_chunkeddecoder.moc"
