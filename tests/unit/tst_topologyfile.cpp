#include "catalogue/componentcatalogue.h"
#include "format/topologyreader.h"
#include "format/topologywriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace infralab;

namespace {

QByteArray readAll(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeAll(const QString &fileName, const QByteArray &bytes)
{
    QFile file(fileName);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QStringList problemLines(const Problems &problems)
{
    QStringList lines;
    for (const Problem &p : problems)
        lines.append(p.toString());
    return lines;
}

// Drops root's file permission bypass for a scope, so a read-only folder is read-only.
class RunAsNobody
{
public:
    RunAsNobody()
        : m_active(geteuid() == 0)
    {
        if (m_active && seteuid(65534) != 0)
            m_active = false;
    }
    ~RunAsNobody()
    {
        if (m_active && seteuid(0) != 0)
            qFatal("cannot get root back");
    }
    Q_DISABLE_COPY_MOVE(RunAsNobody)

private:
    bool m_active;
};

} // namespace

// Reading and writing `*.infralab.json`: canonical byte-for-byte round trips, value round
// trips of any valid input, unknown keys kept, stable key order, atomic save.
class TestTopologyFile : public QObject
{
    Q_OBJECT

private slots:
    void canonicalRoundTrip_data();
    void canonicalRoundTrip();
    void valueRoundTrip_data();
    void valueRoundTrip();
    void modelRoundTrip();
    void configKeysInCatalogueOrder();
    void unknownKeysKept();
    void reservedNamesInExtraNotDuplicated();
    void relativePathsKeptAsWritten();
    void saveAndReadFile();
    void saveIntoReadOnlyFolderKeepsOldFile();
    void saveIntoMissingFolderFails();
    void examples_data();
    void examples();
};

void TestTopologyFile::canonicalRoundTrip_data()
{
    QTest::addColumn<QByteArray>("canonical");

    QTest::newRow("empty topology") << QByteArray(R"({
  "format": "infralab-topology",
  "version": 1,
  "nodes": [],
  "links": []
}
)");
    QTest::newRow("design example") << QByteArray(R"({
  "format": "infralab-topology",
  "version": 1,
  "name": "Three-tier web",
  "description": "optional",
  "nodes": [
    {
      "id": "lb",
      "kind": "load-balancer",
      "name": "Edge LB",
      "position": {
        "x": 0,
        "y": 0
      },
      "config": {
        "port": 8080,
        "algorithm": "round-robin"
      }
    },
    {
      "id": "web-1",
      "kind": "web-server",
      "config": {
        "root": "site"
      }
    }
  ],
  "links": [
    {
      "from": "lb",
      "to": "web-1",
      "config": {
        "weight": 2
      }
    }
  ]
}
)");
    QTest::newRow("strings, escapes and numbers") << QByteArray(R"({
  "format": "infralab-topology",
  "version": 1,
  "name": "Café \"quoted\" \\ back\tslash 日本 😀",
  "description": "line one\nline two \u0001 \u2028 </script>",
  "nodes": [
    {
      "id": "web-1",
      "kind": "web-server",
      "description": "a/b",
      "position": {
        "x": -120.5,
        "y": 0.1
      },
      "config": {
        "port": 65535,
        "forward_prefixes": [
          "/api/",
          "/ws/"
        ],
        "huge": 1e+300,
        "tiny": 1e-07,
        "zero": 0
      }
    }
  ],
  "links": []
}
)");
    QTest::newRow("requests, link config order, unknown keys everywhere") << QByteArray(R"({
  "format": "infralab-topology",
  "version": 1,
  "nodes": [
    {
      "id": "load-1",
      "kind": "traffic-generator",
      "config": {
        "mode": "open",
        "requests": [
          {
            "method": "POST",
            "path": "/api/items/{n}",
            "weight": 1,
            "body": "{\"a\": 1}",
            "headers": {
              "a": 1,
              "b": 2
            }
          },
          {
            "method": "GET",
            "path": "/",
            "weight": 0
          }
        ],
        "a-unknown": null
      },
      "colour": "red"
    },
    {
      "id": "lb",
      "kind": "load-balancer"
    },
    {
      "id": "web-1",
      "kind": "web-server",
      "x-notes": {
        "deep": [
          [
            []
          ],
          {}
        ]
      }
    }
  ],
  "links": [
    {
      "from": "load-1",
      "to": "lb"
    },
    {
      "from": "lb",
      "to": "web-1",
      "config": {
        "weight": 3,
        "backup": true,
        "max_connections": 10,
        "label": "primary"
      },
      "style": "dashed"
    }
  ],
  "x-editor": {
    "zoom": 1.5
  },
  "y": true
}
)");
}

void TestTopologyFile::canonicalRoundTrip()
{
    QFETCH(QByteArray, canonical);
    // Unknown keys are only warnings: the file reads fine.
    const ReadResult read = TopologyReader::parse(canonical);
    QVERIFY2(read.ok(), qPrintable(problemLines(read.problems).join('\n')));
    QCOMPARE(TopologyWriter::serialize(read.topology), canonical);
}

void TestTopologyFile::valueRoundTrip_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("compact, any key order") << QByteArray(
        R"({"links":[{"config":{"weight":2},"to":"web-1","from":"lb"}],"nodes":[)"
        R"({"config":{"algorithm":"first","port":8080},"kind":"load-balancer","id":"lb"},)"
        R"({"kind":"web-server","id":"web-1","position":{"y":2,"x":1e2}}],)"
        R"("version":1,"format":"infralab-topology","name":"n"})");
    QTest::newRow("utf-8 bom and crlf")
        << QByteArray("\xEF\xBB\xBF{\r\n\"format\": \"infralab-topology\",\r\n\"version\": 1,\r\n"
                      "\"nodes\": [{\"id\": \"a\", \"kind\": \"cache\"}]\r\n}\r\n");
    QTest::newRow("empty name, description and config dropped") << QByteArray(
        R"({"format": "infralab-topology", "version": 1.0, "name": "", "description": "",
                         "nodes": [{"id": "a", "kind": "cache", "name": "", "config": {}}],
                         "links": []})");
    QTest::newRow("escapes in input") << QByteArray(
        R"({"format": "infralab-topology", "version": 1, "name": "\u00e9\/\ud83d\ude00",
                         "nodes": []})");
}

void TestTopologyFile::valueRoundTrip()
{
    QFETCH(QByteArray, json);
    const ReadResult first = TopologyReader::parse(json);
    QVERIFY2(first.ok(), qPrintable(problemLines(first.problems).join('\n')));
    const QByteArray canonical = TopologyWriter::serialize(first.topology);
    const ReadResult second = TopologyReader::parse(canonical);
    QVERIFY(second.ok());
    QCOMPARE(second.topology, first.topology);
    QCOMPARE(TopologyWriter::serialize(second.topology), canonical);
}

void TestTopologyFile::modelRoundTrip()
{
    Topology t;
    t.name = QStringLiteral("Lab ✓ \"one\"");
    t.description = "two\nlines";
    Node gen{"load-1", "traffic-generator", "Load", "sends load", QPointF(-3.25, 1e6)};
    gen.config.insert("connections", 50);
    gen.config.insert("requests",
                      QJsonArray{QJsonObject{{"weight", 2}, {"path", "/a"}, {"method", "GET"}}});
    Node lb{"lb", "load-balancer"};
    lb.config.insert("algorithm", "ip-hash");
    lb.extra.insert("x-group", QJsonArray{1, "two", false});
    Node web{"web-1", "web-server", {}, {}, QPointF(0.1, 0.2)};
    web.config.insert("root", "../site");
    t.nodes = {gen, lb, web};
    Link l1{"load-1", "lb"};
    Link l2{"lb", "web-1"};
    l2.config.insert("max_connections", 5);
    l2.extra.insert("note", "main path");
    t.links = {l1, l2};
    t.extra.insert("x-view", QJsonObject{{"zoom", 0.75}});

    const QByteArray bytes = TopologyWriter::serialize(t);
    QVERIFY(bytes.endsWith("}\n"));
    const ReadResult read = TopologyReader::parse(bytes);
    QVERIFY2(read.ok(), qPrintable(problemLines(read.problems).join('\n')));
    QCOMPARE(read.topology, t);
    QCOMPARE(TopologyWriter::serialize(read.topology), bytes);
    // Request members in their documented order, whatever order the model holds them in.
    QVERIFY(bytes.contains("\"method\": \"GET\",\n            \"path\": \"/a\",\n"
                           "            \"weight\": 2\n"));
}

void TestTopologyFile::configKeysInCatalogueOrder()
{
    const KindInfo *info = ComponentCatalogue::instance().find(u"load-balancer");
    QVERIFY(info && info->config.size() >= 3);
    Node lb{"lb", "load-balancer"};
    // Every catalogue key plus unknown ones; QJsonObject itself keeps them sorted.
    for (const ConfigKey &key : info->config)
        lb.config.insert(key.key, key.defaultValue);
    lb.config.insert("zz-unknown", 1);
    lb.config.insert("aa-unknown", 2);
    Topology t;
    t.nodes = {lb};
    const QByteArray bytes = TopologyWriter::serialize(t);

    QStringList expectedOrder;
    for (const ConfigKey &key : info->config)
        expectedOrder.append(key.key);
    expectedOrder << "aa-unknown"
                  << "zz-unknown";
    qsizetype last = -1;
    for (const QString &key : expectedOrder) {
        const qsizetype at = bytes.indexOf("\n        \"" + key.toUtf8() + "\": ");
        QVERIFY2(at > last, qPrintable(key));
        last = at;
    }
    // Serialising twice gives the same bytes: the order does not depend on insertion order.
    Topology reversed = t;
    QJsonObject config;
    for (qsizetype i = expectedOrder.size() - 1; i >= 0; --i)
        config.insert(expectedOrder.at(i), t.nodes.first().config.value(expectedOrder.at(i)));
    reversed.nodes.first().config = config;
    QCOMPARE(TopologyWriter::serialize(reversed), bytes);
}

void TestTopologyFile::unknownKeysKept()
{
    const QByteArray json = R"({"format": "infralab-topology", "version": 1, "future": [1, 2],
        "nodes": [{"id": "app", "kind": "app-server", "shape": "round",
                   "config": {"latency_model": "pareto"}},
                  {"id": "db", "kind": "database"}],
        "links": [{"from": "app", "to": "db", "config": {"pool": 4}, "colour": "blue"}]})";
    const ReadResult read = TopologyReader::parse(json);
    QVERIFY(read.ok());
    QCOMPARE(problemLines(validateFile(read)),
             (QStringList{"nodes[0].config.latency_model: unknown key \"latency_model\" (kept)",
                          "nodes[0].shape: unknown key \"shape\" (kept)",
                          "links[0].config.pool: unknown key \"pool\" (kept)",
                          "links[0].colour: unknown key \"colour\" (kept)",
                          "future: unknown key \"future\" (kept)"}));
    QCOMPARE(read.topology.extra.value("future"), QJsonValue(QJsonArray{1, 2}));
    QCOMPARE(read.topology.nodes.at(0).extra.value("shape"), QJsonValue("round"));
    QCOMPARE(read.topology.nodes.at(0).config.value("latency_model"), QJsonValue("pareto"));
    QCOMPARE(read.topology.links.at(0).extra.value("colour"), QJsonValue("blue"));

    const QByteArray saved = TopologyWriter::serialize(read.topology);
    for (const char *kept : {"\"future\"", "\"shape\": \"round\"", "\"latency_model\": \"pareto\"",
                             "\"pool\": 4", "\"colour\": \"blue\""})
        QVERIFY2(saved.contains(kept), kept);
    QCOMPARE(TopologyReader::parse(saved).topology, read.topology);
}

void TestTopologyFile::reservedNamesInExtraNotDuplicated()
{
    // Code may put anything into `extra`; a member named like a format key is not written twice.
    Topology t;
    t.extra.insert("version", 7);
    Node n{"a", "cache"};
    n.extra.insert("id", "other");
    t.nodes = {n};
    const QByteArray bytes = TopologyWriter::serialize(t);
    QCOMPARE(bytes.count("\"version\""), 1);
    QCOMPARE(bytes.count("\"id\""), 1);
    QVERIFY(TopologyReader::parse(bytes).ok());
}

void TestTopologyFile::relativePathsKeptAsWritten()
{
    const QByteArray json = R"({"format": "infralab-topology", "version": 1, "nodes": [
        {"id": "a", "kind": "web-server", "config": {"root": "site"}},
        {"id": "b", "kind": "web-server", "config": {"root": "../shared/./site/"}},
        {"id": "c", "kind": "web-server", "config": {"root": "/srv/www"}}]})";
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath("lab.infralab.json");
    QVERIFY(writeAll(fileName, json));
    const ReadResult read = TopologyReader::readFile(fileName);
    QVERIFY(read.ok());
    QCOMPARE(read.topology.nodes.at(0).config.value("root").toString(), QString("site"));
    QCOMPARE(read.topology.nodes.at(1).config.value("root").toString(),
             QString("../shared/./site/"));
    QCOMPARE(read.topology.nodes.at(2).config.value("root").toString(), QString("/srv/www"));

    const QString elsewhere = dir.filePath("sub/copy.infralab.json");
    QVERIFY(QDir(dir.path()).mkdir("sub"));
    QString error;
    QVERIFY(TopologyWriter::writeFile(read.topology, elsewhere, &error));
    const QByteArray saved = readAll(elsewhere);
    QVERIFY(saved.contains("\"root\": \"site\""));
    QVERIFY(saved.contains("\"root\": \"../shared/./site/\""));
}

void TestTopologyFile::saveAndReadFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath("lab.infralab.json");
    Topology t;
    t.name = "first";
    t.nodes = {Node{"web-1", "web-server"}};
    QString error;
    QVERIFY(TopologyWriter::writeFile(t, fileName, &error));
    QVERIFY(error.isEmpty());
    QCOMPARE(readAll(fileName), TopologyWriter::serialize(t));

    t.name = "second";
    QVERIFY(TopologyWriter::writeFile(t, fileName, nullptr));
    const ReadResult read = TopologyReader::readFile(fileName);
    QVERIFY(read.ok());
    QCOMPARE(read.topology, t);
    // Nothing but the file itself is left in the folder (no temporary files).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{"lab.infralab.json"});
}

void TestTopologyFile::saveIntoReadOnlyFolderKeepsOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath("readonly");
    QVERIFY(QDir(dir.path()).mkdir("readonly"));
    const QString fileName = folder + "/lab.infralab.json";
    const QByteArray old = "{\"old\": true}\n";
    QVERIFY(writeAll(fileName, old));
    const auto everyoneReads = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther
                               | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    QVERIFY(QFile::setPermissions(dir.path(), everyoneReads | QFile::WriteOwner));
    QVERIFY(QFile::setPermissions(folder, everyoneReads));

    Topology t;
    t.nodes = {Node{"web-1", "web-server"}};
    QString error;
    bool saved = true;
    {
        const RunAsNobody nobody;
        saved = TopologyWriter::writeFile(t, fileName, &error);
    }
    QFile::setPermissions(folder, everyoneReads | QFile::WriteOwner);
    QVERIFY(!saved);
    QVERIFY2(error.startsWith("cannot save " + fileName + ": "), qPrintable(error));
    QVERIFY2(error.size() > QString("cannot save " + fileName + ": ").size(), qPrintable(error));
    QCOMPARE(readAll(fileName), old);
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{"lab.infralab.json"});
}

void TestTopologyFile::saveIntoMissingFolderFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath("missing/lab.infralab.json");
    QString error;
    QVERIFY(!TopologyWriter::writeFile(Topology(), fileName, &error));
    QVERIFY2(error.startsWith("cannot save " + fileName + ": "), qPrintable(error));
    QVERIFY(!QFile::exists(fileName));
}

void TestTopologyFile::examples_data()
{
    QTest::addColumn<QString>("fileName");
    const QDir examples(QStringLiteral(INFRALAB_SOURCE_DIR "/resources/examples"));
    const QStringList files = examples.entryList({"*.infralab.json"}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        QSKIP("no example topologies yet");
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << examples.filePath(file);
}

void TestTopologyFile::examples()
{
    QFETCH(QString, fileName);
    const ReadResult read = TopologyReader::readFile(fileName);
    QCOMPARE(problemLines(validateFile(read)), QStringList());
    QVERIFY(!read.topology.nodes.isEmpty());
    // Examples are stored in canonical form, so saving one changes nothing.
    QCOMPARE(TopologyWriter::serialize(read.topology), readAll(fileName));
}

QTEST_GUILESS_MAIN(TestTopologyFile)
#include "tst_topologyfile.moc"
