#pragma once

#include "components/trafficgenerator/generatorconfig.h"
#include "components/trafficgenerator/generatorstats.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

class QTimer;

namespace infralab::net {
class EventLoopPool;
}

namespace infralab::trafficgenerator {

class GeneratorWorker;

// A running traffic generator: splits the connections, the rate and the request budget over
// the network threads (one GeneratorWorker each, at most one per connection), starts them on
// a common clock, merges their counters into reports, and passes live rate and profile
// changes on. Created and used in one thread (the runtime's); the load itself runs in the
// pool's threads.
class TrafficGenerator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficGenerator)

public:
    enum class State { Idle, NoTarget, Running, Finished, Stopping, Stopped };

    TrafficGenerator(const GeneratorConfig &config, QList<GeneratorTarget> targets,
                     net::EventLoopPool &pool, QObject *parent = nullptr);
    ~TrafficGenerator() override; // workers still running are deleted in their threads

    const GeneratorConfig &config() const { return m_config; }
    const QList<GeneratorTarget> &targets() const { return m_targets; }
    State state() const { return m_state; }
    int workerCount() const { return int(m_workers.size()); }

    void start();
    // Requests in flight get up to a second (or the timeout, if shorter), then stopped().
    void stop();
    // Takes the keys GeneratorConfig::isLiveKey names; returns false (changing nothing) when
    // another key differs, so the caller restarts the generator.
    bool applyConfig(const GeneratorConfig &config, const QStringList &changedKeys);

    GeneratorTotals totals() const;
    int openConnections() const;
    QJsonObject report() const;

signals:
    void finished(); // the duration or the request budget is used up
    void stopped();

private:
    void workerFinished();
    void workerDrained();
    double elapsedS() const;
    void sampleRate();

    GeneratorConfig m_config;
    QList<GeneratorTarget> m_targets;
    net::EventLoopPool &m_pool;
    std::vector<QPointer<GeneratorWorker>> m_workers;
    std::vector<std::shared_ptr<GeneratorStats>> m_stats;
    QTimer *m_rateTimer = nullptr;
    State m_state = State::Idle;
    qint64 m_startUs = 0;
    qint64 m_endedUs = 0; // when the last worker finished, or the stop began
    quint64 m_lastCompleted = 0;
    double m_currentRate = 0;
    int m_finishedWorkers = 0;
    int m_drainedWorkers = 0;
};

} // namespace infralab::trafficgenerator
