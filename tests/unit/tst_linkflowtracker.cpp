// LinkFlowTracker: the flow on each link from the callers' own views of their links (a
// balancer's per-backend counters and states, a generator's request count split by link
// weight, a web server's per-link counters), or the callee's own rate shared among its callers.
// The balancer's and the generator's views come from their components' own conversions of
// their stats and reports, as the runtime makes them.

#include "components/loadbalancer/loadbalancercomponent.h"
#include "components/trafficgenerator/trafficgeneratorcomponent.h"
#include "live/linkflowtracker.h"

#include <QJsonArray>
#include <QTest>

using namespace infralab;
using namespace infralab::live;

namespace {

Topology topologyOf(const QList<std::pair<QString, QString>> &links)
{
    Topology topology;
    QStringList ids;
    for (const auto &[from, to] : links) {
        for (const QString &id : {from, to}) {
            if (!ids.contains(id)) {
                ids.append(id);
                Node node;
                node.id = id;
                node.kind = QStringLiteral("web-server");
                topology.nodes.append(node);
            }
        }
        Link link;
        link.from = from;
        link.to = to;
        topology.links.append(link);
    }
    return topology;
}

metrics::MetricsSnapshot snapshotAt(qint64 ms, const QList<metrics::NodeMetrics> &nodes)
{
    metrics::MetricsSnapshot snapshot;
    snapshot.timeMs = ms;
    snapshot.nodes = nodes;
    return snapshot;
}

metrics::NodeMetrics node(const QString &id, double qps, quint64 requests, quint64 errors = 0)
{
    metrics::NodeMetrics m;
    m.nodeId = id;
    m.qps = qps;
    m.requests = requests;
    m.errorCount = errors;
    return m;
}

// A balancer's link views, from its stats as BackendTable::toJson() writes them.
QList<runtime::LinkView>
balancer(const QList<std::tuple<QString, QString, double, double>> &backends)
{
    QJsonArray rows;
    for (const auto &[id, state, requests, failures] : backends) {
        rows.append(QJsonObject{
            {"id", id}, {"state", state}, {"requests", requests}, {"failures", failures}});
    }
    return loadbalancer::LoadBalancerComponent::linkViewsOf(QJsonObject{{"backends", rows}});
}

runtime::NodeState running(const QString &)
{
    return runtime::NodeState::Running;
}

} // namespace

class TestLinkFlowTracker : public QObject
{
    Q_OBJECT

private slots:
    void balancerCountsEachBackend_data()
    {
        QTest::addColumn<double>("aRequests");
        QTest::addColumn<double>("bRequests");
        QTest::addColumn<double>("bFailures");
        QTest::addColumn<QString>("bState");
        QTest::addColumn<double>("aRps");
        QTest::addColumn<double>("bRps");
        QTest::addColumn<double>("bErrorRate");
        QTest::addColumn<bool>("bDown");
        // Second samples one second after the first (both start at 0 requests).
        QTest::newRow("even split")
            << 100.0 << 100.0 << 0.0 << "up" << 100.0 << 100.0 << 0.0 << false;
        QTest::newRow("uneven split")
            << 300.0 << 100.0 << 0.0 << "up" << 300.0 << 100.0 << 0.0 << false;
        QTest::newRow("failures") << 100.0 << 100.0 << 25.0 << "up" << 100.0 << 100.0 << 0.25
                                  << false;
        QTest::newRow("backend down")
            << 200.0 << 0.0 << 0.0 << "down" << 200.0 << 0.0 << 0.0 << true;
        QTest::newRow("backend ejected")
            << 200.0 << 5.0 << 5.0 << "ejected" << 200.0 << 5.0 << 1.0 << true;
    }
    void balancerCountsEachBackend()
    {
        QFETCH(double, aRequests);
        QFETCH(double, bRequests);
        QFETCH(double, bFailures);
        QFETCH(QString, bState);
        QFETCH(double, aRps);
        QFETCH(double, bRps);
        QFETCH(double, bErrorRate);
        QFETCH(bool, bDown);
        const Topology topology = topologyOf({{"lb", "a"}, {"lb", "b"}});
        LinkFlowTracker tracker;
        LinkFlowTracker::LinkViews views{
            {"lb", balancer({{"a", "up", 0, 0}, {"b", bState, 0, 0}})}};
        QList<LinkFlow> flows = tracker.update(topology, snapshotAt(1000, {}), running, views);
        QCOMPARE(flows.size(), 2);
        QCOMPARE(flows.at(0).rps, 0.0); // one sample: no rate yet
        views["lb"] = balancer({{"a", "up", aRequests, 0}, {"b", bState, bRequests, bFailures}});
        flows = tracker.update(topology, snapshotAt(2000, {}), running, views);
        QCOMPARE(flows.at(0).rps, aRps);
        QCOMPARE(flows.at(1).rps, bRps);
        QCOMPARE(flows.at(1).errorRate, bErrorRate);
        QCOMPARE(flows.at(1).isDown(), bDown);
        QVERIFY(flows.at(0).exact && flows.at(1).exact);
        QCOMPARE(flows.at(1).calleeState, bState);
    }

    void rateOverTheLastSecond()
    {
        // Ticks every 250 ms: the rate spans the newest sample at least a second old.
        const Topology topology = topologyOf({{"lb", "a"}});
        LinkFlowTracker tracker;
        QList<LinkFlow> flows;
        for (int tick = 0; tick <= 8; ++tick) {
            const double requests = tick <= 4 ? tick * 100.0 : 400.0; // 400/s, then idle
            LinkFlowTracker::LinkViews views{{"lb", balancer({{"a", "up", requests, 0}})}};
            flows = tracker.update(topology, snapshotAt(tick * 250, {}), running, views);
            if (tick == 4)
                QCOMPARE(flows.at(0).rps, 400.0);
        }
        QCOMPARE(flows.at(0).rps, 0.0); // a whole idle second later
    }

    void restartedCounterStartsAgain()
    {
        const Topology topology = topologyOf({{"lb", "a"}});
        LinkFlowTracker tracker;
        tracker.update(topology, snapshotAt(0, {}), running,
                       {{"lb", balancer({{"a", "up", 500, 0}})}});
        const QList<LinkFlow> flows = tracker.update(topology, snapshotAt(1000, {}), running,
                                                     {{"lb", balancer({{"a", "up", 10, 0}})}});
        QCOMPARE(flows.at(0).rps, 0.0); // never negative, no spike
    }

    void generatorSplitsByWeight()
    {
        const Topology topology = topologyOf({{"load", "a"}, {"load", "b"}});
        // The generator's own views of its report, as its component makes them.
        const auto report = [](double requests, double resets) {
            return trafficgenerator::TrafficGeneratorComponent::linkViewsOf(
                QJsonObject{{"targets", QJsonArray{QJsonObject{{"name", "a"}, {"weight", 3}},
                                                   QJsonObject{{"name", "b"}, {"weight", 1}}}},
                            {"requests", requests},
                            {"current_rate", 0},
                            {"errors", QJsonObject{{"reset", resets}, {"4xx", 1000}}}});
        };
        LinkFlowTracker tracker;
        tracker.update(topology, snapshotAt(0, {}), running, {{"load", report(0, 0)}});
        const QList<LinkFlow> flows
            = tracker.update(topology, snapshotAt(500, {}), running, {{"load", report(400, 40)}});
        QCOMPARE(flows.at(0).rps, 600.0); // 800/s × 3/4
        QCOMPARE(flows.at(1).rps, 200.0);
        QCOMPARE(flows.at(0).errorRate, 0.1); // resets count, 4xx do not
    }

    void calleeRateSharedByCallerRate()
    {
        // web-1 and web-2 call app; app serves 300/s; the callers run at 200/s and 100/s.
        const Topology topology = topologyOf({{"web-1", "app"}, {"web-2", "app"}});
        LinkFlowTracker tracker;
        QList<LinkFlow> flows = tracker.update(
            topology,
            snapshotAt(0, {node("web-1", 200, 0), node("web-2", 100, 0), node("app", 300, 0)}),
            running);
        flows = tracker.update(topology,
                               snapshotAt(1000, {node("web-1", 200, 200), node("web-2", 100, 100),
                                                 node("app", 300, 300, 30)}),
                               running);
        QCOMPARE(flows.at(0).rps, 200.0);
        QCOMPARE(flows.at(1).rps, 100.0);
        QCOMPARE(flows.at(0).errorRate, 0.1);
        QVERIFY(!flows.at(0).exact);
    }

    void callersOwnLinkCountsWin()
    {
        // web counts its link to app itself: exact, even when app serves other callers too.
        const Topology topology = topologyOf({{"web", "app"}, {"other", "app"}});
        LinkFlowTracker tracker;
        LinkFlowTracker::LinkViews counts{{"web", {{"app", 0, 0}}}};
        tracker.update(topology, snapshotAt(0, {node("app", 900, 0)}), running, counts);
        counts = {{"web", {{"app", 150, 15}}}};
        const QList<LinkFlow> flows = tracker.update(
            topology, snapshotAt(500, {node("app", 900, 450), node("other", 600, 0)}), running,
            counts);
        QCOMPARE(flows.at(0).rps, 300.0);
        QCOMPARE(flows.at(0).errorRate, 0.1);
        QVERIFY(flows.at(0).exact);
        QCOMPARE(flows.at(1).rps, 600.0); // the rest of app's 900/s
        QVERIFY(!flows.at(1).exact);
    }

    void skippedCalleeIsUnavailableNotDown()
    {
        const Topology topology = topologyOf({{"web", "app"}});
        LinkFlowTracker tracker;
        const QList<LinkFlow> flows
            = tracker.update(topology, snapshotAt(0, {}), [](const QString &id) {
                  return id == "app" ? runtime::NodeState::Skipped : runtime::NodeState::Running;
              });
        QCOMPARE(flows.at(0).calleeState, QString("unavailable"));
        QVERIFY(!flows.at(0).isDown());
    }

    void stoppedCalleeIsDown()
    {
        const Topology topology = topologyOf({{"web", "app"}});
        LinkFlowTracker tracker;
        const QList<LinkFlow> flows
            = tracker.update(topology, snapshotAt(0, {node("app", 50, 10)}), [](const QString &id) {
                  return id == "app" ? runtime::NodeState::Stopped : runtime::NodeState::Running;
              });
        QCOMPARE(flows.at(0).calleeState, QString("stopped"));
        QVERIFY(flows.at(0).isDown());
        QCOMPARE(flows.at(0).rps, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestLinkFlowTracker)
#include "tst_linkflowtracker.moc"
