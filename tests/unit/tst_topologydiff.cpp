#include "format/topologyreader.h"
#include "model/topologydiff.h"

#include <QJsonArray>
#include <QTest>

using namespace infralab;

namespace {

// A topology from the `nodes` and `links` arrays of a file (and optional top-level members).
Topology topology(const char *members)
{
    const QByteArray json = QByteArray(R"({ "format": "infralab-topology", "version": 1, )")
                            + members + QByteArray(" }");
    const ReadResult read = TopologyReader::parse(json);
    if (!read.ok())
        qFatal("bad test topology: %s", qPrintable(read.problems.constFirst().toString()));
    return read.topology;
}

QString partNames(NodeChanges changes)
{
    QStringList names;
    const std::pair<NodeChange, const char *> parts[] = {
        {NodeChange::Kind, "kind"},
        {NodeChange::Name, "name"},
        {NodeChange::Description, "description"},
        {NodeChange::Position, "position"},
        {NodeChange::Config, "config"},
        {NodeChange::Extra, "extra"},
    };
    for (const auto &[part, name] : parts) {
        if (changes.testFlag(part))
            names.append(QString::fromLatin1(name));
    }
    return names.join(QLatin1Char(','));
}

// The diff as lines, in its own order: `+node id`, `-node id`, `~node id parts [keys]`,
// `+link a>b`, `-link a>b`, `~link a>b [keys] extra`, `~metadata`.
QStringList lines(const TopologyDiff &diff)
{
    QStringList out;
    for (const QString &id : diff.addedNodes)
        out.append("+node " + id);
    for (const QString &id : diff.removedNodes)
        out.append("-node " + id);
    for (const ChangedNode &node : diff.changedNodes) {
        QString line = "~node " + node.id + " " + partNames(node.changes);
        if (!node.configKeys.isEmpty())
            line += " [" + node.configKeys.join(',') + "]";
        out.append(line);
    }
    for (const auto &[from, to] : diff.addedLinks)
        out.append("+link " + from + ">" + to);
    for (const auto &[from, to] : diff.removedLinks)
        out.append("-link " + from + ">" + to);
    for (const ChangedLink &link : diff.changedLinks) {
        QString line = "~link " + link.from + ">" + link.to;
        if (!link.configKeys.isEmpty())
            line += " [" + link.configKeys.join(',') + "]";
        if (link.extra)
            line += " extra";
        out.append(line);
    }
    if (diff.metadataChanged)
        out.append("~metadata");
    return out;
}

const char *base = R"(
  "name": "Base",
  "nodes": [
    { "id": "lb", "kind": "load-balancer", "name": "Edge", "position": { "x": 0, "y": 0 },
      "config": { "port": 8080, "algorithm": "round-robin" } },
    { "id": "web-1", "kind": "web-server", "position": { "x": 200, "y": 0 } },
    { "id": "web-2", "kind": "web-server" }
  ],
  "links": [ { "from": "lb", "to": "web-1", "config": { "weight": 2 } },
             { "from": "lb", "to": "web-2" } ])";

} // namespace

// TopologyDiff: what differs between two topologies, by node id and link (from, to), in file
// order; the live edit sync and Lab::apply both read it.
class TestTopologyDiff : public QObject
{
    Q_OBJECT

private slots:
    void diff_data()
    {
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("identical") << QByteArray(base) << QStringList();
        QTest::newRow("moved") << QByteArray(R"(
  "name": "Base",
  "nodes": [
    { "id": "lb", "kind": "load-balancer", "name": "Edge", "position": { "x": 24, "y": 48 },
      "config": { "port": 8080, "algorithm": "round-robin" } },
    { "id": "web-1", "kind": "web-server", "position": { "x": 200, "y": 0 } },
    { "id": "web-2", "kind": "web-server", "position": { "x": 200, "y": 96 } }
  ],
  "links": [ { "from": "lb", "to": "web-1", "config": { "weight": 2 } },
             { "from": "lb", "to": "web-2" } ])")
                               << QStringList{"~node lb position", "~node web-2 position"};
        QTest::newRow("renamed and described") << QByteArray(R"(
  "name": "Base",
  "nodes": [
    { "id": "lb", "kind": "load-balancer", "name": "Front", "description": "the door",
      "position": { "x": 0, "y": 0 }, "config": { "port": 8080, "algorithm": "round-robin" } },
    { "id": "web-1", "kind": "web-server", "position": { "x": 200, "y": 0 } },
    { "id": "web-2", "kind": "web-server" }
  ],
  "links": [ { "from": "lb", "to": "web-1", "config": { "weight": 2 } },
             { "from": "lb", "to": "web-2" } ])")
                                               << QStringList{"~node lb name,description"};
        QTest::newRow("config set, changed and unset")
            << QByteArray(R"(
  "name": "Base",
  "nodes": [
    { "id": "lb", "kind": "load-balancer", "name": "Edge", "position": { "x": 0, "y": 0 },
      "config": { "port": 8081, "rise": 3 } },
    { "id": "web-1", "kind": "web-server", "position": { "x": 200, "y": 0 } },
    { "id": "web-2", "kind": "web-server" }
  ],
  "links": [ { "from": "lb", "to": "web-1", "config": { "weight": 2 } },
             { "from": "lb", "to": "web-2" } ])")
            << QStringList{"~node lb config [algorithm,port,"
                           "rise]"};
        QTest::newRow("kind and position together") << QByteArray(R"(
  "name": "Base",
  "nodes": [
    { "id": "lb", "kind": "reverse-proxy", "name": "Edge", "position": { "x": 0, "y": 24 },
      "config": { "port": 8080, "algorithm": "round-robin" } },
    { "id": "web-1", "kind": "web-server", "position": { "x": 200, "y": 0 } },
    { "id": "web-2", "kind": "web-server" }
  ],
  "links": [ { "from": "lb", "to": "web-1", "config": { "weight": 2 } },
             { "from": "lb", "to": "web-2" } ])") << QStringList{"~node lb kind,position"};
        QTest::newRow("unknown keys")
            << QByteArray(R"(
  "name": "Base", "owner": "ops",
  "nodes": [
    { "id": "lb", "kind": "load-balancer", "name": "Edge", "position": { "x": 0, "y": 0 },
      "config": { "port": 8080, "algorithm": "round-robin" }, "team": "edge" },
    { "id": "web-1", "kind": "web-server", "position": { "x": 200, "y": 0 } },
    { "id": "web-2", "kind": "web-server" }
  ],
  "links": [ { "from": "lb", "to": "web-1", "config": { "weight": 2 }, "note": "x" },
             { "from": "lb", "to": "web-2" } ])")
            << QStringList{"~node lb extra", "~link lb>web-1 extra", "~metadata"};
        QTest::newRow("node added with its link") << QByteArray(R"(
  "name": "Base",
  "nodes": [
    { "id": "lb", "kind": "load-balancer", "name": "Edge", "position": { "x": 0, "y": 0 },
      "config": { "port": 8080, "algorithm": "round-robin" } },
    { "id": "web-3", "kind": "web-server" },
    { "id": "web-1", "kind": "web-server", "position": { "x": 200, "y": 0 } },
    { "id": "web-2", "kind": "web-server" }
  ],
  "links": [ { "from": "lb", "to": "web-1", "config": { "weight": 2 } },
             { "from": "lb", "to": "web-3" },
             { "from": "lb", "to": "web-2" } ])") << QStringList{"+node web-3", "+link lb>web-3"};
        QTest::newRow("node removed with its link") << QByteArray(R"(
  "name": "Base",
  "nodes": [
    { "id": "lb", "kind": "load-balancer", "name": "Edge", "position": { "x": 0, "y": 0 },
      "config": { "port": 8080, "algorithm": "round-robin" } },
    { "id": "web-2", "kind": "web-server" }
  ],
  "links": [ { "from": "lb", "to": "web-2" } ])") << QStringList{"-node web-1", "-link lb>web-1"};
        QTest::newRow("link config changed, reversed link")
            << QByteArray(R"(
  "name": "Base",
  "nodes": [
    { "id": "lb", "kind": "load-balancer", "name": "Edge", "position": { "x": 0, "y": 0 },
      "config": { "port": 8080, "algorithm": "round-robin" } },
    { "id": "web-1", "kind": "web-server", "position": { "x": 200, "y": 0 } },
    { "id": "web-2", "kind": "web-server" }
  ],
  "links": [ { "from": "lb", "to": "web-1", "config": { "weight": 3, "backup": true } },
             { "from": "web-2", "to": "lb" } ])")
            << QStringList{"+link web-2>lb", "-link lb>web-2", "~link lb>web-1 [backup,weight]"};
        QTest::newRow("reordered only") << QByteArray(R"(
  "name": "Base",
  "nodes": [
    { "id": "web-2", "kind": "web-server" },
    { "id": "web-1", "kind": "web-server", "position": { "x": 200, "y": 0 } },
    { "id": "lb", "kind": "load-balancer", "name": "Edge", "position": { "x": 0, "y": 0 },
      "config": { "algorithm": "round-robin", "port": 8080 } }
  ],
  "links": [ { "from": "lb", "to": "web-2" },
             { "from": "lb", "to": "web-1", "config": { "weight": 2 } } ])")
                                        << QStringList();
        QTest::newRow("renamed topology") << QByteArray(R"(
  "name": "Renamed",
  "nodes": [
    { "id": "lb", "kind": "load-balancer", "name": "Edge", "position": { "x": 0, "y": 0 },
      "config": { "port": 8080, "algorithm": "round-robin" } },
    { "id": "web-1", "kind": "web-server", "position": { "x": 200, "y": 0 } },
    { "id": "web-2", "kind": "web-server" }
  ],
  "links": [ { "from": "lb", "to": "web-1", "config": { "weight": 2 } },
             { "from": "lb", "to": "web-2" } ])")
                                          << QStringList{"~metadata"};
    }
    void diff()
    {
        QFETCH(QByteArray, after);
        QFETCH(QStringList, expected);
        const Topology before = topology(base);
        const Topology edited = topology(after.constData());
        const TopologyDiff diff = TopologyDiff::between(before, edited);
        QCOMPARE(lines(diff), expected);
        QCOMPARE(diff.isEmpty(), expected.isEmpty());
        // Nothing differs from itself.
        QVERIFY(TopologyDiff::between(edited, edited).isEmpty());
    }

    // Reversed, added and removed swap; a change lists the same parts and keys.
    void reverse()
    {
        const Topology before = topology(base);
        Topology after = before;
        after.nodes.removeAt(1);
        after.links.removeAt(0);
        after.nodes[0].config.insert("rise", 4);
        after.nodes.append(Node{"cache", "cache"});
        const TopologyDiff forward = TopologyDiff::between(before, after);
        const TopologyDiff backward = TopologyDiff::between(after, before);
        QCOMPARE(forward.addedNodes, backward.removedNodes);
        QCOMPARE(forward.removedNodes, backward.addedNodes);
        QCOMPARE(forward.addedLinks, backward.removedLinks);
        QCOMPARE(forward.removedLinks, backward.addedLinks);
        QCOMPARE(forward.changedNodes, backward.changedNodes);
        QCOMPARE(forward.changedNode(u"lb")->configKeys, QStringList{"rise"});
        QVERIFY(!forward.changedNode(u"web-2"));
        QVERIFY(!forward.changedNode(u"cache")); // added, not changed
    }

    void configKeys_data()
    {
        QTest::addColumn<QJsonObject>("before");
        QTest::addColumn<QJsonObject>("after");
        QTest::addColumn<QStringList>("keys");
        QTest::newRow("same") << QJsonObject{{"a", 1}} << QJsonObject{{"a", 1}} << QStringList();
        QTest::newRow("int vs double equal")
            << QJsonObject{{"a", 1}} << QJsonObject{{"a", 1.0}} << QStringList();
        QTest::newRow("set") << QJsonObject{} << QJsonObject{{"b", true}} << QStringList{"b"};
        QTest::newRow("unset") << QJsonObject{{"b", true}} << QJsonObject{} << QStringList{"b"};
        QTest::newRow("type changed")
            << QJsonObject{{"a", 1}} << QJsonObject{{"a", "1"}} << QStringList{"a"};
        QTest::newRow("nested") << QJsonObject{{"r", QJsonArray{1, 2}}, {"z", 0}}
                                << QJsonObject{{"r", QJsonArray{1, 3}}, {"a", 0}}
                                << QStringList{"a", "r", "z"};
    }
    void configKeys()
    {
        QFETCH(QJsonObject, before);
        QFETCH(QJsonObject, after);
        QFETCH(QStringList, keys);
        QCOMPARE(changedConfigKeys(before, after), keys);
    }
};

QTEST_GUILESS_MAIN(TestTopologyDiff)
#include "tst_topologydiff.moc"
