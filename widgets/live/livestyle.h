#pragma once

#include "canvas/nodeitem.h"
#include "runtime/nodestate.h"

#include <QColor>
#include <QString>

namespace infralab {

// How a node's run state shows on the canvas and in the docks: one colour and one short
// badge word per state, the same everywhere. "Unhealthy" is not a runtime state: a running
// node that a caller (a balancer) marks down or ejected, or that fails most requests.
enum class LiveState { Stopped, Starting, Running, Unhealthy, Stopping, Failed, Skipped };

LiveState liveStateOf(runtime::NodeState state, bool unhealthy);
QColor liveStateColor(LiveState state);
// The card's own state dot (NodeItem::setRunState) for a live state.
NodeItem::RunState cardRunState(LiveState state);
QString liveStateText(LiveState state); // translated: "running", "failed", …

// A link's colour by the failed share of its requests: green, through amber, to red at 20%.
QColor errorRateColor(double errorRate);

// "1.23k req/s", "850 req/s", "0.4 req/s"
QString rateText(double perSecond);
// "0.42 ms", "12.3 ms", "1.20 s"
QString latencyText(double milliseconds);

} // namespace infralab
