#pragma once

#include "httplog/accesslog.h"
#include "metrics/metricscollector.h"
#include "runtime/nodedetail.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace infralab::live {

// The traffic on one link of a running lab during the last tick, as the canvas draws it.
struct LinkFlow
{
    QString from;
    QString to;
    double rps = 0;       // requests per second from `from` to `to`
    double errorRate = 0; // failed share of those requests, 0..1
    // The caller's view of the callee when it has one (a balancer's backend: "up", "down",
    // "ejected", "draining"); "stopped" when the callee does not run, "unavailable" when its
    // kind cannot run in this version; empty when unknown.
    QString calleeState;
    bool exact = false; // counted by the caller (balancer, generator) rather than estimated
    bool isDown() const
    {
        return calleeState == QLatin1String("down") || calleeState == QLatin1String("ejected")
               || calleeState == QLatin1String("stopped");
    }
};

// The watched node's recent requests (access log tail), newest last.
struct AccessLogTail
{
    QString nodeId;
    QList<httplog::AccessLogEntry> entries;
};

// Everything the window needs from one 250 ms tick of a running lab, made in the runtime
// thread and never changed afterwards, so the GUI reads it without locks: the collector's
// snapshot, the flow on every link, the kind details of the nodes that have them (balancers'
// backend tables, generators' reports: as JSON, Component::details(), and as what the Node
// detail dock draws, Component::detail()) and the watched node's access log tail.
struct LiveSnapshot
{
    std::shared_ptr<const metrics::MetricsSnapshot> metrics;
    qint64 wallMs = 0; // wall clock of the tick, ms since the epoch (chart time axis)
    QList<LinkFlow> links;
    QHash<QString, QJsonObject> details;
    QHash<QString, runtime::NodeDetail> nodeDetails; // the non-empty ones
    AccessLogTail accessLog;

    const metrics::NodeMetrics *node(const QString &nodeId) const
    {
        return metrics ? metrics->find(nodeId) : nullptr;
    }
    const runtime::NodeDetail *nodeDetail(const QString &nodeId) const
    {
        const auto it = nodeDetails.constFind(nodeId);
        return it == nodeDetails.cend() ? nullptr : &*it;
    }
    const LinkFlow *link(const QString &from, const QString &to) const;
};

} // namespace infralab::live
