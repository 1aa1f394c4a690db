#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include "httplog/accesslog.h"
#include "metrics/traffictotals.h"
#include "runtime/linkview.h"
#include "runtime/nodedetail.h"

#include <memory>
#include <utility>

namespace infralab::net {
class FaultPolicy;
}

namespace infralab::runtime {

struct UpstreamLink;

// One running node of a topology: the objects that serve the node's kind on its port(s).
// Made by the ComponentFactory from the node's effective config, started and stopped by
// the Lab. Lives in the runtime's thread; the servers it owns hand their connections to the
// shared EventLoopPool, so a component is never a thread of its own.
class Component : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Component)

public:
    Component(QString nodeId, QString kind, QObject *parent = nullptr);
    ~Component() override;

    const QString &nodeId() const { return m_nodeId; }
    const QString &kind() const { return m_kind; }

    // Binds the port(s) and starts serving. On failure returns false with `error` set to a
    // message that reads well after the node id ("port 8080 is already in use") and leaves
    // nothing listening.
    virtual bool start(QString *error) = 0;
    // Where clients reach the node once started (`http://127.0.0.1:8080`, `redis://…`);
    // empty for kinds that do not listen.
    virtual QString url() const = 0;
    // The bound TCP port once started (0 for kinds that do not listen); callers of this node
    // reach it here.
    virtual quint16 port() const { return 0; }
    // Graceful stop: ports close at once, work in flight drains, then stopped() is emitted
    // once, from the event loop, also when the component never started. Calls after the
    // first add nothing.
    virtual void stop() = 0;

    // Live changes while running. Each returns true when the running component took the
    // change without dropping connections; false means the runtime must restart the node to
    // apply it (the default). `config` is the node's effective config; `upstreams` its
    // running HTTP callees in file order, with their link settings.
    virtual bool applyConfig(const QJsonObject &config)
    {
        Q_UNUSED(config);
        return false;
    }
    virtual bool setUpstreams(const QList<UpstreamLink> &upstreams)
    {
        Q_UNUSED(upstreams);
        return false;
    }

    // Kind-specific live state for the control API and the GUI (a balancer's backends, a
    // generator's progress), as JSON; empty when the kind has none. Called from the
    // component's thread.
    virtual QJsonObject details() const { return {}; }
    // What the Node detail dock shows of the kind beyond the traffic numbers (a balancer's
    // backends table, a generator's sending rate, whether it keeps an access log), typed, so
    // the GUI draws it without knowing the kind. Called from the component's thread.
    virtual NodeDetail detail() const { return {}; }

    // Metrics: what the node served so far (requests, statuses, errors, bytes, latency),
    // added into `into`; false for kinds that serve nothing. Any thread (the counters are the
    // network threads' relaxed atomics). A restarted node starts from zero; the Lab keeps the
    // totals of its earlier runs.
    virtual bool addTraffic(metrics::TrafficTotals &into) const
    {
        Q_UNUSED(into);
        return false;
    }
    virtual int activeConnections() const { return 0; }
    // Per link, what this node saw as the caller (requests, statuses, errors such as refused
    // connections, bytes received, latency), by callee id; empty when it records none.
    virtual QList<std::pair<QString, metrics::TrafficTotals>> linkTraffic() const { return {}; }
    // Per link, what the canvas draws: requests and failures this node counted as the caller,
    // and how it judges the callee. The default reads linkTraffic() and judges nobody; a kind
    // that judges its callees (a balancer's health checks) or counts otherwise (a generator)
    // says so itself. Any thread, like linkTraffic().
    virtual QList<LinkView> linkViews() const;

    // The node's recent requests, newest last, at most `max` (-1: all it keeps); empty for
    // kinds that keep no access log. Any thread.
    virtual QList<httplog::AccessLogEntry> accessLog(int max) const
    {
        Q_UNUSED(max);
        return {};
    }

    // Fault injection's hook on the node's listening connections (null clears it); false for
    // kinds without one. The fault issue builds the policies; this is where they act.
    virtual bool setFaultPolicy(std::shared_ptr<const net::FaultPolicy> policy)
    {
        Q_UNUSED(policy);
        return false;
    }

signals:
    void stopped();
    // Something the user should see on the timeline: `type` is a short stable word
    // ("health-down", "health-up", "ejected", "returned", "config-applied", …), `message` a
    // sentence for people. May be emitted from any thread (the runtime connects queued).
    void eventRaised(const QString &type, const QString &message);

protected:
    // For stop() implementations with nothing to wait for.
    void emitStoppedLater();

private:
    QString m_nodeId;
    QString m_kind;
};

} // namespace infralab::runtime
