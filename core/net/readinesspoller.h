#pragma once

#include <QObject>

class QSocketNotifier;
struct epoll_event;

namespace infralab::net {

// What a ReadinessPoller calls when a registered descriptor is ready. The handler may remove
// itself or others, delete itself or close descriptors inside the call.
class ReadinessHandler
{
public:
    virtual void descriptorReady(quint32 events) = 0; // ReadinessPoller::Readable | Writable

protected:
    ~ReadinessHandler() = default;
};

// The readiness of many sockets of one network thread behind ONE QSocketNotifier: an epoll
// set, itself readable whenever a member is ready. Qt's UNIX event dispatcher polls every
// notifier's descriptor on each loop iteration (ppoll(2) is O(descriptors)) and dispatches
// each readiness through an event; with three web servers, a balancer and its upstream pools
// in one thread that was ~150 descriptors per wake-up. Here a wake-up costs one epoll_wait and
// a direct call per ready descriptor, as in nginx or wrk.
// Level-triggered, like QSocketNotifier: a handler is called again on the next wake-up while
// its descriptor stays ready for what it asked. A hang-up or an error is reported as both
// readable and writable (a read or write then tells which), and even with no interest at all,
// so a handler that wants nothing for a while should remove its descriptor.
// One per thread (forCurrentThread()), living in it; Linux only.
class ReadinessPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadinessPoller)

public:
    enum Event : quint32 { Readable = 1, Writable = 2 };

    explicit ReadinessPoller(QObject *parent = nullptr);
    ~ReadinessPoller() override;

    // The calling thread's poller, made on first use as a child of the thread's event
    // dispatcher (so it goes when the thread's event loop does); null in a thread without one.
    static ReadinessPoller *forCurrentThread();

    bool isValid() const { return m_epoll >= 0; }
    // `handler` is called while `fd` is ready for `interest` (Readable | Writable), until
    // remove(). Each returns false when the kernel refuses.
    bool add(int fd, ReadinessHandler *handler, quint32 interest);
    bool modify(int fd, ReadinessHandler *handler, quint32 interest);
    // Call before closing `fd` (the kernel may give its number to the next socket at once).
    // Events of `handler` still waiting in the batch being dispatched are dropped, so it may
    // be deleted right after.
    void remove(int fd, ReadinessHandler *handler);
    int size() const { return m_registered; }

private:
    void dispatch();

    int m_epoll = -1;
    int m_registered = 0;
    QSocketNotifier *m_notifier = nullptr;
    epoll_event *m_batch = nullptr; // the wake-up being dispatched
    int m_batchNext = 0;
    int m_batchCount = 0;
};

} // namespace infralab::net
