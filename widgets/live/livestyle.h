#pragma once

#include "canvas/nodeitem.h"
#include "metrics/quantitytext.h"
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

// rateText() and latencyText() live in core (metrics/quantitytext.h): kinds write their own
// detail lines with them.

} // namespace infralab
