#pragma once

#include <QList>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace infralab::net {

// The fixed set of network threads every component shares (DESIGN.md "Threading"): each runs
// its own Qt event loop; listeners hand accepted connections to them round-robin, so a
// component is a set of objects living in these threads, not a thread per node.
class EventLoopPool final
{
    Q_DISABLE_COPY_MOVE(EventLoopPool)

public:
    // threadCount 0 = one per core. `niceness` > 0 runs the threads at that nice(2) value
    // above the process's (Linux per-thread nice): a GUI lowers its lab's network threads so
    // its own frames win the cores when both want them (issue 7's "no frozen frame").
    explicit EventLoopPool(int threadCount = 0, int niceness = 0);
    ~EventLoopPool(); // quits and joins every thread

    int size() const { return int(m_threads.size()); }
    QThread *thread(int index) const { return m_threads.at(index).get(); }
    // The next thread in round-robin order; safe from any thread.
    QThread *nextThread();

    static int defaultThreadCount();

private:
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::atomic<unsigned> m_next{0};
};

} // namespace infralab::net
