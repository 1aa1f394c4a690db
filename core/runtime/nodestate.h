#pragma once

#include <QString>

namespace infralab::runtime {

// Where a node of a running lab is. Failed and Skipped carry a reason (the Lab's stateDetail).
enum class NodeState {
    Stopped,
    Starting,
    Running,
    Stopping,
    Failed,  // detail: e.g. "port 8080 is already in use"
    Skipped, // the kind is not implemented in this version; detail says so
};

// The stable lower-case word for JSON, events and reports ("running", "failed", …).
inline QString nodeStateName(NodeState state)
{
    switch (state) {
    case NodeState::Stopped: return QStringLiteral("stopped");
    case NodeState::Starting: return QStringLiteral("starting");
    case NodeState::Running: return QStringLiteral("running");
    case NodeState::Stopping: return QStringLiteral("stopping");
    case NodeState::Failed: return QStringLiteral("failed");
    case NodeState::Skipped: return QStringLiteral("skipped");
    }
    return QString();
}

} // namespace infralab::runtime
