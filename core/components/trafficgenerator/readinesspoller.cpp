#include "components/trafficgenerator/readinesspoller.h"

#include "net/listensocket.h"

#include <QSocketNotifier>

#include <cerrno>
#include <sys/epoll.h>

namespace infralab::trafficgenerator {

namespace {
constexpr int MaxEventsPerWakeUp = 256;
} // namespace

ReadinessPoller::ReadinessPoller(QObject *parent)
    : QObject(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll < 0)
        return;
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ReadinessPoller::dispatch);
}

ReadinessPoller::~ReadinessPoller()
{
    delete m_notifier;
    net::closeDescriptor(m_epoll);
}

bool ReadinessPoller::add(int fd, ReadableHandler *handler)
{
    if (m_epoll < 0)
        return false;
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.ptr = handler;
    return ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) == 0;
}

void ReadinessPoller::remove(int fd)
{
    if (m_epoll >= 0)
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
}

void ReadinessPoller::dispatch()
{
    epoll_event events[MaxEventsPerWakeUp];
    int count;
    do {
        count = ::epoll_wait(m_epoll, events, MaxEventsPerWakeUp, 0);
    } while (count < 0 && errno == EINTR);
    // A handler may close its socket, or another's, while we go through the batch: handlers
    // outlive their sockets and check their state, so a stale entry reads nothing.
    for (int i = 0; i < count; ++i)
        static_cast<ReadableHandler *>(events[i].data.ptr)->socketReadable();
}

} // namespace infralab::trafficgenerator
