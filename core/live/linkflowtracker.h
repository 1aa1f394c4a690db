#pragma once

#include "live/livesnapshot.h"
#include "model/topology.h"
#include "runtime/nodestate.h"

#include <QHash>
#include <QSet>

#include <functional>

namespace infralab::live {

// Works out the traffic on each link from one tick to the next. Components count what they
// serve per node, so a link's rate comes from the best witness: the caller's own per-link
// counters (web servers, proxies, generators), a balancer's per-backend counters and states,
// a generator's request count split by link weight (without per-link counters), and
// otherwise the callee's own rate shared among its callers in proportion to theirs (marked
// as an estimate). Error rates come the same way. Pure bookkeeping over counters: the caller
// feeds ticks, tests feed made-up ones.
class LinkFlowTracker final
{
public:
    using StateOf = std::function<runtime::NodeState(const QString &nodeId)>;
    // What a caller counted on one of its links (Component::linkTraffic), cumulative.
    struct LinkCount
    {
        QString to;
        double requests = 0;
        double failures = 0;
    };
    using LinkCounts = QHash<QString, QList<LinkCount>>; // by caller id

    // `details` holds each node's Component::details() (empty for kinds without); the
    // snapshot's timeMs is the clock the rates are measured on.
    QList<LinkFlow> update(const Topology &topology, const metrics::MetricsSnapshot &metrics,
                           const QHash<QString, QJsonObject> &details, const StateOf &stateOf,
                           const LinkCounts &linkCounts = {});
    void reset();

    static constexpr qint64 windowMs = 1000; // rates over the last second, like the QPS

private:
    struct Sample
    {
        qint64 timeMs = 0;
        double requests = 0;
        double failures = 0;
    };
    // Rate (per second) and failed share over the last window of one counter pair.
    std::pair<double, double> rateOf(const QString &key, double requests, double failures,
                                     qint64 nowMs);

    QHash<QString, QList<Sample>> m_samples; // oldest first, spanning about one window
    QSet<QString> m_seen;                    // keys fed this tick: the others are dropped
};

} // namespace infralab::live
