#include "net/eventlooppool.h"

#include "net/brokenpipe.h"

#include <algorithm>
#include <cerrno>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace infralab::net {

EventLoopPool::EventLoopPool(int threadCount, int niceness)
{
    // Every program that runs components runs them here: the GUI, `infralab run` and tests.
    ignoreBrokenPipe();
    if (threadCount <= 0)
        threadCount = defaultThreadCount();
    m_threads.reserve(threadCount);
    for (int i = 0; i < threadCount; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("infralab-net-%1").arg(i));
        if (niceness > 0) {
            // Direct connection: runs in the new thread before its event loop. On Linux
            // nice is per thread (PRIO_PROCESS with a thread id); raising it needs no privilege.
            QObject::connect(thread.get(), &QThread::started, [niceness] {
                const auto tid = id_t(::syscall(SYS_gettid));
                errno = 0;
                const int current = ::getpriority(PRIO_PROCESS, tid);
                if (errno == 0)
                    ::setpriority(PRIO_PROCESS, tid, std::min(19, current + niceness));
            });
        }
        thread->start();
        m_threads.push_back(std::move(thread));
    }
}

EventLoopPool::~EventLoopPool()
{
    for (auto &thread : m_threads)
        thread->quit();
    for (auto &thread : m_threads)
        thread->wait();
}

QThread *EventLoopPool::nextThread()
{
    const unsigned i = m_next.fetch_add(1, std::memory_order_relaxed);
    return m_threads.at(i % m_threads.size()).get();
}

int EventLoopPool::defaultThreadCount()
{
    return std::max(1, QThread::idealThreadCount());
}

} // namespace infralab::net
