#include "components/loadbalancer/healthchecker.h"

#include "upstream/upstreamexchange.h"
#include "upstream/upstreampool.h"

#include <QTimer>

#include <algorithm>

namespace infralab::loadbalancer {

// One backend's checks: its rise/fall state, when the next check is due and the check in flight.
class HealthChecker::Probe final : public upstream::UpstreamListener
{
public:
    Probe(HealthChecker &checker, std::shared_ptr<Backend> backend)
        : m_checker(checker)
        , m_backend(std::move(backend))
        , m_state(checker.m_settings.rise, checker.m_settings.fall,
                  m_backend->healthy.load(std::memory_order_relaxed))
    {}
    ~Probe() override { cancel(); }

    Backend &backend() const { return *m_backend; }
    HealthState &state() { return m_state; }
    bool isRunning() const { return m_exchange != nullptr; }
    qint64 dueMs = 0;

    void launch(qint64 now)
    {
        m_startedMs = now;
        m_status = 0;
        upstream::UpstreamRequest request;
        request.method = http::HttpMethod::Get;
        upstream::RequestHeadWriter writer(request.head, "GET", m_checker.m_settings.path);
        const QByteArray host = "127.0.0.1:" + QByteArray::number(m_backend->port);
        writer.add("Host", host)
            .add("User-Agent", "infralab-health-check")
            .add("Connection", "close");
        writer.finish();
        m_exchange = new upstream::UpstreamExchange(*m_checker.m_pool, m_backend->port,
                                                    std::move(request), this);
        m_exchange->start();
    }
    void checkTimeout(qint64 now)
    {
        if (m_exchange && now - m_startedMs >= m_checker.m_settings.timeoutMs) {
            cancel();
            m_checker.probeFinished(
                *this, false,
                QStringLiteral("timeout after %1 ms").arg(m_checker.m_settings.timeoutMs));
        }
    }
    void cancel()
    {
        if (auto *exchange = std::exchange(m_exchange, nullptr)) {
            exchange->cancel();
            m_checker.m_pool->retire(exchange);
        }
    }
    int durationMs(qint64 now) const { return int(now - m_startedMs); }

    void upstreamHead(const http::ResponseHead &head) override { m_status = head.status; }
    void upstreamBody(QByteArrayView) override {}
    void upstreamFinished(upstream::UpstreamOutcome outcome) override
    {
        if (auto *exchange = std::exchange(m_exchange, nullptr))
            m_checker.m_pool->retire(exchange);
        // The verdict is the status line: a body cut short after it does not matter.
        if (m_status != 0) {
            const bool passed = m_status >= 200 && m_status < 400;
            m_checker.probeFinished(*this, passed, QStringLiteral("HTTP %1").arg(m_status));
            return;
        }
        m_checker.probeFinished(*this, false,
                                QString::fromLatin1(upstream::outcomeName(outcome))
                                    .replace(QLatin1Char('-'), QLatin1Char(' ')));
    }

private:
    HealthChecker &m_checker;
    std::shared_ptr<Backend> m_backend;
    HealthState m_state;
    upstream::UpstreamExchange *m_exchange = nullptr;
    qint64 m_startedMs = 0;
    int m_status = 0;
};

HealthChecker::HealthChecker(std::shared_ptr<BackendTable> table,
                             const HealthCheckSettings &settings, int connectTimeoutMs)
    : m_table(std::move(table))
    , m_settings(settings)
    , m_connectTimeoutMs(connectTimeoutMs)
{}

HealthChecker::~HealthChecker()
{
    m_probes.clear(); // exchanges are the pool's children: cancel them while it is whole
    m_pool.reset();
}

void HealthChecker::start()
{
    upstream::UpstreamOptions options;
    options.idlePerEndpoint = 0;
    options.connectTimeoutMs = std::min(m_connectTimeoutMs, m_settings.timeoutMs);
    options.responseTimeoutMs = m_settings.timeoutMs;
    m_pool = std::make_unique<upstream::UpstreamPool>(options);
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &HealthChecker::tick);
    m_running = true;
    applySettings(m_settings);
    tick();
}

void HealthChecker::stop()
{
    m_running = false;
    if (m_timer)
        m_timer->stop();
    m_probes.clear();
}

void HealthChecker::setSettings(const HealthCheckSettings &settings)
{
    QMetaObject::invokeMethod(this, [this, settings] { applySettings(settings); });
}

void HealthChecker::applySettings(const HealthCheckSettings &settings)
{
    const bool intervalChanged = settings.intervalMs != m_settings.intervalMs;
    m_settings = settings;
    for (auto &[backend, probe] : m_probes) {
        probe->state().setThresholds(settings.rise, settings.fall);
        if (intervalChanged)
            probe->dueMs = std::min(probe->dueMs, m_table->clock()() + settings.intervalMs);
    }
    // The tick is also the check timeout's resolution: a tenth of the shorter of the two.
    if (m_timer && m_running)
        m_timer->start(std::clamp(std::min(settings.intervalMs, settings.timeoutMs) / 10, 5, 100));
}

void HealthChecker::reconcile()
{
    const auto snapshot = m_table->snapshot();
    m_generation = snapshot->generation;
    std::map<Backend *, std::unique_ptr<Probe>> next;
    for (const auto &backend : snapshot->backends) {
        auto it = m_probes.find(backend.get());
        if (it != m_probes.end()) {
            next.emplace(backend.get(), std::move(it->second));
            m_probes.erase(it);
        } else {
            auto probe = std::make_unique<Probe>(*this, backend);
            probe->dueMs = m_table->clock()(); // first check at once
            next.emplace(backend.get(), std::move(probe));
        }
    }
    m_probes = std::move(next); // probes of removed backends are cancelled here
}

void HealthChecker::tick()
{
    if (!m_running)
        return;
    if (m_table->generation() != m_generation)
        reconcile();
    const qint64 now = m_table->clock()();
    for (auto &[backend, probe] : m_probes) {
        probe->checkTimeout(now);
        if (!probe->isRunning() && now >= probe->dueMs) {
            probe->dueMs = now + m_settings.intervalMs;
            probe->launch(now);
        }
    }
    const auto snapshot = m_table->snapshot();
    m_table->outliers().sweep(snapshot->backends);
    m_table->sweepDrained();
}

QString HealthChecker::survivors() const
{
    int active = 0;
    int backup = 0;
    for (const auto &[backend, probe] : m_probes) {
        if (backend->healthy.load(std::memory_order_relaxed))
            ++(backend->backup.load(std::memory_order_relaxed) ? backup : active);
    }
    return QStringLiteral("%1 active and %2 backup backends").arg(active).arg(backup);
}

void HealthChecker::probeFinished(Probe &probe, bool passed, const QString &result)
{
    const qint64 now = m_table->clock()();
    Backend &backend = probe.backend();
    const int duration = probe.durationMs(now);
    backend.setLastCheck(now, duration, passed, result);
    const HealthState::Change change = probe.state().record(passed);
    if (change == HealthState::Change::None)
        return;
    const bool up = change == HealthState::Change::WentUp;
    backend.healthy.store(up, std::memory_order_relaxed);
    backend.markStateChange(now);
    // HAProxy: "Server be/web-2 is DOWN, reason: Layer4 connection problem, info: "Connection
    // refused", check duration: 0ms. 2 active and 0 backup servers left."
    m_table->raise(
        up ? QStringLiteral("health-up") : QStringLiteral("health-down"),
        QStringLiteral("%1 is %2, reason: %3, check duration: %4 ms. %5 %6.")
            .arg(backend.nodeId, up ? QStringLiteral("UP") : QStringLiteral("DOWN"), result)
            .arg(duration)
            .arg(survivors(), up ? QStringLiteral("online") : QStringLiteral("left")));
    if (up)
        m_table->slotFreed(); // queued requests may go there now
}

} // namespace infralab::loadbalancer
