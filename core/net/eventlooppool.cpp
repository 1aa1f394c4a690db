#include "net/eventlooppool.h"

#include <algorithm>

namespace infralab::net {

EventLoopPool::EventLoopPool(int threadCount)
{
    if (threadCount <= 0)
        threadCount = defaultThreadCount();
    m_threads.reserve(threadCount);
    for (int i = 0; i < threadCount; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("infralab-net-%1").arg(i));
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
