#pragma once

#include <QObject>

namespace infralab::net {

// The part of one listening component that lives in one network thread: it adopts the
// connections the listener hands to that thread, owns them (a set, idle reaping, a cap shared
// across shards) and drains them on stop. Protocol servers (HTTP, PostgreSQL wire, RESP)
// derive from it. All calls arrive in the shard's own thread.
class ConnectionShard : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Takes ownership of an accepted, non-blocking descriptor.
    virtual void adoptDescriptor(int fd) = 0;
    // Stop taking requests: idle connections close now, busy ones after their current
    // exchange; whatever is left at `deadlineMs` (steady clock) is closed. Emits drained()
    // once no connection is left.
    virtual void beginDrain(qint64 deadlineMs) = 0;
    virtual int connectionCount() const = 0;
    // The listener is at its cap with connections waiting in the backlog: close some of the
    // oldest idle ones (no request in progress, nothing to send), as nginx does with its
    // reusable connections, so an idle crowd cannot lock out active clients. Each closed one
    // is counted in the listener's `reclaimed`. Protocols without idle connections ignore it.
    virtual void reclaimIdle() {}

signals:
    void drained();
};

} // namespace infralab::net
