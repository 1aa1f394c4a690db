#pragma once

#include "net/clock.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <mutex>

namespace infralab::loadbalancer {

// The engine's injected monotonic clock (milliseconds): policies and detectors take one so tests
// can drive time.
using Clock = net::Clock;
// Where backend state changes go: `type` a short stable word, `message` a sentence. Called from
// any thread (Component::eventRaised may be emitted from any thread).
using EventSink = std::function<void(const QString &type, const QString &message)>;

// A link's settings (DESIGN.md link config of a load balancer).
struct LinkSettings
{
    int weight = 1;
    bool backup = false;
    int maxConnections = 0; // 0 = unlimited
};

// What the stats page and the events call a backend's condition, most severe first.
enum class BackendState : quint8 { Draining, Down, Ejected, Up };
const char *stateName(BackendState state); // "draining", "down", "ejected", "up"

// One backend: a link of the balancer to a running node, shared by every network thread, the
// health checker and the component (through shared_ptr: snapshots and in-flight requests keep
// it alive after it left the table, which is how draining works). Each group of fields has one
// writer, documented below; readers use relaxed atomics (a pick may see a change one request
// late, which is harmless).
class Backend final
{
    Q_DISABLE_COPY_MOVE(Backend)

public:
    Backend(QString nodeId, quint16 port, const LinkSettings &settings, qint64 nowMs);

    const QString nodeId;
    const QByteArray cookieValue; // the sticky cookie's value: the node id
    const quint16 port;
    const quint64 key; // stable hash of the node id (hash rings)

    // Link settings: written by BackendTable (the component's thread) on live changes.
    std::atomic<int> weight;
    std::atomic<int> maxConnections;
    std::atomic<bool> backup;
    // Written by the HealthChecker only.
    std::atomic<bool> healthy{true};
    // Written by the OutlierDetector only (under its lock).
    std::atomic<bool> ejected{false};
    std::atomic<int> consecutiveFailures{0}; // also reset by any network thread on success
    int timesEjected = 0;                    // guarded by the detector's lock
    qint64 ejectedUntilMs = 0;               // guarded by the detector's lock
    // Written by BackendTable when the backend leaves the table.
    std::atomic<bool> removed{false};
    // Load: every network thread.
    std::atomic<int> active{0};
    std::atomic<quint64> requests{0};
    std::atomic<quint64> failures{0};

    // Up, not ejected, still in the table: may take new requests (weight and slots aside).
    bool isAvailable() const
    {
        return healthy.load(std::memory_order_relaxed) && !ejected.load(std::memory_order_relaxed)
               && !removed.load(std::memory_order_relaxed);
    }
    bool hasFreeSlot() const
    {
        const int max = maxConnections.load(std::memory_order_relaxed);
        return max == 0 || active.load(std::memory_order_relaxed) < max;
    }
    // Takes one of max_connections (always succeeds when unlimited); counts the request.
    bool tryAcquire();
    void release() { active.fetch_sub(1, std::memory_order_relaxed); }

    BackendState state() const;

    // For the stats page: the last health check and when the state last changed. Rare writes
    // from the health checker and the detector, reads from the component's thread.
    struct Info
    {
        qint64 stateSinceMs = 0;
        qint64 lastCheckMs = -1; // never checked yet
        int lastCheckDurationMs = 0;
        bool lastCheckOk = false;
        QString lastCheck; // "200 OK", "connection refused", "timeout after 1000 ms"
    };
    Info info() const;
    void setLastCheck(qint64 atMs, int durationMs, bool ok, const QString &result);
    void markStateChange(qint64 atMs);

private:
    mutable std::mutex m_infoMutex;
    Info m_info;
};

} // namespace infralab::loadbalancer
