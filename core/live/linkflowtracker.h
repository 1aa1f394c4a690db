#pragma once

#include "live/livesnapshot.h"
#include "model/topology.h"
#include "runtime/linkview.h"
#include "runtime/nodestate.h"

#include <QHash>
#include <QSet>

#include <functional>

namespace infralab::live {

// Works out the traffic on each link from one tick to the next. Components count what they
// serve per node, so a link's rate comes from the best witness: the caller's own view of the
// link (Component::linkViews(): per-link counters of web servers and proxies, a balancer's
// per-backend counters and states, a generator's count shared by link weight), and otherwise
// the callee's own rate shared among its callers in proportion to theirs (marked as an
// estimate). Error rates come the same way. Pure bookkeeping over counters: the caller feeds
// ticks, tests feed made-up ones. Knows no kind: what a caller counts is its own business.
class LinkFlowTracker final
{
public:
    using StateOf = std::function<runtime::NodeState(const QString &nodeId)>;
    // What each running caller counted on its links (Component::linkViews()), cumulative.
    using LinkViews = QHash<QString, QList<runtime::LinkView>>; // by caller id

    // The snapshot's timeMs is the clock the rates are measured on.
    QList<LinkFlow> update(const Topology &topology, const metrics::MetricsSnapshot &metrics,
                           const StateOf &stateOf, const LinkViews &linkViews = {});
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
