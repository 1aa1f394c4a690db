#pragma once

#include "components/loadbalancer/backend.h"

#include <memory>
#include <mutex>
#include <span>

namespace infralab::loadbalancer {

// Envoy's consecutive-5xx outlier detection (component-specs.md §3), the balancer's passive
// health: `consecutive5xx` failures in a row (5xx answers, refused or reset connections,
// timeouts) eject a backend for baseTimeMs × the number of times it was ejected, at most
// maxTimeMs (300 s, or the base if larger). Never more than maxPercent of the pool at once,
// though one can always be ejected, and never more than half the pool (so a single backend
// is never ejected: like nginx, a pool of one is never marked down by failures).
// Thread-safe: record() runs in every network thread; the success path is one relaxed load,
// ejection takes the lock (rare). sweep() returns ejected backends whose time is up.
class OutlierDetector final
{
    Q_DISABLE_COPY_MOVE(OutlierDetector)

public:
    struct Settings
    {
        int consecutive5xx = 0; // 0 = off
        qint64 baseTimeMs = 30000;
        int maxPercent = 10;
        qint64 maxTimeMs = 300000;
    };
    using Pool = std::span<const std::shared_ptr<Backend>>;

    OutlierDetector(Clock clock, EventSink events);

    void setSettings(const Settings &settings);
    Settings settings() const;

    // One finished attempt on `backend`; `pool` is the table's current backends (the cap).
    void record(Backend &backend, bool failure, Pool pool);
    // Returns every ejected backend of `pool` whose ejection time is over.
    void sweep(Pool pool);
    // How many backends of a pool of `poolSize` may be ejected at once.
    static int ejectionCap(int poolSize, int maxPercent);

private:
    void eject(Backend &backend, Pool pool);

    Clock m_clock;
    EventSink m_events;
    mutable std::mutex m_mutex;
    Settings m_settings;
    std::atomic<int> m_threshold{0}; // the hot path's copy of consecutive5xx
};

} // namespace infralab::loadbalancer
