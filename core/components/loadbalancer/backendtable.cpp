#include "components/loadbalancer/backendtable.h"

#include <QJsonArray>
#include <QObject>

#include <algorithm>

namespace infralab::loadbalancer {

BackendTable::BackendTable(Clock clock, EventSink events)
    : m_clock(std::move(clock))
    , m_events(std::move(events))
    , m_outliers(m_clock, m_events)
    , m_current(std::make_shared<TableSnapshot>())
{}

BackendTable::~BackendTable() = default;

std::shared_ptr<const TableSnapshot> BackendTable::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_current;
}

void BackendTable::raise(const QString &type, const QString &message) const
{
    if (m_events)
        m_events(type, message);
}

void BackendTable::publish(std::shared_ptr<TableSnapshot> next)
{
    std::lock_guard lock(m_mutex);
    next->generation = m_current->generation + 1;
    m_current = std::move(next);
    m_generation.store(m_current->generation, std::memory_order_release);
}

void BackendTable::setBackends(const QList<BackendLink> &links)
{
    const std::shared_ptr<const TableSnapshot> current = snapshot();
    auto next = std::make_shared<TableSnapshot>();
    next->settings = current->settings;
    QStringList messages;
    std::vector<std::shared_ptr<Backend>> kept;
    for (const BackendLink &link : links) {
        std::shared_ptr<Backend> backend;
        for (const auto &existing : current->backends) {
            if (existing->nodeId == link.nodeId && existing->port == link.port)
                backend = existing;
        }
        if (backend) {
            const int oldWeight = backend->weight.exchange(link.settings.weight);
            backend->backup.store(link.settings.backup);
            backend->maxConnections.store(link.settings.maxConnections);
            if (oldWeight != link.settings.weight)
                raise(QStringLiteral("config-applied"), QStringLiteral("%1 weight %2 → %3")
                                                            .arg(backend->nodeId)
                                                            .arg(oldWeight)
                                                            .arg(link.settings.weight));
        } else {
            backend = std::make_shared<Backend>(link.nodeId, link.port, link.settings, m_clock());
            if (m_populated) // not for the initial set
                raise(QStringLiteral("added"),
                      QStringLiteral("%1 joined the pool on port %2 (weight %3)")
                          .arg(link.nodeId)
                          .arg(link.port)
                          .arg(link.settings.weight));
        }
        next->backends.push_back(backend);
    }
    for (const auto &old : current->backends) {
        if (std::find(next->backends.begin(), next->backends.end(), old) != next->backends.end())
            continue;
        old->removed.store(true);
        old->markStateChange(m_clock());
        {
            std::lock_guard lock(m_mutex);
            m_draining.push_back(old);
        }
        raise(QStringLiteral("draining"),
              QStringLiteral("%1 left the pool: %2 requests in flight finish there, new ones go "
                             "elsewhere")
                  .arg(old->nodeId)
                  .arg(old->active.load()));
    }
    m_populated = true;
    publish(std::move(next));
    sweepDrained();
}

void BackendTable::setSettings(const LiveSettings &settings)
{
    const std::shared_ptr<const TableSnapshot> current = snapshot();
    auto next = std::make_shared<TableSnapshot>(*current);
    next->settings = settings;
    publish(std::move(next));
}

void BackendTable::sweepDrained()
{
    QStringList drained;
    {
        std::lock_guard lock(m_mutex);
        auto done = [](const std::shared_ptr<Backend> &b) {
            return b->active.load(std::memory_order_relaxed) == 0;
        };
        for (const auto &backend : m_draining) {
            if (done(backend))
                drained.append(backend->nodeId);
        }
        m_draining.erase(std::remove_if(m_draining.begin(), m_draining.end(), done),
                         m_draining.end());
    }
    for (const QString &id : std::as_const(drained))
        raise(QStringLiteral("drained"),
              QStringLiteral("%1 drained: no request in flight is left there").arg(id));
}

void BackendTable::addWaiter(QObject *context, std::function<void()> wake)
{
    std::lock_guard lock(m_mutex);
    for (const auto &waiter : m_waiters) {
        if (waiter.first == context)
            return;
    }
    m_waiters.emplace_back(context, std::move(wake));
}

void BackendTable::removeWaiter(QObject *context)
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_waiters, [context](const auto &waiter) { return waiter.first == context; });
}

void BackendTable::wakeWaiters()
{
    std::lock_guard lock(m_mutex);
    for (const auto &[context, wake] : m_waiters)
        QMetaObject::invokeMethod(context, wake, Qt::QueuedConnection);
}

namespace {
QJsonObject backendJson(const Backend &backend, qint64 now)
{
    const Backend::Info info = backend.info();
    QJsonObject check;
    if (info.lastCheckMs >= 0) {
        check = QJsonObject{{QLatin1String("ago_ms"), double(now - info.lastCheckMs)},
                            {QLatin1String("ok"), info.lastCheckOk},
                            {QLatin1String("result"), info.lastCheck},
                            {QLatin1String("duration_ms"), info.lastCheckDurationMs}};
    }
    return QJsonObject{
        {QLatin1String("id"), backend.nodeId},
        {QLatin1String("port"), backend.port},
        {QLatin1String("state"), QLatin1String(stateName(backend.state()))},
        {QLatin1String("weight"), backend.weight.load(std::memory_order_relaxed)},
        {QLatin1String("backup"), backend.backup.load(std::memory_order_relaxed)},
        {QLatin1String("max_connections"), backend.maxConnections.load(std::memory_order_relaxed)},
        {QLatin1String("active"), backend.active.load(std::memory_order_relaxed)},
        {QLatin1String("requests"), double(backend.requests.load(std::memory_order_relaxed))},
        {QLatin1String("failures"), double(backend.failures.load(std::memory_order_relaxed))},
        {QLatin1String("last_check"),
         info.lastCheckMs >= 0 ? QJsonValue(check) : QJsonValue(QJsonValue::Null)},
        {QLatin1String("time_in_state_ms"), double(now - info.stateSinceMs)},
    };
}
} // namespace

QJsonObject BackendTable::toJson() const
{
    const qint64 now = m_clock();
    std::shared_ptr<const TableSnapshot> current;
    std::vector<std::shared_ptr<Backend>> draining;
    {
        std::lock_guard lock(m_mutex);
        current = m_current;
        draining = m_draining;
    }
    QJsonArray backends;
    for (const auto &backend : current->backends)
        backends.append(backendJson(*backend, now));
    for (const auto &backend : draining)
        backends.append(backendJson(*backend, now));
    const LiveSettings &s = current->settings;
    return QJsonObject{
        {QLatin1String("algorithm"), algorithmName(s.algorithm)},
        {QLatin1String("sticky_cookie"), QString::fromUtf8(s.stickyCookie)},
        {QLatin1String("queued"), queued()},
        {QLatin1String("backends"), backends},
    };
}

} // namespace infralab::loadbalancer
