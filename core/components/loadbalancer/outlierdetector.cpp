#include "components/loadbalancer/outlierdetector.h"

#include <QStringList>

#include <algorithm>

namespace infralab::loadbalancer {

OutlierDetector::OutlierDetector(Clock clock, EventSink events)
    : m_clock(std::move(clock))
    , m_events(std::move(events))
{}

void OutlierDetector::setSettings(const Settings &settings)
{
    std::lock_guard lock(m_mutex);
    m_settings = settings;
    m_threshold.store(settings.consecutive5xx, std::memory_order_relaxed);
}

OutlierDetector::Settings OutlierDetector::settings() const
{
    std::lock_guard lock(m_mutex);
    return m_settings;
}

int OutlierDetector::ejectionCap(int poolSize, int maxPercent)
{
    const int byPercent = std::max(1, poolSize * maxPercent / 100);
    return std::min(byPercent, poolSize / 2);
}

void OutlierDetector::record(Backend &backend, bool failure, Pool pool)
{
    if (!failure) {
        // Written only when it changes, so healthy traffic does not bounce the cache line.
        if (backend.consecutiveFailures.load(std::memory_order_relaxed) != 0)
            backend.consecutiveFailures.store(0, std::memory_order_relaxed);
        return;
    }
    const int threshold = m_threshold.load(std::memory_order_relaxed);
    const int failures = backend.consecutiveFailures.fetch_add(1, std::memory_order_relaxed) + 1;
    if (threshold > 0 && failures >= threshold && !backend.ejected.load(std::memory_order_relaxed))
        eject(backend, pool);
}

void OutlierDetector::eject(Backend &backend, Pool pool)
{
    QString message;
    {
        std::lock_guard lock(m_mutex);
        if (backend.ejected.load(std::memory_order_relaxed) || m_settings.consecutive5xx <= 0)
            return;
        const int ejectedNow = int(std::count_if(pool.begin(), pool.end(), [](const auto &b) {
            return b->ejected.load(std::memory_order_relaxed);
        }));
        const int cap = ejectionCap(int(pool.size()), m_settings.maxPercent);
        const int failures = backend.consecutiveFailures.load(std::memory_order_relaxed);
        if (ejectedNow >= cap) {
            // Envoy counts this as "ejections_overflow": the backend stays in, its count resets.
            backend.consecutiveFailures.store(0, std::memory_order_relaxed);
            return;
        }
        const qint64 now = m_clock();
        ++backend.timesEjected;
        const qint64 longest = std::max(m_settings.maxTimeMs, m_settings.baseTimeMs);
        const qint64 duration = std::min(m_settings.baseTimeMs * backend.timesEjected, longest);
        backend.ejectedUntilMs = now + duration;
        backend.consecutiveFailures.store(0, std::memory_order_relaxed);
        backend.ejected.store(true, std::memory_order_relaxed);
        backend.markStateChange(now);
        message = QStringLiteral("%1 ejected after %2 consecutive failures, for %3 ms (ejection "
                                 "%4); %5 of %6 backends ejected")
                      .arg(backend.nodeId)
                      .arg(failures)
                      .arg(duration)
                      .arg(backend.timesEjected)
                      .arg(ejectedNow + 1)
                      .arg(pool.size());
    }
    if (m_events)
        m_events(QStringLiteral("ejected"), message);
}

void OutlierDetector::sweep(Pool pool)
{
    QStringList returned;
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_clock();
        for (const auto &backend : pool) {
            if (!backend->ejected.load(std::memory_order_relaxed) || now < backend->ejectedUntilMs)
                continue;
            backend->ejected.store(false, std::memory_order_relaxed);
            backend->consecutiveFailures.store(0, std::memory_order_relaxed);
            backend->markStateChange(now);
            returned.append(backend->nodeId);
        }
    }
    if (!m_events)
        return;
    for (const QString &id : std::as_const(returned))
        m_events(QStringLiteral("returned"),
                 QStringLiteral("%1 returned to the pool: its ejection time is over").arg(id));
}

} // namespace infralab::loadbalancer
