#include "net/readinesspoller.h"

#include "net/clock.h"
#include "net/connectionshard.h"
#include "net/listensocket.h"

#include <QAbstractEventDispatcher>
#include <QSocketNotifier>

#include <cerrno>
#include <sys/epoll.h>
#include <utility>

namespace infralab::net {

namespace {

constexpr int MaxEventsPerWakeUp = 256;

thread_local ReadinessPoller *t_poller = nullptr;
thread_local qint64 t_wakeMs = 0; // set while a batch is dispatched

quint32 epollInterest(quint32 interest)
{
    return ((interest & ReadinessPoller::Readable) ? quint32(EPOLLIN) : 0u)
           | ((interest & ReadinessPoller::Writable) ? quint32(EPOLLOUT) : 0u);
}

} // namespace

qint64 coarseNowMs()
{
    return t_wakeMs != 0 ? t_wakeMs : steadyNowMs();
}

ReadinessPoller::ReadinessPoller(QObject *parent)
    : QObject(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll < 0)
        return;
    m_batch = new epoll_event[MaxEventsPerWakeUp];
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ReadinessPoller::dispatch);
}

ReadinessPoller::~ReadinessPoller()
{
    if (t_poller == this)
        t_poller = nullptr;
    delete m_notifier;
    delete[] m_batch;
    closeDescriptor(m_epoll);
}

ReadinessPoller *ReadinessPoller::forCurrentThread()
{
    if (t_poller)
        return t_poller;
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    if (!dispatcher)
        return nullptr;
    auto *poller = new ReadinessPoller(dispatcher);
    if (!poller->isValid()) {
        delete poller; // out of descriptors: the next socket asks again
        return nullptr;
    }
    t_poller = poller;
    return poller;
}

bool ReadinessPoller::add(int fd, ReadinessHandler *handler, quint32 interest)
{
    if (m_epoll < 0)
        return false;
    epoll_event event{};
    event.events = epollInterest(interest);
    event.data.ptr = handler;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0)
        return false;
    ++m_registered;
    return true;
}

bool ReadinessPoller::modify(int fd, ReadinessHandler *handler, quint32 interest)
{
    if (m_epoll < 0)
        return false;
    epoll_event event{};
    event.events = epollInterest(interest);
    event.data.ptr = handler;
    return ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event) == 0;
}

void ReadinessPoller::remove(int fd, ReadinessHandler *handler)
{
    if (m_epoll < 0)
        return;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr) == 0)
        --m_registered;
    // The handler may be deleted as soon as we return: forget its events still in this batch.
    for (int i = m_batchNext; i < m_batchCount; ++i) {
        if (m_batch[i].data.ptr == handler)
            m_batch[i].data.ptr = nullptr;
    }
}

void ReadinessPoller::dispatch()
{
    // A nested event loop inside a handler must not start a second batch over this one; the
    // epoll descriptor stays readable, so what is left is seen once the outer batch is done.
    if (m_batchCount > 0)
        return;
    int count;
    do {
        count = ::epoll_wait(m_epoll, m_batch, MaxEventsPerWakeUp, 0);
    } while (count < 0 && errno == EINTR);
    if (count <= 0)
        return;
    m_batchCount = count;
    const qint64 outerWakeMs = std::exchange(t_wakeMs, steadyNowMs());
    for (m_batchNext = 0; m_batchNext < m_batchCount;) {
        const epoll_event &event = m_batch[m_batchNext++];
        auto *handler = static_cast<ReadinessHandler *>(event.data.ptr);
        if (!handler)
            continue; // removed by an earlier handler of this batch
        quint32 ready = 0;
        if (event.events & (EPOLLIN | EPOLLHUP | EPOLLERR))
            ready |= Readable;
        if (event.events & (EPOLLOUT | EPOLLHUP | EPOLLERR))
            ready |= Writable;
        handler->descriptorReady(ready);
    }
    t_wakeMs = outerWakeMs;
    m_batchCount = 0;
    m_batchNext = 0;
}

} // namespace infralab::net
