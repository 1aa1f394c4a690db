#pragma once

#include "metrics/latencyhistogram.h"
#include "net/clock.h"

#include <QMap>

#include <array>
#include <atomic>
#include <type_traits>

namespace infralab::trafficgenerator {

// Why a request got no response (wrk's socket errors, plus malformed answers).
enum class ErrorClass : quint8 {
    Connect,  // refused, unreachable or not connected within the timeout
    Timeout,  // no complete response within timeout_ms
    Reset,    // the connection was reset or closed before the response was complete
    Protocol, // the response was not valid HTTP/1.1
};
constexpr int ErrorClassCount = 4;

// Microseconds of the engine's monotonic clock: the generator's time base in every thread.
using net::steadyNowUs;

// Everything one network thread's share of a generator counted, merged into plain values.
struct GeneratorTotals
{
    quint64 sent = 0;                     // requests written
    quint64 responses = 0;                // complete responses, any status
    std::array<quint64, 6> statusClass{}; // index = status / 100 (1xx … 5xx); 0 unused
    QMap<int, quint64> statusCodes;       // 200 → count, …
    std::array<quint64, ErrorClassCount> errors{};
    quint64 late = 0;      // open model: sent more than 10 ms after they were due
    quint64 dropped = 0;   // open model: due but never sent (no free connection in time)
    quint64 cancelled = 0; // in flight when the generator was stopped
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 connectionsOpened = 0;
    int openConnections = 0;
    int inFlight = 0;
    // Closed model: from the send to the last byte. Open model: from when the request was
    // due (coordinated omission corrected, as wrk2 does).
    metrics::LatencyHistogram latency;
    // Open model only: from the actual send (what wrk2 --u_latency shows).
    metrics::LatencyHistogram serviceTime;

    quint64 errorCount(ErrorClass error) const { return errors[std::size_t(error)]; }
    quint64 socketErrors() const;
    quint64 completed() const { return responses + socketErrors(); }
    void merge(const GeneratorTotals &other);
};

// The counters of one network thread's share of a generator. Written only by that thread
// (relaxed single-writer atomics, no lock prefix on the hot path); read at any time by the
// generator's own thread for reports.
class GeneratorStats
{
public:
    static constexpr qint64 LateAfterUs = 10'000;

    void countSent(qint64 bytes)
    {
        bump(m_sent, 1);
        bump(m_bytesOut, quint64(bytes));
        bump(m_inFlight, 1);
    }
    // `serviceUs` < 0: the closed model, where latency is the service time.
    void countResponse(int status, qint64 latencyUs, qint64 serviceUs);
    void countError(ErrorClass error)
    {
        bump(m_errors[std::size_t(error)], 1);
        bump(m_inFlight, -1);
    }
    void countCancelled()
    {
        bump(m_cancelled, 1);
        bump(m_inFlight, -1);
    }
    void countBytesIn(qint64 bytes) { bump(m_bytesIn, quint64(bytes)); }
    void countLate() { bump(m_late, 1); }
    void countDropped(quint64 count) { bump(m_dropped, count); }
    void countConnectionOpened()
    {
        bump(m_opened, 1);
        bump(m_open, 1);
    }
    void countConnectionClosed() { bump(m_open, -1); }

    void addTo(GeneratorTotals &totals) const;
    int openConnections() const { return m_open.load(std::memory_order_relaxed); }

private:
    template<typename T>
    static void bump(std::atomic<T> &counter, std::type_identity_t<T> by)
    {
        counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
    }

    static constexpr int FirstCode = 100;
    static constexpr int CodeCount = 500; // 100 … 599

    std::atomic<quint64> m_sent{0};
    std::atomic<quint64> m_responses{0};
    std::array<std::atomic<quint64>, CodeCount> m_codes{};
    std::array<std::atomic<quint64>, ErrorClassCount> m_errors{};
    std::atomic<quint64> m_late{0};
    std::atomic<quint64> m_dropped{0};
    std::atomic<quint64> m_cancelled{0};
    std::atomic<quint64> m_bytesIn{0};
    std::atomic<quint64> m_bytesOut{0};
    std::atomic<quint64> m_opened{0};
    std::atomic<int> m_open{0};
    std::atomic<int> m_inFlight{0};
    metrics::SharedLatencyHistogram m_latency;
    metrics::SharedLatencyHistogram m_serviceTime;
};

} // namespace infralab::trafficgenerator
