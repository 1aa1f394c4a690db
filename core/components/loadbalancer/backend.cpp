#include "components/loadbalancer/backend.h"

#include "components/loadbalancer/balancingpolicy.h"

namespace infralab::loadbalancer {

const char *stateName(BackendState state)
{
    switch (state) {
    case BackendState::Draining: return "draining";
    case BackendState::Down: return "down";
    case BackendState::Ejected: return "ejected";
    case BackendState::Up: return "up";
    }
    return "up";
}

Backend::Backend(QString id, quint16 backendPort, const LinkSettings &settings, qint64 nowMs)
    : nodeId(std::move(id))
    , cookieValue(nodeId.toUtf8())
    , port(backendPort)
    , key(stableHash(cookieValue))
    , weight(settings.weight)
    , maxConnections(settings.maxConnections)
    , backup(settings.backup)
{
    m_info.stateSinceMs = nowMs;
}

bool Backend::tryAcquire()
{
    const int max = maxConnections.load(std::memory_order_relaxed);
    if (max == 0) {
        active.fetch_add(1, std::memory_order_relaxed);
    } else {
        int current = active.load(std::memory_order_relaxed);
        do {
            if (current >= max)
                return false;
        } while (!active.compare_exchange_weak(current, current + 1, std::memory_order_relaxed));
    }
    requests.fetch_add(1, std::memory_order_relaxed);
    return true;
}

BackendState Backend::state() const
{
    if (removed.load(std::memory_order_relaxed))
        return BackendState::Draining;
    if (!healthy.load(std::memory_order_relaxed))
        return BackendState::Down;
    if (ejected.load(std::memory_order_relaxed))
        return BackendState::Ejected;
    return BackendState::Up;
}

Backend::Info Backend::info() const
{
    std::lock_guard lock(m_infoMutex);
    return m_info;
}

void Backend::setLastCheck(qint64 atMs, int durationMs, bool ok, const QString &result)
{
    std::lock_guard lock(m_infoMutex);
    m_info.lastCheckMs = atMs;
    m_info.lastCheckDurationMs = durationMs;
    m_info.lastCheckOk = ok;
    m_info.lastCheck = result;
}

void Backend::markStateChange(qint64 atMs)
{
    std::lock_guard lock(m_infoMutex);
    m_info.stateSinceMs = atMs;
}

} // namespace infralab::loadbalancer
