#pragma once

#include <QtGlobal>

#include <functional>

namespace infralab::net {

// The one steady clock of the engine (std::chrono::steady_clock, CLOCK_MONOTONIC on Linux):
// every deadline, age and latency is measured on it.

// Milliseconds of the monotonic clock, the time base of every deadline in the engine.
qint64 steadyNowMs();
// The same clock in microseconds (latencies, the traffic generator's schedule).
qint64 steadyNowUs();
// steadyNowMs() as read when the thread's ReadinessPoller woke up, while its handlers run (else
// read now): deadlines need milliseconds, not a clock read per use (a dozen per proxied
// request otherwise). Defined in readinesspoller.cpp, which sets it.
qint64 coarseNowMs();

// Milliseconds of a monotonic clock, injected into policies, detectors and collectors so tests
// can drive time; empty = steadyNowMs.
using Clock = std::function<qint64()>;

inline Clock orSteady(Clock clock)
{
    return clock ? std::move(clock) : Clock(&steadyNowMs);
}

} // namespace infralab::net
