#pragma once

#include <QtGlobal>

#include <deque>

namespace infralab::live {

// How a node's answers look to its callers, judged on the failed share of its requests (5xx
// answers and failed exchanges) like Kiali's default health: at least 0.1 % failed is
// degraded, more than 10 % is failing.
enum class TrafficHealth { NoTraffic, Healthy, Degraded, Failing };

inline constexpr double DegradedShare = 0.001;
inline constexpr double FailingShare = 0.10;

TrafficHealth judgeTraffic(quint64 requests, quint64 failures);

// The failed share of a node's requests over the last `windowMs`, from cumulative counters
// sampled with the sampler's own monotonic times (the metrics tick's timeMs): pure, so a test
// drives it with explicit times.
class TrafficHealthWindow
{
public:
    explicit TrafficHealthWindow(qint64 windowMs = 5000)
        : m_windowMs(windowMs)
    {}

    // Counters only grow; a sample with smaller counters (a restarted node) starts over.
    void add(qint64 timeMs, quint64 requests, quint64 failures);
    void clear() { m_samples.clear(); }

    quint64 requests() const; // in the window
    quint64 failures() const;
    double failedShare() const; // 0 without traffic
    TrafficHealth health() const { return judgeTraffic(requests(), failures()); }

private:
    struct Sample
    {
        qint64 timeMs;
        quint64 requests;
        quint64 failures;
    };
    qint64 m_windowMs;
    std::deque<Sample> m_samples; // oldest first; the first is the window's baseline
};

} // namespace infralab::live
