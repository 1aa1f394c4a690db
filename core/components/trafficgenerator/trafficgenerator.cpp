#include "components/trafficgenerator/trafficgenerator.h"

#include "components/trafficgenerator/generatorreport.h"
#include "components/trafficgenerator/generatorworker.h"
#include "net/clock.h"
#include "net/eventlooppool.h"

#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace infralab::trafficgenerator {

namespace {

constexpr int MaxDrainMs = 1000;

// `total` shared out over `parts` as evenly as whole numbers allow.
qint64 share(qint64 total, int parts, int index)
{
    return total / parts + (index < total % parts ? 1 : 0);
}

} // namespace

TrafficGenerator::TrafficGenerator(const GeneratorConfig &config, QList<GeneratorTarget> targets,
                                   net::EventLoopPool &pool, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_targets(std::move(targets))
    , m_pool(pool)
{}

TrafficGenerator::~TrafficGenerator()
{
    for (const QPointer<GeneratorWorker> &worker : m_workers) {
        if (worker)
            worker->deleteLater(); // in its own thread, where its sockets live
    }
}

void TrafficGenerator::start()
{
    if (m_state != State::Idle)
        return;
    m_startUs = steadyNowUs();
    if (m_targets.isEmpty()) {
        m_state = State::NoTarget;
        return;
    }
    m_state = State::Running;
    int workers = std::min(m_pool.size(), m_config.connections);
    if (m_config.maxRequests > 0)
        workers = int(std::min<qint64>(workers, m_config.maxRequests));
    workers = std::max(workers, 1);
    const qint64 endUs
        = m_config.durationS > 0 ? m_startUs + qint64(m_config.durationS) * 1000000 : 0;
    for (int i = 0; i < workers; ++i) {
        WorkerPlan plan;
        plan.model = m_config.model;
        plan.connections = int(share(m_config.connections, workers, i));
        plan.rate = m_config.rate / workers;
        plan.arrivalOffsetS = double(i) / m_config.rate;
        plan.maxRequests = m_config.maxRequests > 0 ? share(m_config.maxRequests, workers, i) : -1;
        plan.thinkTimeMs = m_config.thinkTimeMs;
        plan.timeoutMs = m_config.timeoutMs;
        plan.profile = m_config.profile;
        plan.startUs = m_startUs;
        plan.endUs = endUs;
        plan.targets = m_targets;
        plan.requests = m_config.requests;
        plan.keys = m_config.keys;
        plan.keepAlive = m_config.keepAlive;
        plan.seed = QRandomGenerator::global()->generate64();

        auto stats = std::make_shared<GeneratorStats>();
        auto *worker = new GeneratorWorker(plan, stats);
        worker->moveToThread(m_pool.thread(i % m_pool.size()));
        connect(worker, &GeneratorWorker::finished, this, &TrafficGenerator::workerFinished,
                Qt::QueuedConnection);
        connect(worker, &GeneratorWorker::drained, this, &TrafficGenerator::workerDrained,
                Qt::QueuedConnection);
        m_workers.emplace_back(worker);
        m_stats.push_back(std::move(stats));
        QMetaObject::invokeMethod(worker, &GeneratorWorker::start, Qt::QueuedConnection);
    }
    m_rateTimer = new QTimer(this);
    connect(m_rateTimer, &QTimer::timeout, this, &TrafficGenerator::sampleRate);
    m_rateTimer->start(1000);
}

void TrafficGenerator::stop()
{
    if (m_state == State::Stopping || m_state == State::Stopped)
        return;
    const bool hadWorkers = !m_workers.empty() && m_drainedWorkers < int(m_workers.size());
    if (m_endedUs == 0)
        m_endedUs = steadyNowUs();
    m_state = State::Stopping;
    if (m_rateTimer)
        m_rateTimer->stop();
    if (!hadWorkers) {
        m_state = State::Stopped;
        QMetaObject::invokeMethod(this, &TrafficGenerator::stopped, Qt::QueuedConnection);
        return;
    }
    const int graceMs = std::min(m_config.timeoutMs, MaxDrainMs);
    for (const QPointer<GeneratorWorker> &worker : m_workers) {
        if (worker)
            QMetaObject::invokeMethod(
                worker, [w = worker.data(), graceMs] { w->stop(graceMs); }, Qt::QueuedConnection);
    }
}

bool TrafficGenerator::applyConfig(const GeneratorConfig &config, const QStringList &changedKeys)
{
    for (const QString &key : changedKeys) {
        if (!GeneratorConfig::isLiveKey(key))
            return false;
    }
    const qint64 maxRequests = m_config.maxRequests;
    m_config.rate = config.rate;
    m_config.profile = config.profile;
    m_config.thinkTimeMs = config.thinkTimeMs;
    m_config.timeoutMs = config.timeoutMs;
    m_config.requests = config.requests;
    m_config.keys = config.keys;
    m_config.maxRequests = maxRequests;
    if (m_state != State::Running)
        return true;
    LiveSettings settings;
    settings.rate = m_config.rate / double(std::max<std::size_t>(m_workers.size(), 1));
    settings.profile = m_config.profile;
    settings.thinkTimeMs = m_config.thinkTimeMs;
    settings.timeoutMs = m_config.timeoutMs;
    settings.requests = m_config.requests;
    settings.keys = m_config.keys;
    for (const QPointer<GeneratorWorker> &worker : m_workers) {
        if (worker)
            QMetaObject::invokeMethod(
                worker, [w = worker.data(), settings] { w->apply(settings); },
                Qt::QueuedConnection);
    }
    return true;
}

void TrafficGenerator::workerFinished()
{
    if (++m_finishedWorkers < int(m_workers.size()) || m_state != State::Running)
        return;
    m_endedUs = steadyNowUs();
    m_state = State::Finished;
    if (m_rateTimer)
        m_rateTimer->stop();
    m_currentRate = 0;
    emit finished();
}

void TrafficGenerator::workerDrained()
{
    if (++m_drainedWorkers < int(m_workers.size()) || m_state != State::Stopping)
        return;
    for (const QPointer<GeneratorWorker> &worker : m_workers) {
        if (worker)
            worker->deleteLater();
    }
    m_workers.clear();
    m_state = State::Stopped;
    emit stopped();
}

double TrafficGenerator::elapsedS() const
{
    if (m_startUs == 0)
        return 0;
    const qint64 end = m_endedUs != 0 ? m_endedUs : steadyNowUs();
    return double(end - m_startUs) / 1e6;
}

void TrafficGenerator::sampleRate()
{
    const quint64 completed = totals().completed();
    m_currentRate = double(completed - std::min(completed, m_lastCompleted));
    m_lastCompleted = completed;
}

GeneratorTotals TrafficGenerator::totals() const
{
    GeneratorTotals totals;
    for (const auto &stats : m_stats)
        stats->addTo(totals);
    return totals;
}

int TrafficGenerator::openConnections() const
{
    int open = 0;
    for (const auto &stats : m_stats)
        open += stats->openConnections();
    return open;
}

QJsonObject TrafficGenerator::report() const
{
    ReportContext context;
    switch (m_state) {
    case State::Idle: context.state = QStringLiteral("idle"); break;
    case State::NoTarget: context.state = QStringLiteral("no-target"); break;
    case State::Running: context.state = QStringLiteral("running"); break;
    case State::Finished: context.state = QStringLiteral("finished"); break;
    case State::Stopping: context.state = QStringLiteral("stopping"); break;
    case State::Stopped: context.state = QStringLiteral("stopped"); break;
    }
    context.model = m_config.model;
    context.profile = m_config.profile;
    context.connections = m_config.connections;
    context.rate = m_config.rate;
    context.targets = m_targets;
    context.elapsedS = elapsedS();
    context.currentRate = m_currentRate;
    return reportJson(totals(), context);
}

} // namespace infralab::trafficgenerator
