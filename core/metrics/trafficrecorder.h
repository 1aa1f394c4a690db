#pragma once

#include "metrics/latencyhistogram.h"
#include "metrics/traffictotals.h"

#include <atomic>
#include <memory>
#include <vector>

namespace infralab::metrics {

// The counters of one recorder in one network thread. Exactly one thread writes (the one that
// owns the connections), any thread reads: single-writer relaxed atomics, so recording is plain
// loads and stores, no lock prefix and no cache line shared with another writer.
class alignas(64) TrafficCounters final
{
    Q_DISABLE_COPY_MOVE(TrafficCounters)

public:
    TrafficCounters() = default;

    void addRequest() { bump(m_requests, 1); }
    // A handled exchange: its status class and how long it took. A 5xx also counts as a
    // ServerError.
    void addResponse(int status, qint64 latencyUs)
    {
        const int statusClass = classOf(status);
        bump(m_responses[std::size_t(statusClass)], 1);
        if (statusClass == 5)
            bump(m_errors[std::size_t(ErrorKind::ServerError)], 1);
        m_latency.record(latencyUs);
    }
    // A request answered with an error before any handler saw it (400 for bad syntax, 408):
    // its status class and the error's kind, no latency.
    void addRejected(int status, ErrorKind kind)
    {
        bump(m_responses[std::size_t(classOf(status))], 1);
        addError(kind);
    }
    void addError(ErrorKind kind) { bump(m_errors[std::size_t(kind)], 1); }
    void addBytesIn(qint64 bytes) { bump(m_bytesIn, quint64(bytes)); }
    void addBytesOut(qint64 bytes) { bump(m_bytesOut, quint64(bytes)); }

    void addTo(TrafficTotals &into) const;

private:
    static int classOf(int status) { return status >= 100 && status < 600 ? status / 100 : 5; }
    static void bump(std::atomic<quint64> &counter, quint64 by)
    {
        counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
    }

    std::atomic<quint64> m_requests{0};
    std::array<std::atomic<quint64>, 6> m_responses{};
    std::array<std::atomic<quint64>, errorKindCount> m_errors{};
    std::atomic<quint64> m_bytesIn{0};
    std::atomic<quint64> m_bytesOut{0};
    SharedLatencyHistogram m_latency;
};

// One TrafficCounters per network thread for one recorder (an HTTP server, a link): thread i
// of the pool writes forThread(i) only; totals() adds them up from any thread. Shared by the
// owner and its per-thread parts (std::shared_ptr), so a snapshot after a stop still works.
class TrafficRecorder final
{
    Q_DISABLE_COPY_MOVE(TrafficRecorder)

public:
    explicit TrafficRecorder(int threadCount);

    int threadCount() const { return int(m_threads.size()); }
    TrafficCounters &forThread(int index) { return *m_threads.at(std::size_t(index)); }
    TrafficTotals totals() const;

private:
    std::vector<std::unique_ptr<TrafficCounters>> m_threads;
};

} // namespace infralab::metrics
