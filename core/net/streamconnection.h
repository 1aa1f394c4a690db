#pragma once

#include <QObject>

namespace infralab::net {

class StreamShard;
class StreamSocket;

// One accepted client connection of any protocol (HTTP, PostgreSQL wire, RESP, a test's line
// echo), owned by the StreamShard of its network thread. The shard's sweep asks it for its
// deadlines, drain asks it to finish, and at the listener's cap the shard may close it while
// it is reusable (idle, nothing to send). A subclass closes itself with closeNow(), which ends
// in closed(): the shard forgets it and it is deleted later.
class StreamConnection : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamConnection)

public:
    explicit StreamConnection(StreamShard *shard);
    ~StreamConnection() override;

    // Called by the shard's sweep with the current steady time (milliseconds).
    virtual void checkDeadline(qint64 nowMs) = 0;
    // Stop after the current exchange (or now, when idle).
    virtual void drain() = 0;
    // Closes at once, dropping queued output; must end in closed().
    virtual void closeNow() = 0;
    // Idle with nothing left to send: closing it loses nothing (nginx's reusable connection).
    virtual bool isReusable() const = 0;
    // Steady time since which it has been waiting for the client.
    qint64 idleSinceMs() const { return m_idleSinceMs; }

protected:
    // The connection's socket for the accepted descriptor, a child of this object, with the
    // faults of the listener's fault hook applied: every protocol's bytes pass the same seam.
    StreamSocket *openSocket(int fd);
    void markIdle(qint64 nowMs) { m_idleSinceMs = nowMs; }
    // The end of every closeNow(): the shard forgets the connection, which is deleted later.
    void closed();

private:
    StreamShard *m_shard;
    qint64 m_idleSinceMs = 0;
};

} // namespace infralab::net
