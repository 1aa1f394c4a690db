#pragma once

#include "canvas/nodeitem.h"
#include "live/traffichealth.h"
#include "metrics/quantitytext.h"
#include "runtime/nodestate.h"

#include <QColor>
#include <QString>

namespace infralab {

// How a node's run state shows on the canvas and in the docks: one colour and one short
// badge word per state, the same everywhere. Unhealthy, Degraded and Failing are not runtime
// states but how a running node is judged: Unhealthy when a caller (a balancer) marks it down
// or ejects it, Degraded and Failing by the failed share of its answers (live::TrafficHealth,
// Kiali's thresholds: at least 0.1 %, more than 10 %).
enum class LiveState {
    Stopped,
    Starting,
    Running,
    Unhealthy,
    Stopping,
    Failed,
    Skipped,
    Degraded,
    Failing
};

LiveState liveStateOf(runtime::NodeState state, bool unhealthy,
                      live::TrafficHealth health = live::TrafficHealth::NoTraffic);
QColor liveStateColor(LiveState state);
// The card's own state dot (NodeItem::setRunState) for a live state.
NodeItem::RunState cardRunState(LiveState state);
QString liveStateText(LiveState state); // translated: "running", "failed", …

// A link's colour by the failed share of its requests: green, through amber, to red at 20%.
QColor errorRateColor(double errorRate);

// rateText() and latencyText() live in core (metrics/quantitytext.h): kinds write their own
// detail lines with them.

} // namespace infralab
