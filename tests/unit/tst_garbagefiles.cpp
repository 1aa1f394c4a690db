#include "format/topologyreader.h"
#include "format/topologywriter.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace infralab;

namespace {

const QByteArray example = R"({
  "format": "infralab-topology",
  "version": 1,
  "name": "Three-tier web",
  "nodes": [
    {
      "id": "lb",
      "kind": "load-balancer",
      "config": {
        "port": 8080
      }
    },
    {
      "id": "web-1",
      "kind": "web-server"
    }
  ],
  "links": [
    {
      "from": "lb",
      "to": "web-1"
    }
  ]
}
)";

QStringList problemLines(const Problems &problems)
{
    QStringList lines;
    for (const Problem &p : problems)
        lines.append(p.toString());
    return lines;
}

QByteArray utf16(const QByteArray &utf8, bool littleEndian, bool bom)
{
    const QString text = QString::fromUtf8(utf8);
    QByteArray out;
    if (bom)
        out += littleEndian ? "\xFF\xFE" : "\xFE\xFF";
    for (const QChar c : text) {
        const char hi = char(c.unicode() >> 8), lo = char(c.unicode() & 0xff);
        const char pair[2] = {littleEndian ? lo : hi, littleEndian ? hi : lo};
        out.append(pair, 2);
    }
    return out;
}

QByteArray utf32(const QByteArray &utf8, bool littleEndian)
{
    QByteArray out
        = littleEndian ? QByteArray("\xFF\xFE\x00\x00", 4) : QByteArray("\x00\x00\xFE\xFF", 4);
    for (const char c : utf8) {
        const char le[4] = {c, 0, 0, 0}, be[4] = {0, 0, 0, c};
        out.append(littleEndian ? le : be, 4);
    }
    return out;
}

QByteArray withName(const QByteArray &nameBytes)
{
    return R"({"format": "infralab-topology", "version": 1, "name": ")" + nameBytes
           + R"(", "nodes": []})";
}

} // namespace

// Garbage in, a clear message out, never a crash: empty, truncated, binary, wrongly encoded,
// deeply nested, huge, unreadable and missing files.
class TestGarbageFiles : public QObject
{
    Q_OBJECT

private slots:
    void garbage_data();
    void garbage();
    void everyTruncationIsAnError();
    void randomBytes();
    void veryDeepNesting_data();
    void veryDeepNesting();
    void nestingInsideConfig();
    void hugeFileRefused();
    void hugeBytesRefused();
    void largestAllowedFileReads();
    void missingFile();
    void folderInsteadOfFile();
    void unreadableFile();
};

void TestGarbageFiles::garbage_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");

    const QString cutShort = "the file ends in the middle of the JSON (is it cut short?)";
    const QString utf8Tail = "; topology files must be UTF-8, not Latin-1 or another legacy "
                             "encoding";

    QTest::newRow("empty") << QByteArray() << "file is empty";
    QTest::newRow("only white space") << QByteArray(" \r\n\t\n") << "file is empty";
    QTest::newRow("only a UTF-8 BOM") << QByteArray("\xEF\xBB\xBF") << "file is empty";

    QTest::newRow("cut inside the nodes array")
        << example.left(example.indexOf("\"web-1\"")) << "line 14, column 12: " + cutShort;
    QTest::newRow("cut inside a string")
        << QByteArray(R"({"format": "infralab-top)") << "line 1, column 25: " + cutShort;
    QTest::newRow("cut after a number")
        << QByteArray("{\"format\": \"infralab-topology\", \"version\": 1")
        << "line 1, column 45: " + cutShort;
    QTest::newRow("cut after a key")
        << QByteArray("{\n  \"format\"") << "line 2, column 11: " + cutShort;
    QTest::newRow("missing comma")
        << QByteArray("{\n  \"format\": \"infralab-topology\"\n  \"version\": 1\n}")
        << "line 3, column 3: an object is not closed (expected \",\" or \"}\")";
    QTest::newRow("single quotes")
        << QByteArray("{\n  'format': 1}")
        << "line 2, column 3: an object is not closed (expected \",\" or \"}\")";
    QTest::newRow("trailing comma")
        << QByteArray("{\"nodes\": [1, 2,]}") << "line 1, column 17: expected a value after \",\"";
    QTest::newRow("comment")
        << QByteArray("{\n  // comment\n  \"format\": 1\n}")
        << "line 2, column 3: an object is not closed (expected \",\" or \"}\")";
    QTest::newRow("NaN") << QByteArray("{\"version\": NaN}")
                         << "line 1, column 13: not a JSON value (strings need double quotes; "
                            "true, false and null are lower case)";
    QTest::newRow("capital True")
        << QByteArray("{\"a\": True}")
        << "line 1, column 7: not a JSON value (strings need double quotes; true, false and null "
           "are lower case)";
    QTest::newRow("number too large")
        << QByteArray("{\"version\": 1e999}") << "line 1, column 18: invalid or too large number";
    QTest::newRow("two objects") << QByteArray("{}\n{}")
                                 << "line 2, column 1: unexpected text after the end of the "
                                    "top-level object";
    QTest::newRow("column counts characters, not bytes")
        << QByteArray("{\"name\": \"日本語\" x}")
        << "line 1, column 16: an object is not closed (expected \",\" or \"}\")";

    QTest::newRow("top-level array") << QByteArray("[{\"id\": \"a\"}]")
                                     << "expected a JSON object at the top level, got an array";
    QTest::newRow("top-level number")
        << QByteArray(" 42\n") << "expected a JSON object at the top level, got 42";
    QTest::newRow("top-level string")
        << QByteArray("\"lab\"") << "expected a JSON object at the top level, got \"lab\"";
    QTest::newRow("top-level null")
        << QByteArray("null") << "expected a JSON object at the top level, got null";
    QTest::newRow("plain text") << QByteArray("hello world\n")
                                << "line 1, column 1: not a JSON value (strings need double "
                                   "quotes; true, false and null are lower case)";

    QTest::newRow("UTF-16 LE with BOM")
        << utf16(example, true, true) << "file is UTF-16 encoded; topology files must be UTF-8";
    QTest::newRow("UTF-16 BE with BOM")
        << utf16(example, false, true) << "file is UTF-16 encoded; topology files must be UTF-8";
    QTest::newRow("UTF-16 LE without BOM")
        << utf16(example, true, false) << "file is UTF-16 encoded; topology files must be UTF-8";
    QTest::newRow("UTF-16 BE without BOM")
        << utf16(example, false, false) << "file is UTF-16 encoded; topology files must be UTF-8";
    QTest::newRow("UTF-32 LE with BOM")
        << utf32(example, true) << "file is UTF-32 encoded; topology files must be UTF-8";
    QTest::newRow("UTF-32 BE with BOM")
        << utf32(example, false) << "file is UTF-32 encoded; topology files must be UTF-8";
    QTest::newRow("Latin-1 text") << withName("Caf\xE9")
                                  << "line 1, column 59: invalid UTF-8 (byte 0xE9)" + utf8Tail;
    QTest::newRow("overlong slash")
        << withName("\xC0\xAF") << "line 1, column 56: invalid UTF-8 (byte 0xC0)" + utf8Tail;
    QTest::newRow("UTF-16 surrogate in UTF-8")
        << withName("\xED\xA0\x80") << "line 1, column 56: invalid UTF-8 (byte 0xED)" + utf8Tail;
    QTest::newRow("above U+10FFFF") << withName("\xF4\x90\x80\x80")
                                    << "line 1, column 56: invalid UTF-8 (byte 0xF4)" + utf8Tail;
    QTest::newRow("sequence cut at the end")
        << QByteArray("{\"name\": \"\xE2\x82")
        << "line 1, column 11: invalid UTF-8 (byte 0xE2)" + utf8Tail;
    QTest::newRow("lone continuation byte")
        << QByteArray("{\n\x80}") << "line 2, column 1: invalid UTF-8 (byte 0x80)" + utf8Tail;
    QTest::newRow("zero byte in a string")
        << withName(QByteArray("a\0b", 3))
        << "file holds binary data (zero bytes); topology files are UTF-8 JSON text";
    QTest::newRow("PNG image") << QByteArray(
        "\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR",
        16) << "file holds binary data (zero bytes); topology files are UTF-8 JSON text";
    QTest::newRow("gzip data") << QByteArray(
        "\x1F\x8B\x08\x00\x00\x00\x00\x00",
        8) << "file holds binary data (zero bytes); topology files are UTF-8 JSON text";
}

void TestGarbageFiles::garbage()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);

    const ReadResult read = TopologyReader::parse(bytes);
    QVERIFY(!read.ok());
    QCOMPARE(problemLines(read.problems), QStringList{message});
    QCOMPARE(read.problems.first().path, QString());

    // The same through a file on disk.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath("garbage.infralab.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    QCOMPARE(problemLines(TopologyReader::readFile(file.fileName()).problems),
             QStringList{message});
}

void TestGarbageFiles::everyTruncationIsAnError()
{
    QVERIFY(TopologyReader::parse(example).ok());
    const qsizetype end = example.trimmed().size();
    for (qsizetype length = 0; length < end; ++length) {
        const ReadResult read = TopologyReader::parse(example.left(length));
        QVERIFY2(!read.ok(), qPrintable(QString::number(length)));
        const QString message = read.problems.first().message;
        QVERIFY2(message == "file is empty" || message.endsWith("is it cut short?)"),
                 qPrintable(message));
    }
}

void TestGarbageFiles::randomBytes()
{
    QRandomGenerator random(20261122);
    for (int round = 0; round < 200; ++round) {
        QByteArray bytes(random.bounded(1, 4096), Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        const ReadResult read = TopologyReader::parse(bytes);
        QVERIFY(!read.ok());
        QVERIFY(!read.problems.first().message.isEmpty());
    }
    // JSON-looking noise: brackets, quotes and keys shuffled.
    const QList<QByteArray> pieces
        = {"{", "}",     "[",    "]", ",",  ":",          "\"nodes\"", "\"id\"",
           "1", "\"x\"", "null", " ", "\n", "\"config\"", "-",         "e"};
    for (int round = 0; round < 2000; ++round) {
        QByteArray bytes;
        for (int i = random.bounded(1, 60); i > 0; --i)
            bytes += pieces.at(random.bounded(int(pieces.size())));
        const ReadResult read = TopologyReader::parse(bytes);
        for (const Problem &p : read.problems)
            QVERIFY(!p.message.isEmpty());
        // Whatever reads without error writes back and reads again the same.
        if (read.ok())
            QCOMPARE(TopologyReader::parse(TopologyWriter::serialize(read.topology)).topology,
                     read.topology);
    }
}

void TestGarbageFiles::veryDeepNesting_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("2000 arrays") << QByteArray(2000, '[') + QByteArray(2000, ']')
                                 << "line 1, column 1025: the JSON is nested too deeply";
    QByteArray objects;
    for (int i = 0; i < 2000; ++i)
        objects += "{\"a\":";
    objects += "1" + QByteArray(2000, '}');
    QTest::newRow("2000 objects") << objects
                                  << "line 1, column 5121: the JSON is nested too deeply";
    QTest::newRow("2000 in a config")
        << "{\"format\": \"infralab-topology\", \"version\": 1, \"nodes\": [{\"id\": \"a\", "
           "\"kind\": \"cache\", \"config\": {\"port\": "
               + QByteArray(2000, '[') + QByteArray(2000, ']') + "}}]}"
        << "line 1, column 1125: the JSON is nested too deeply";
    QTest::newRow("a million open brackets")
        << QByteArray(1000000, '[') << "line 1, column 1025: the JSON is nested too deeply";
}

void TestGarbageFiles::veryDeepNesting()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QCOMPARE(problemLines(TopologyReader::parse(bytes).problems), QStringList{message});
}

void TestGarbageFiles::nestingInsideConfig()
{
    // 64 levels are valid JSON: a known key gets a type error, an unknown key is kept.
    const QByteArray deep = QByteArray(64, '[') + "1" + QByteArray(64, ']');
    const QByteArray json
        = "{\"format\": \"infralab-topology\", \"version\": 1, \"nodes\": [{\"id\": "
          "\"a\", \"kind\": \"cache\", \"config\": {\"port\": "
          + deep + ", \"extra\": " + deep + "}}]}";
    const ReadResult read = TopologyReader::parse(json);
    QVERIFY(read.ok()); // a wrong config value is the validator's finding, not the reader's
    QCOMPARE(problemLines(validateFile(read)),
             (QStringList{"nodes[0].config.port: expected an integer, got an array",
                          "nodes[0].config.extra: unknown key \"extra\" (kept)"}));
    const QByteArray saved = TopologyWriter::serialize(read.topology);
    QCOMPARE(TopologyReader::parse(saved).topology, read.topology);
}

void TestGarbageFiles::hugeFileRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath("huge.infralab.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(example));
    // A sparse 50 MiB file: quick to make, refused before any byte is read.
    QVERIFY(file.resize(50 * 1024 * 1024));
    file.close();
    QCOMPARE(problemLines(TopologyReader::readFile(file.fileName()).problems),
             QStringList{"file is 50.0 MB; topology files are limited to 16 MB"});
}

void TestGarbageFiles::hugeBytesRefused()
{
    const QByteArray bytes(TopologyReader::MaxFileSize + 1, ' ');
    QCOMPARE(problemLines(TopologyReader::parse(bytes).problems),
             QStringList{"file is 16.0 MB; topology files are limited to 16 MB"});
}

void TestGarbageFiles::largestAllowedFileReads()
{
    // Exactly the limit is fine: a long description fills the file up to 16 MiB.
    const QByteArray head = R"({"format": "infralab-topology", "version": 1, "description": ")";
    const QByteArray tail = "\", \"nodes\": []}";
    const QByteArray bytes
        = head + QByteArray(TopologyReader::MaxFileSize - head.size() - tail.size(), 'x') + tail;
    QCOMPARE(bytes.size(), TopologyReader::MaxFileSize);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath("big.infralab.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    const ReadResult read = TopologyReader::readFile(file.fileName());
    QVERIFY(read.ok());
    QCOMPARE(read.topology.description.size(), bytes.size() - head.size() - tail.size());
}

void TestGarbageFiles::missingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(problemLines(TopologyReader::readFile(dir.filePath("nope.infralab.json")).problems),
             QStringList{"cannot open the file: No such file or directory"});
}

void TestGarbageFiles::folderInsteadOfFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(problemLines(TopologyReader::readFile(dir.path()).problems),
             QStringList{"cannot read the file: it is a folder"});
}

void TestGarbageFiles::unreadableFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                  | QFile::ReadOther | QFile::ExeOther));
    QFile file(dir.filePath("secret.infralab.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(example));
    file.close();
    QVERIFY(file.setPermissions(QFile::WriteOwner));

    // Root reads anything; drop to nobody so the permission counts.
    const bool root = geteuid() == 0;
    if (root)
        QVERIFY(seteuid(65534) == 0);
    const ReadResult read = TopologyReader::readFile(file.fileName());
    if (root)
        QVERIFY(seteuid(0) == 0);
    QCOMPARE(problemLines(read.problems), QStringList{"cannot open the file: Permission denied"});
}

QTEST_GUILESS_MAIN(TestGarbageFiles)
#include "tst_garbagefiles.moc"
