#include "live/linkflowtracker.h"

#include <algorithm>

namespace infralab::live {

const LinkFlow *LiveSnapshot::link(const QString &from, const QString &to) const
{
    for (const LinkFlow &flow : links) {
        if (flow.from == from && flow.to == to)
            return &flow;
    }
    return nullptr;
}

void LinkFlowTracker::reset()
{
    m_samples.clear();
    m_seen.clear();
}

std::pair<double, double> LinkFlowTracker::rateOf(const QString &key, double requests,
                                                  double failures, qint64 nowMs)
{
    QList<Sample> &samples = m_samples[key];
    if (m_seen.contains(key) && !samples.isEmpty()) {
        // Fed twice in one tick (two links of the same pair): the same answer.
        samples.removeLast();
    }
    m_seen.insert(key);
    // Counters restart from zero when their node restarts: start the window again.
    if (!samples.isEmpty() && requests < samples.constLast().requests)
        samples.clear();
    samples.append({nowMs, requests, failures});
    // Keep the newest sample at least a window old as the window's start.
    while (samples.size() > 2 && nowMs - samples.at(1).timeMs >= windowMs)
        samples.removeFirst();
    const Sample &first = samples.constFirst();
    if (samples.size() < 2 || nowMs <= first.timeMs)
        return {0.0, 0.0};
    const double served = std::max(0.0, requests - first.requests);
    const double failed = std::max(0.0, failures - first.failures);
    const double seconds = double(nowMs - first.timeMs) / 1000.0;
    return {served / seconds, served > 0 ? std::min(1.0, failed / served) : 0.0};
}

QList<LinkFlow> LinkFlowTracker::update(const Topology &topology,
                                        const metrics::MetricsSnapshot &metrics,
                                        const StateOf &stateOf, const LinkViews &linkViews)
{
    const qint64 now = metrics.timeMs;
    m_seen.clear();
    QList<LinkFlow> flows;
    flows.reserve(topology.links.size());
    QHash<QString, double> exactInto; // callee → what exact witnesses sent it
    for (const Link &link : topology.links) {
        LinkFlow flow;
        flow.from = link.from;
        flow.to = link.to;
        const runtime::NodeState calleeState = stateOf(link.to);
        const bool calleeRuns = calleeState == runtime::NodeState::Running;
        if (calleeState == runtime::NodeState::Skipped)
            flow.calleeState = QStringLiteral("unavailable");
        else if (!calleeRuns && calleeState != runtime::NodeState::Starting)
            flow.calleeState = QStringLiteral("stopped");
        const runtime::LinkView *counted = nullptr;
        if (const auto views = linkViews.constFind(link.from); views != linkViews.cend()) {
            for (const runtime::LinkView &view : *views) {
                if (view.calleeId == link.to) {
                    counted = &view;
                    break;
                }
            }
        }
        if (counted) {
            const auto [rps, errorRate] = rateOf(link.from + QLatin1String("->") + link.to,
                                                 counted->requests, counted->failures, now);
            flow.rps = rps;
            flow.errorRate = errorRate;
            // The caller's judgement of a running callee wins over "stopped" only while the
            // callee runs: a stopped node is stopped whatever a stale table says.
            if (counted->health != runtime::CalleeHealth::Unknown
                && (calleeRuns || flow.calleeState.isEmpty()))
                flow.calleeState = runtime::calleeHealthName(counted->health);
            flow.exact = true;
        }
        if (flow.exact)
            exactInto[link.to] += flow.rps;
        flows.append(std::move(flow));
    }

    // Estimates: what the callee served beyond the exact witnesses, shared by caller rate.
    QHash<QString, double> estimatedWeight; // callee → sum of its unwitnessed callers' rates
    const auto callerWeight = [&metrics](const QString &caller) {
        const metrics::NodeMetrics *node = metrics.find(caller);
        return node && node->qps > 0 ? node->qps : 1e-9;
    };
    for (const LinkFlow &flow : std::as_const(flows)) {
        if (!flow.exact)
            estimatedWeight[flow.to] += callerWeight(flow.from);
    }
    for (LinkFlow &flow : flows) {
        if (flow.exact)
            continue;
        const metrics::NodeMetrics *callee = metrics.find(flow.to);
        if (!callee || !flow.calleeState.isEmpty())
            continue;
        const auto [served, errorRate]
            = rateOf(QLatin1String("node:") + flow.to, double(callee->requests),
                     double(callee->errorCount), now);
        Q_UNUSED(served);
        const double remaining = std::max(0.0, callee->qps - exactInto.value(flow.to));
        const double total = estimatedWeight.value(flow.to);
        flow.rps = total > 0 ? remaining * callerWeight(flow.from) / total : 0.0;
        flow.errorRate = errorRate;
    }
    for (auto it = m_samples.begin(); it != m_samples.end();)
        it = m_seen.contains(it.key()) ? std::next(it) : m_samples.erase(it);
    return flows;
}

} // namespace infralab::live
