#pragma once

#include <QList>
#include <QString>

namespace infralab::runtime {

// How a caller judges the callee of one of its links: a balancer's health checks and
// outlier ejection, a drain after the link went away. Unknown when the caller does not judge.
enum class CalleeHealth : quint8 { Unknown, Up, Down, Ejected, Draining };

// The stable word for the canvas and the tests: "", "up", "down", "ejected", "draining".
QString calleeHealthName(CalleeHealth health);
CalleeHealth calleeHealthFromName(QStringView name);

// One link as its caller counted it, cumulative since the caller started: what the canvas
// draws on the link (Component::linkViews()). Counts are doubles because a caller without
// per-link counters (a traffic generator) shares its totals among its links by weight.
struct LinkView
{
    QString calleeId;
    double requests = 0; // sent on the link
    double failures = 0; // of those, failed: no answer (refused, reset, timeout) or a 5xx
    CalleeHealth health = CalleeHealth::Unknown;
};

} // namespace infralab::runtime
