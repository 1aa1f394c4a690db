#pragma once

#include <QObject>

class QSocketNotifier;

namespace infralab::trafficgenerator {

// Something that reads when its socket is readable.
class ReadableHandler
{
public:
    virtual ~ReadableHandler() = default;
    virtual void socketReadable() = 0;
};

// Read readiness of many client sockets behind one QSocketNotifier: an epoll set (level
// triggered), itself readable whenever a member is. Qt's UNIX event dispatcher polls every
// notifier's descriptor on each loop iteration (poll(2) is O(descriptors)) and dispatches each
// through an event; for a load generator with dozens of busy connections that was a fifth of
// its CPU (perf: ppoll, sock_poll, notifier events). Here a wake-up costs one epoll_wait and a
// direct call per ready socket, as in wrk. Linux only; lives in one network thread.
class ReadinessPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadinessPoller)

public:
    explicit ReadinessPoller(QObject *parent = nullptr);
    ~ReadinessPoller() override;

    bool isValid() const { return m_epoll >= 0; }
    // `handler` is called while `fd` is readable, until remove(fd). Both return false when
    // the kernel refuses (the caller then falls back to its own notifier).
    bool add(int fd, ReadableHandler *handler);
    void remove(int fd);

private:
    void dispatch();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace infralab::trafficgenerator
