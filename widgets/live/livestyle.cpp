#include "live/livestyle.h"

#include "canvas/nodeitem.h"

#include <QCoreApplication>

#include <algorithm>

namespace infralab {

LiveState liveStateOf(runtime::NodeState state, bool unhealthy, live::TrafficHealth health)
{
    switch (state) {
    case runtime::NodeState::Stopped: return LiveState::Stopped;
    case runtime::NodeState::Starting: return LiveState::Starting;
    case runtime::NodeState::Running:
        if (health == live::TrafficHealth::Failing)
            return LiveState::Failing;
        if (unhealthy)
            return LiveState::Unhealthy;
        return health == live::TrafficHealth::Degraded ? LiveState::Degraded : LiveState::Running;
    case runtime::NodeState::Stopping: return LiveState::Stopping;
    case runtime::NodeState::Failed: return LiveState::Failed;
    case runtime::NodeState::Skipped: return LiveState::Skipped;
    }
    return LiveState::Stopped;
}

QColor liveStateColor(LiveState state)
{
    return NodeItem::runStateColor(cardRunState(state)); // the card's dot and the ring agree
}

QString liveStateText(LiveState state)
{
    switch (state) {
    case LiveState::Stopped: return QCoreApplication::translate("LiveState", "stopped");
    case LiveState::Starting: return QCoreApplication::translate("LiveState", "starting");
    case LiveState::Running: return QCoreApplication::translate("LiveState", "running");
    case LiveState::Unhealthy: return QCoreApplication::translate("LiveState", "unhealthy");
    case LiveState::Stopping: return QCoreApplication::translate("LiveState", "stopping");
    case LiveState::Failed: return QCoreApplication::translate("LiveState", "failed");
    case LiveState::Skipped: return QCoreApplication::translate("LiveState", "not available");
    case LiveState::Degraded: return QCoreApplication::translate("LiveState", "degraded");
    case LiveState::Failing: return QCoreApplication::translate("LiveState", "failing");
    }
    return QString();
}

NodeItem::RunState cardRunState(LiveState state)
{
    switch (state) {
    case LiveState::Stopped: return NodeItem::RunState::Stopped;
    case LiveState::Skipped: return NodeItem::RunState::Skipped;
    case LiveState::Starting:
    case LiveState::Stopping: return NodeItem::RunState::Starting;
    case LiveState::Running: return NodeItem::RunState::Running;
    case LiveState::Unhealthy:
    case LiveState::Degraded: return NodeItem::RunState::Degraded;
    case LiveState::Failed:
    case LiveState::Failing: return NodeItem::RunState::Failed;
    }
    return NodeItem::RunState::None;
}

QColor errorRateColor(double errorRate)
{
    const QColor ok(0x2f, 0x9e, 0x44);
    const QColor warn(0xf0, 0x8c, 0x00);
    const QColor bad(0xe0, 0x31, 0x31);
    const auto mix = [](const QColor &a, const QColor &b, double t) {
        return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                                float(a.greenF() + (b.greenF() - a.greenF()) * t),
                                float(a.blueF() + (b.blueF() - a.blueF()) * t));
    };
    const double rate = std::clamp(errorRate, 0.0, 1.0);
    if (rate <= 0.0)
        return ok;
    if (rate < 0.05)
        return mix(ok, warn, rate / 0.05);
    return mix(warn, bad, std::min(1.0, (rate - 0.05) / 0.15));
}

} // namespace infralab
