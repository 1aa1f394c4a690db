#include "catalogue/componentcatalogue.h"
#include "format/topologyreader.h"
#include "validation/validator.h"

#include <QTest>

using namespace infralab;

namespace {

// A version-1 file around the given `nodes` and `links` arrays (JSON text).
QByteArray topologyFile(const QByteArray &nodes, const QByteArray &links = "[]")
{
    return R"({"format": "infralab-topology", "version": 1, "nodes": )" + nodes + R"(, "links": )"
           + links + "}";
}

// `E path: message` / `W path: message`: severity, path and message in one comparable line.
QStringList lines(const Problems &problems)
{
    QStringList result;
    for (const Problem &p : problems)
        result.append((p.isError() ? "E " : "W ") + p.toString());
    return result;
}

// `min..max` of a catalogue key, so rows about keys beyond the DESIGN.md contract follow the
// catalogue as it grows.
QString range(const char *kind, const char *key, bool link = false)
{
    const KindInfo *info = ComponentCatalogue::instance().find(QString::fromLatin1(kind));
    const ConfigKey *k = link ? info->findLinkKey(QString::fromLatin1(key))
                              : info->findKey(QString::fromLatin1(key));
    return QString::number(qint64(k->minimum)) + ".." + QString::number(qint64(k->maximum));
}

QByteArray nested(int depth, const QByteArray &inner = "1")
{
    return QByteArray(depth, '[') + inner + QByteArray(depth, ']');
}

} // namespace

// validateTopology on topologies read from JSON: every problem with its exact path, message
// and severity; valid topologies give none.
class TestValidator : public QObject
{
    Q_OBJECT

private slots:
    void validator_data();
    void validator();
    void structure_data();
    void structure();
    void problemsPointAtNodesAndLinks();
    void modelBuiltInCode();
};

void TestValidator::validator_data()
{
    QTest::addColumn<QByteArray>("nodes");
    QTest::addColumn<QByteArray>("links");
    QTest::addColumn<QStringList>("expected");

    const QByteArray web = R"({"id": "web-1", "kind": "web-server"})";
    const QByteArray lb = R"({"id": "lb", "kind": "load-balancer"})";
    const QByteArray db = R"({"id": "db", "kind": "database"})";
    auto node = [](const char *kind, const QByteArray &config) {
        return "[{\"id\": \"n\", \"kind\": \"" + QByteArray(kind) + "\", \"config\": " + config
               + "}]";
    };
    auto request = [&node](const QByteArray &entries) {
        return node("traffic-generator", "{\"requests\": " + entries + "}");
    };
    const QString req = "nodes[0].config.requests";

    // --- valid topologies ---------------------------------------------------------------
    QTest::newRow("empty") << QByteArray("[]") << QByteArray("[]") << QStringList();
    QTest::newRow("design example")
        << QByteArray(R"([{ "id": "lb", "kind": "load-balancer", "name": "Edge LB",
              "position": { "x": 0, "y": 0 },
              "config": { "port": 8080, "algorithm": "round-robin" } },
            { "id": "web-1", "kind": "web-server", "config": { "root": "site" } }])")
        << QByteArray(R"([ { "from": "lb", "to": "web-1", "config": { "weight": 2 } } ])")
        << QStringList();
    QTest::newRow("every kind with defaults")
        << QByteArray(
               R"([{"id": "a", "kind": "traffic-generator"}, {"id": "b", "kind": "web-server"},
            {"id": "c", "kind": "reverse-proxy"}, {"id": "d", "kind": "load-balancer"},
            {"id": "e", "kind": "api-gateway"}, {"id": "f", "kind": "app-server"},
            {"id": "g", "kind": "database"}, {"id": "h", "kind": "cache"}])")
        << QByteArray(
               R"([{"from": "a", "to": "d"}, {"from": "d", "to": "f"}, {"from": "f", "to": "g"},
            {"from": "f", "to": "h"}, {"from": "b", "to": "c"}, {"from": "c", "to": "e"}])")
        << QStringList();
    QTest::newRow("port 0 twice is fine")
        << QByteArray(R"([{"id": "a", "kind": "web-server", "config": {"port": 0}},
                          {"id": "b", "kind": "web-server", "config": {"port": 0}}])")
        << QByteArray("[]") << QStringList();
    QTest::newRow("ports at both ends")
        << QByteArray(R"([{"id": "a", "kind": "web-server", "config": {"port": 1}},
                          {"id": "b", "kind": "cache", "config": {"port": 65535}}])")
        << QByteArray("[]") << QStringList();
    QTest::newRow("integral double is an integer")
        << node("web-server", R"({"port": 8080.0})") << QByteArray("[]") << QStringList();
    QTest::newRow("full request list") << request(R"([{"method": "GET", "path": "/", "weight": 3},
                        {"method": "POST", "path": "/api/items/{n}", "weight": 1, "body": "{}"},
                        {"method": "DELETE", "path": "/x", "weight": 0}])")
                                       << QByteArray("[]") << QStringList();
    QTest::newRow("63-character id")
        << QByteArray("[{\"id\": \"" + QByteArray(63, 'a') + "\", \"kind\": \"cache\"}]")
        << QByteArray("[]") << QStringList();
    QTest::newRow("balancer link config")
        << QByteArray("[" + lb + ", " + web + "]")
        << QByteArray(R"([{"from": "lb", "to": "web-1", "config": {"weight": 0, "backup": true,
                           "max_connections": 10}}])")
        << QStringList();
    QTest::newRow("two links in opposite directions")
        << QByteArray("[" + lb + ", " + web + "]")
        << QByteArray(R"([{"from": "lb", "to": "web-1"}, {"from": "web-1", "to": "lb"}])")
        << QStringList();

    // --- ids -------------------------------------------------------------------------------
    const QString badIdTail = " is not a valid id (use a-z, 0-9 and -, starting with a letter, "
                              "at most 63 characters)";
    QTest::newRow("id with capital and underscore")
        << QByteArray(R"([{"id": "Web_1", "kind": "web-server"}])") << QByteArray("[]")
        << QStringList{"E nodes[0].id: \"Web_1\"" + badIdTail};
    QTest::newRow("id starting with a digit")
        << QByteArray(R"([{"id": "1web", "kind": "web-server"}])") << QByteArray("[]")
        << QStringList{"E nodes[0].id: \"1web\"" + badIdTail};
    QTest::newRow("id with a space")
        << QByteArray(R"([{"id": "web 1", "kind": "web-server"}])") << QByteArray("[]")
        << QStringList{"E nodes[0].id: \"web 1\"" + badIdTail};
    QTest::newRow("id of 64 characters")
        << QByteArray("[{\"id\": \"" + QByteArray(64, 'a') + "\", \"kind\": \"cache\"}]")
        << QByteArray("[]")
        << QStringList{"E nodes[0].id: \"" + QString(60, 'a') + "...\"" + badIdTail};
    QTest::newRow("id missing") << QByteArray(R"([{"kind": "web-server"}])") << QByteArray("[]")
                                << QStringList{"E nodes[0].id: missing (every node needs an id "
                                               "such as web-1)"};
    QTest::newRow("id empty") << QByteArray(R"([{"id": "", "kind": "web-server"}])")
                              << QByteArray("[]")
                              << QStringList{"E nodes[0].id: missing (every node needs an id "
                                             "such as web-1)"};
    QTest::newRow("duplicate id")
        << QByteArray("[" + db + ", " + web + ", " + lb + ", " + web + "]") << QByteArray("[]")
        << QStringList{"E nodes[3].id: duplicate id \"web-1\" (first used by nodes[1])"};
    QTest::newRow("id used three times")
        << QByteArray("[" + web + ", " + web + ", " + web + "]") << QByteArray("[]")
        << QStringList{"E nodes[1].id: duplicate id \"web-1\" (first used by nodes[0])",
                       "E nodes[2].id: duplicate id \"web-1\" (first used by nodes[0])"};

    // --- kinds -----------------------------------------------------------------------------
    QTest::newRow("misspelt kind")
        << QByteArray(R"([{"id": "a", "kind": "webserver"}])") << QByteArray("[]")
        << QStringList{"E nodes[0].kind: unknown kind \"webserver\" (did you mean "
                       "\"web-server\"?)"};
    QTest::newRow("kind in capitals")
        << QByteArray(R"([{"id": "a", "kind": "Database"}])") << QByteArray("[]")
        << QStringList{"E nodes[0].kind: unknown kind \"Database\" (did you mean \"database\"?)"};
    QTest::newRow("unknown kind without suggestion")
        << QByteArray(R"([{"id": "a", "kind": "quantum-computer"}])") << QByteArray("[]")
        << QStringList{"E nodes[0].kind: unknown kind \"quantum-computer\""};
    QTest::newRow("kind missing") << QByteArray(R"([{"id": "a"}])") << QByteArray("[]")
                                  << QStringList{"E nodes[0].kind: missing (every node needs a "
                                                 "kind such as web-server)"};
    QTest::newRow("unknown kind keeps its config unchecked")
        << QByteArray(R"([{"id": "a", "kind": "dns", "config": {"port": "x"}}])")
        << QByteArray("[]") << QStringList{"E nodes[0].kind: unknown kind \"dns\""};

    // --- config values ---------------------------------------------------------------------
    const QString port = "nodes[0].config.port";
    QTest::newRow("port above range")
        << node("web-server", R"({"port": 70000})") << QByteArray("[]")
        << QStringList{"E " + port + ": 70000 is outside 0..65535"};
    QTest::newRow("port negative") << node("cache", R"({"port": -1})") << QByteArray("[]")
                                   << QStringList{"E " + port + ": -1 is outside 0..65535"};
    QTest::newRow("port as string")
        << node("web-server", R"({"port": "80"})") << QByteArray("[]")
        << QStringList{"E " + port + ": expected an integer, got \"80\""};
    QTest::newRow("port fractional")
        << node("web-server", R"({"port": 80.5})") << QByteArray("[]")
        << QStringList{"E " + port + ": expected an integer, got 80.5"};
    QTest::newRow("port bool") << node("database", R"({"port": true})") << QByteArray("[]")
                               << QStringList{"E " + port + ": expected an integer, got true"};
    QTest::newRow("port null") << node("database", R"({"port": null})") << QByteArray("[]")
                               << QStringList{"E " + port + ": expected an integer, got null"};
    QTest::newRow("port object") << node("app-server", R"({"port": {"n": 1}})") << QByteArray("[]")
                                 << QStringList{"E " + port
                                                + ": expected an integer, got an object"};
    QTest::newRow("port nested 64 deep")
        << node("app-server", "{\"port\": " + nested(64) + "}") << QByteArray("[]")
        << QStringList{"E " + port + ": expected an integer, got an array"};
    QTest::newRow("port huge") << node("web-server", R"({"port": 1e300})") << QByteArray("[]")
                               << QStringList{"E " + port + ": 1e+300 is outside 0..65535"};
    QTest::newRow("enum not in list")
        << node("load-balancer", R"({"algorithm": "fastest"})") << QByteArray("[]")
        << QStringList{"E nodes[0].config.algorithm: \"fastest\" is not one of round-robin, "
                       "least-connections, ip-hash, uri-hash, random, first"};
    QTest::newRow("enum wrong case")
        << node("traffic-generator", R"({"mode": "Open"})") << QByteArray("[]")
        << QStringList{"E nodes[0].config.mode: \"Open\" is not one of closed, open"};
    QTest::newRow("enum as number")
        << node("traffic-generator", R"({"mode": 1})") << QByteArray("[]")
        << QStringList{"E nodes[0].config.mode: expected one of closed, open, got 1"};
    QTest::newRow("bool as string")
        << node("reverse-proxy", R"({"cache": "yes"})") << QByteArray("[]")
        << QStringList{"E nodes[0].config.cache: expected true or "
                       "false, got \"yes\""};
    QTest::newRow("bool as number") << node("reverse-proxy", R"({"cache": 1})") << QByteArray("[]")
                                    << QStringList{"E nodes[0].config.cache: expected true or "
                                                   "false, got 1"};
    QTest::newRow("int below range")
        << node("load-balancer", R"({"rise": 0})") << QByteArray("[]")
        << QStringList{"E nodes[0].config.rise: 0 is outside " + range("load-balancer", "rise")};
    QTest::newRow("string as number")
        << node("load-balancer", R"({"health_check_path": 5})") << QByteArray("[]")
        << QStringList{"E nodes[0].config.health_check_path: expected a string, got 5"};
    QTest::newRow("path as array")
        << node("web-server", R"({"root": ["site"]})") << QByteArray("[]")
        << QStringList{"E nodes[0].config.root: expected a string, got "
                       "an array"};
    QTest::newRow("string list as string")
        << node("web-server", R"({"forward_prefixes": "/api/"})") << QByteArray("[]")
        << QStringList{"E nodes[0].config.forward_prefixes: expected a list of strings, got "
                       "\"/api/\""};
    QTest::newRow("string list with a number")
        << node("web-server", R"({"forward_prefixes": ["/api/", 5, null]})") << QByteArray("[]")
        << QStringList{"E nodes[0].config.forward_prefixes[1]: expected a string, got 5",
                       "E nodes[0].config.forward_prefixes[2]: expected a string, got null"};
    QTest::newRow("long string shortened")
        << node("web-server", "{\"port\": \"" + QByteArray(100, 'x') + "\"}") << QByteArray("[]")
        << QStringList{"E " + port + ": expected an integer, got \"" + QString(60, 'x') + "...\""};
    QTest::newRow("control character escaped")
        << node("web-server", R"({"port": "8\n0"})") << QByteArray("[]")
        << QStringList{"E " + port + ": expected an integer, got \"8\\n0\""};
    QTest::newRow("unknown config key")
        << node("web-server", R"({"colour": "red"})") << QByteArray("[]")
        << QStringList{"W nodes[0].config.colour: unknown key \"colour\" (kept)"};
    QTest::newRow("odd unknown config key")
        << node("web-server", R"({"my key": 1})") << QByteArray("[]")
        << QStringList{"W nodes[0].config[\"my key\"]: unknown key \"my key\" (kept)"};
    QTest::newRow("unknown node key")
        << QByteArray(R"([{"id": "a", "kind": "cache", "colour": "red"}])") << QByteArray("[]")
        << QStringList{"W nodes[0].colour: unknown key \"colour\" (kept)"};
    QTest::newRow("every problem of a node, catalogue order")
        << node("load-balancer", R"({"zebra": 1, "algorithm": "x", "port": 70000})")
        << QByteArray("[]")
        << QStringList{"E " + port + ": 70000 is outside 0..65535",
                       "E nodes[0].config.algorithm: \"x\" is not one of round-robin, "
                       "least-connections, ip-hash, uri-hash, random, first",
                       "W nodes[0].config.zebra: unknown key \"zebra\" (kept)"};

    // --- fixed ports -----------------------------------------------------------------------
    QTest::newRow("port used twice")
        << QByteArray(R"([{"id": "a", "kind": "web-server", "config": {"port": 8080}},
                          {"id": "b", "kind": "cache"}, {"id": "c", "kind": "cache"},
                          {"id": "d", "kind": "database", "config": {"port": 5432}},
                          {"id": "e", "kind": "load-balancer", "config": {"port": 8080}}])")
        << QByteArray("[]")
        << QStringList{"E nodes[4].config.port: port 8080 is already used by nodes[0]"};
    QTest::newRow("port used three times")
        << QByteArray(R"([{"id": "a", "kind": "cache", "config": {"port": 7000}},
                          {"id": "b", "kind": "database", "config": {"port": 7000}},
                          {"id": "c", "kind": "app-server", "config": {"port": 7000}}])")
        << QByteArray("[]")
        << QStringList{"E nodes[1].config.port: port 7000 is already used by nodes[0]",
                       "E nodes[2].config.port: port 7000 is already used by nodes[0]"};

    // --- traffic-generator requests --------------------------------------------------------
    QTest::newRow("requests not a list")
        << request(R"("GET /")") << QByteArray("[]")
        << QStringList{"E " + req + ": expected a list of requests, got \"GET /\""};
    QTest::newRow("requests empty")
        << request("[]") << QByteArray("[]")
        << QStringList{"E " + req + ": the list is empty, so no request would be sent"};
    QTest::newRow("request not an object")
        << request(R"(["GET /"])") << QByteArray("[]")
        << QStringList{"E " + req
                       + "[0]: expected a request object {\"method\", \"path\", "
                         "\"weight\", \"body\"}, got \"GET /\""};
    QTest::newRow("request method missing")
        << request(R"([{"path": "/", "weight": 1}])") << QByteArray("[]")
        << QStringList{"E " + req + "[0].method: missing (a request needs a method such as GET)"};
    QTest::newRow("request method a number")
        << request(R"([{"method": 5, "path": "/", "weight": 1}])") << QByteArray("[]")
        << QStringList{"E " + req + "[0].method: expected a string, got 5"};
    QTest::newRow("request method with a space")
        << request(R"([{"method": "GE T", "path": "/", "weight": 1}])") << QByteArray("[]")
        << QStringList{"E " + req
                       + "[0].method: \"GE T\" is not an HTTP method (such as GET or "
                         "POST)"};
    QTest::newRow("request path relative")
        << request(R"([{"method": "GET", "path": "index.html", "weight": 1}])") << QByteArray("[]")
        << QStringList{"E " + req + "[0].path: \"index.html\" does not start with /"};
    QTest::newRow("request path with a space")
        << request(R"([{"method": "GET", "path": "/a b", "weight": 1}])") << QByteArray("[]")
        << QStringList{"E " + req
                       + "[0].path: \"/a b\" contains a space or control character "
                         "(encode it as %20)"};
    QTest::newRow("request path missing")
        << request(R"([{"method": "GET", "weight": 1}])") << QByteArray("[]")
        << QStringList{"E " + req + "[0].path: missing (a request needs a path such as /)"};
    QTest::newRow("request weight negative")
        << request(R"([{"method": "GET", "path": "/", "weight": -1}])") << QByteArray("[]")
        << QStringList{"E " + req + "[0].weight: -1 is outside 0..1000000"};
    QTest::newRow("request weight a string")
        << request(R"([{"method": "GET", "path": "/", "weight": "1"}])") << QByteArray("[]")
        << QStringList{"E " + req + "[0].weight: expected an integer, got \"1\""};
    QTest::newRow("request weight missing")
        << request(R"([{"method": "GET", "path": "/"}])") << QByteArray("[]")
        << QStringList{"E " + req + "[0].weight: missing (a request needs a weight, 0 or more)"};
    QTest::newRow("request body a number")
        << request(R"([{"method": "POST", "path": "/", "weight": 1, "body": 5}])")
        << QByteArray("[]") << QStringList{"E " + req + "[0].body: expected a string, got 5"};
    QTest::newRow("request unknown key")
        << request(R"([{"method": "GET", "path": "/", "weight": 1, "headers": {}}])")
        << QByteArray("[]")
        << QStringList{"W " + req + "[0].headers: unknown key \"headers\" (kept)"};
    QTest::newRow("all request weights zero")
        << request(R"([{"method": "GET", "path": "/", "weight": 0},
                       {"method": "GET", "path": "/a", "weight": 0}])")
        << QByteArray("[]")
        << QStringList{"E " + req + ": every request has weight 0, so no request would be sent"};
    QTest::newRow("every problem of every request")
        << request(R"([{"method": "GET", "path": "/", "weight": 1}, 7,
                       {"path": "x", "weight": 1.5}])")
        << QByteArray("[]")
        << QStringList{"E " + req
                           + "[1]: expected a request object {\"method\", \"path\", "
                             "\"weight\", \"body\"}, got 7",
                       "E " + req + "[2].method: missing (a request needs a method such as GET)",
                       "E " + req + "[2].path: \"x\" does not start with /",
                       "E " + req + "[2].weight: expected an integer, got 1.5"};

    // --- links -----------------------------------------------------------------------------
    const QByteArray lbAndWeb = "[" + lb + ", " + web + "]";
    QTest::newRow("link to a missing node")
        << lbAndWeb << QByteArray(R"([{"from": "lb", "to": "web-9"}])")
        << QStringList{"E links[0].to: no node \"web-9\""};
    QTest::newRow("link from a missing node")
        << lbAndWeb << QByteArray(R"([{"from": "lb-2", "to": "web-1"}])")
        << QStringList{"E links[0].from: no node \"lb-2\""};
    QTest::newRow("link without from")
        << lbAndWeb << QByteArray(R"([{"to": "web-1"}])")
        << QStringList{"E links[0].from: missing (the id of the calling node)"};
    QTest::newRow("link without to")
        << lbAndWeb << QByteArray(R"([{"from": "lb", "to": ""}])")
        << QStringList{"E links[0].to: missing (the id of the called node)"};
    QTest::newRow("link without both ends")
        << lbAndWeb << QByteArray(R"([{}])")
        << QStringList{"E links[0].from: missing (the id of the calling node)",
                       "E links[0].to: missing (the id of the called node)"};
    QTest::newRow("self link") << lbAndWeb << QByteArray(R"([{"from": "lb", "to": "lb"}])")
                               << QStringList{"E links[0]: a node cannot link to itself (\"lb\")"};
    QTest::newRow("duplicate link")
        << QByteArray("[" + lb + ", " + web + ", " + db + "]")
        << QByteArray(R"([{"from": "lb", "to": "web-1"}, {"from": "db", "to": "db"},
                          {"from": "lb", "to": "web-1"}])")
        << QStringList{"E links[1]: a node cannot link to itself (\"db\")",
                       "E links[2]: duplicate link from \"lb\" to \"web-1\" (first used by "
                       "links[0])"};
    QTest::newRow("database cannot call")
        << QByteArray("[" + db + ", " + web + "]")
        << QByteArray(R"([{"from": "db", "to": "web-1"}])")
        << QStringList{"E links[0]: a database cannot call a web-server (a database calls "
                       "nothing)"};
    const QString webCallees
        = ComponentCatalogue::instance().find(u"web-server")->callees.join(", ");
    QTest::newRow("web server cannot call a database")
        << QByteArray("[" + db + ", " + web + "]")
        << QByteArray(R"([{"from": "web-1", "to": "db"}])")
        << QStringList{"E links[0]: a web-server cannot call a database (it may call " + webCallees
                       + ")"};
    QTest::newRow("article an")
        << QByteArray(R"([{"id": "g", "kind": "api-gateway"}, {"id": "c", "kind": "cache"}])")
        << QByteArray(R"([{"from": "g", "to": "c"}])")
        << QStringList{"E links[0]: an api-gateway cannot call a cache (it may call "
                       + ComponentCatalogue::instance().find(u"api-gateway")->callees.join(", ")
                       + ")"};
    QTest::newRow("link to a node of unknown kind")
        << QByteArray(R"([{"id": "lb", "kind": "load-balancer"}, {"id": "x", "kind": "dns"}])")
        << QByteArray(R"([{"from": "lb", "to": "x", "config": {"weight": 2}}])")
        << QStringList{"E nodes[1].kind: unknown kind \"dns\""};
    QTest::newRow("link weight out of range")
        << lbAndWeb << QByteArray(R"([{"from": "lb", "to": "web-1", "config": {"weight": 300}}])")
        << QStringList{"E links[0].config.weight: 300 is outside "
                       + range("load-balancer", "weight", true)};
    QTest::newRow("link weight as string")
        << lbAndWeb << QByteArray(R"([{"from": "lb", "to": "web-1", "config": {"weight": "2"}}])")
        << QStringList{"E links[0].config.weight: expected an integer, got \"2\""};
    QTest::newRow("link backup as string")
        << lbAndWeb << QByteArray(R"([{"from": "lb", "to": "web-1", "config": {"backup": "no"}}])")
        << QStringList{"E links[0].config.backup: expected true or false, got \"no\""};
    QTest::newRow("link config key unknown to the caller")
        << QByteArray(R"([{"id": "g", "kind": "api-gateway"}, {"id": "w", "kind": "web-server"}])")
        << QByteArray(R"([{"from": "g", "to": "w", "config": {"colour": 2}}])")
        << QStringList{"W links[0].config.colour: unknown key \"colour\" (kept)"};
    QTest::newRow("unknown link key")
        << lbAndWeb << QByteArray(R"([{"from": "lb", "to": "web-1", "label": "main"}])")
        << QStringList{"W links[0].label: unknown key \"label\" (kept)"};
    QTest::newRow("every problem at once")
        << QByteArray(R"([{"id": "Web", "kind": "web-server", "config": {"port": 70000}},
                          {"id": "Web", "kind": "cach"}])")
        << QByteArray(R"([{"from": "Web", "to": "nope"}])")
        << QStringList{"E nodes[0].id: \"Web\"" + badIdTail,
                       "E " + port + ": 70000 is outside 0..65535",
                       "E nodes[1].id: \"Web\"" + badIdTail,
                       "E nodes[1].id: duplicate id \"Web\" (first used by nodes[0])",
                       "E nodes[1].kind: unknown kind \"cach\" (did you mean \"cache\"?)",
                       "E links[0].to: no node \"nope\""};
}

void TestValidator::validator()
{
    QFETCH(QByteArray, nodes);
    QFETCH(QByteArray, links);
    QFETCH(QStringList, expected);

    const ReadResult read = TopologyReader::parse(topologyFile(nodes, links));
    const Problems problems = validateTopology(read.topology);
    QCOMPARE(lines(problems), expected);
    // The reader found nothing structural in these files: all `validate` reports is the
    // validator's, and the reader itself reports only the ids and links the model needs.
    QCOMPARE(validateFile(read), problems);
    QCOMPARE(read.problems, checkIdentity(read.topology));
    for (const Problem &problem : read.problems)
        QVERIFY(problems.contains(problem));
}

void TestValidator::structure_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");

    auto file = [](const QByteArray &members) {
        return R"({"format": "infralab-topology", "version": 1, )" + members + "}";
    };
    QTest::newRow("minimal file") << QByteArray(R"({"format": "infralab-topology", "version": 1})")
                                  << QStringList();
    QTest::newRow("format missing")
        << QByteArray(R"({"version": 1, "nodes": []})")
        << QStringList{"E format: missing (expected \"infralab-topology\"; is this an InfraLab "
                       "topology file?)"};
    QTest::newRow("format wrong")
        << QByteArray(R"({"format": "infralab", "version": 1})")
        << QStringList{"E format: expected \"infralab-topology\", got \"infralab\""};
    QTest::newRow("format a number")
        << QByteArray(R"({"format": 1, "version": 1})")
        << QStringList{"E format: expected \"infralab-topology\", got 1"};
    QTest::newRow("version missing")
        << QByteArray(R"({"format": "infralab-topology"})")
        << QStringList{"E version: missing (this InfraLab reads version 1)"};
    QTest::newRow("version a string")
        << QByteArray(R"({"format": "infralab-topology", "version": "1"})")
        << QStringList{"E version: expected an integer, got \"1\""};
    QTest::newRow("version fractional")
        << QByteArray(R"({"format": "infralab-topology", "version": 1.5})")
        << QStringList{"E version: expected an integer, got 1.5"};
    QTest::newRow("version zero")
        << QByteArray(R"({"format": "infralab-topology", "version": 0})")
        << QStringList{"E version: 0 is not a format version (this InfraLab reads version 1)"};
    QTest::newRow("version newer is refused, nothing else checked")
        << QByteArray(R"({"format": "infralab-topology", "version": 2, "nodes": 5, "x": 1})")
        << QStringList{"E version: this file uses format version 2, but this InfraLab reads "
                       "only version 1; update InfraLab to open it"};
    QTest::newRow("name a number")
        << file(R"("name": 5)") << QStringList{"E name: expected a string, got 5"};
    QTest::newRow("description an array")
        << file(R"("description": ["a"])")
        << QStringList{"E description: expected a string, got an array"};
    QTest::newRow("nodes an object") << file(R"("nodes": {})")
                                     << QStringList{"E nodes: expected an array of nodes, got an "
                                                    "object"};
    QTest::newRow("links a string") << file(R"("links": "lb->web")")
                                    << QStringList{"E links: expected an array of links, got "
                                                   "\"lb->web\""};
    QTest::newRow("node not an object")
        << file(R"("nodes": [{"id": "a", "kind": "cache"}, 5, {"id": "b", "kind": "cache"}])")
        << QStringList{"E nodes[1]: expected a node object, got 5"};
    QTest::newRow("link not an object")
        << file(R"("nodes": [{"id": "a", "kind": "cache"}], "links": [["a", "b"]])")
        << QStringList{"E links[0]: expected a link object, got an array"};
    QTest::newRow("id a number") << file(R"("nodes": [{"id": 5, "kind": "cache"}])")
                                 << QStringList{"E nodes[0].id: expected a string, got 5"};
    QTest::newRow("kind null") << file(R"("nodes": [{"id": "a", "kind": null}])")
                               << QStringList{"E nodes[0].kind: expected a string, got null"};
    QTest::newRow("node name a bool")
        << file(R"("nodes": [{"id": "a", "kind": "cache", "name": false}])")
        << QStringList{"E nodes[0].name: expected a string, got false"};
    QTest::newRow("position an array")
        << file(R"("nodes": [{"id": "a", "kind": "cache", "position": [1, 2]}])")
        << QStringList{"E nodes[0].position: expected an object {\"x\": number, \"y\": number}, "
                       "got an array"};
    QTest::newRow("position without y")
        << file(R"("nodes": [{"id": "a", "kind": "cache", "position": {"x": 1}}])")
        << QStringList{"E nodes[0].position.y: missing"};
    QTest::newRow("position x a string")
        << file(R"("nodes": [{"id": "a", "kind": "cache", "position": {"x": "1", "y": 2}}])")
        << QStringList{"E nodes[0].position.x: expected a number, got \"1\""};
    QTest::newRow("position extra member")
        << file(R"("nodes": [{"id": "a", "kind": "cache", "position": {"x": 1, "y": 2, "z": 3}}])")
        << QStringList{"W nodes[0].position.z: unknown key \"z\" (dropped on save: a position "
                       "has only x and y)"};
    QTest::newRow("config an array")
        << file(R"("nodes": [{"id": "a", "kind": "cache", "config": [1]}])")
        << QStringList{"E nodes[0].config: expected an object, got an array"};
    QTest::newRow("link from a number")
        << file(R"("nodes": [{"id": "a", "kind": "cache"}], "links": [{"from": 1, "to": "a"}])")
        << QStringList{"E links[0].from: expected a string, got 1"};
    QTest::newRow("link config a string") << file(
        R"("nodes": [{"id": "lb", "kind": "load-balancer"}, {"id": "w", "kind": "web-server"}],
                   "links": [{"from": "lb", "to": "w", "config": "weight=2"}])")
                                          << QStringList{"E links[0].config: expected an object, "
                                                         "got \"weight=2\""};
    QTest::newRow("unknown top-level keys") << file(R"("zeta": 1, "alpha": {"a": 1})")
                                            << QStringList{"W alpha: unknown key \"alpha\" (kept)",
                                                           "W zeta: unknown key \"zeta\" (kept)"};
}

void TestValidator::structure()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);

    const ReadResult read = TopologyReader::parse(json);
    const Problems problems = validateFile(read);
    QCOMPARE(lines(problems), expected);
    // Whatever the reader refuses, `validate` reports as an error too.
    QVERIFY(read.ok() || hasErrors(problems));
}

void TestValidator::problemsPointAtNodesAndLinks()
{
    const ReadResult read = TopologyReader::parse(
        topologyFile(R"([{"id": "web-1", "kind": "web-server", "config": {"port": -5}}])",
                     R"([{"from": "web-1", "to": "nope"}])"));
    const Problems problems = validateFile(read);
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0).nodeId, QString("web-1"));
    QCOMPARE(problems.at(0).linkIndex, -1);
    QCOMPARE(problems.at(1).nodeId, QString("web-1"));
    QCOMPARE(problems.at(1).linkIndex, 0);
}

void TestValidator::modelBuiltInCode()
{
    // The GUI validates topologies it builds itself, never read from a file.
    Topology t;
    Node web{"web-1", "web-server"};
    web.config.insert("port", 8080);
    Node cache{"cache-1", "cache"};
    cache.config.insert("port", 8080);
    cache.position = QPointF(qInf(), 0);
    t.nodes = {web, cache};
    t.links = {Link{"web-1", "cache-1"}};
    const QString callees = ComponentCatalogue::instance().find(u"web-server")->callees.join(", ");
    QCOMPARE(lines(validateTopology(t)),
             (QStringList{"E nodes[1].position: x and y must be finite numbers",
                          "E nodes[1].config.port: port 8080 is already used by nodes[0]",
                          "E links[0]: a web-server cannot call a cache (it may call " + callees
                              + ")"}));
}

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
