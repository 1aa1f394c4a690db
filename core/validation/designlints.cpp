#include "validation/designlints.h"

#include "catalogue/componentcatalogue.h"
#include "validation/problemtext.h"

#include <QCoreApplication>
#include <QSet>

namespace infralab {

namespace {

const QString LoadBalancer = QStringLiteral("load-balancer");
const QString AppServer = QStringLiteral("app-server");
const QString Database = QStringLiteral("database");
const QString TrafficGenerator = QStringLiteral("traffic-generator");

Problem nodeWarning(const Topology &topology, qsizetype index, const QString &message)
{
    Problem problem = Problem::warning(problemtext::indexPath(QStringLiteral("nodes"), index),
                                       message.arg(topology.nodes.at(index).displayName()));
    problem.nodeId = topology.nodes.at(index).id;
    return problem;
}

void lintSingleDatabase(const Topology &topology, Problems &problems)
{
    qsizetype database = -1;
    QList<qsizetype> appServers;
    for (qsizetype i = 0; i < topology.nodes.size(); ++i) {
        const QString &kind = topology.nodes.at(i).kind;
        if (kind == Database) {
            if (database >= 0)
                return; // more than one database: the user thought about data
            database = i;
        } else if (kind == AppServer) {
            appServers.append(i);
        }
    }
    if (database < 0 || appServers.size() < 2)
        return;
    const QString &databaseId = topology.nodes.at(database).id;
    for (const qsizetype app : std::as_const(appServers)) {
        if (topology.indexOfLink(topology.nodes.at(app).id, databaseId) < 0)
            return;
    }
    problems.append(nodeWarning(
        topology, database,
        QCoreApplication::translate("DesignLints",
                                    "%1 is a single point of failure: every app server depends "
                                    "on this one database")));
}

} // namespace

Problems lintTopology(const Topology &topology)
{
    Problems problems;
    QSet<QString> callers;
    QSet<QString> callees;
    for (const Link &link : topology.links) {
        callers.insert(link.from);
        callees.insert(link.to);
    }
    for (qsizetype i = 0; i < topology.nodes.size(); ++i) {
        const Node &node = topology.nodes.at(i);
        if (node.kind == LoadBalancer) {
            const qsizetype backends = topology.linksFrom(node.id).size();
            if (backends == 0)
                problems.append(nodeWarning(
                    topology, i,
                    QCoreApplication::translate("DesignLints",
                                                "%1 has no backends: link it to the servers it "
                                                "should balance")));
            else if (backends == 1)
                problems.append(nodeWarning(
                    topology, i,
                    QCoreApplication::translate("DesignLints",
                                                "%1 has only one backend, so it balances nothing: "
                                                "add a second one")));
        }
        if (node.kind == TrafficGenerator) {
            if (!callers.contains(node.id))
                problems.append(nodeWarning(
                    topology, i,
                    QCoreApplication::translate(
                        "DesignLints", "%1 has no target: link it to the node it should load")));
        } else if (topology.nodes.size() > 1 && !callers.contains(node.id)
                   && !callees.contains(node.id)) {
            problems.append(nodeWarning(
                topology, i,
                QCoreApplication::translate(
                    "DesignLints", "%1 is isolated: nothing calls it and it calls nothing")));
        }
    }
    lintSingleDatabase(topology, problems);
    return problems;
}

Problems lintNotRunnable(const Topology &topology, const QStringList &runnableKinds)
{
    Problems problems;
    for (qsizetype i = 0; i < topology.nodes.size(); ++i) {
        const QString &kind = topology.nodes.at(i).kind;
        if (runnableKinds.contains(kind) || !ComponentCatalogue::instance().find(kind))
            continue; // an unknown kind is the validator's error
        const bool called = !topology.linksTo(topology.nodes.at(i).id).isEmpty();
        problems.append(nodeWarning(
            topology, i,
            called ? QCoreApplication::translate(
                "DesignLints", "%1 does not run in this version yet: Start skips it, "
                               "so the requests its callers send it fail")
                   : QCoreApplication::translate(
                       "DesignLints", "%1 does not run in this version yet: Start skips it")));
    }
    return problems;
}

} // namespace infralab
