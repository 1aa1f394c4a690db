#pragma once

#include "components/trafficgenerator/clientconnection.h"
#include "components/trafficgenerator/generatorconfig.h"
#include "components/trafficgenerator/requestmix.h"

#include <QObject>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace infralab::net {
class OutgoingFaults;
}

namespace infralab::trafficgenerator {

class ArrivalTimer;

// What one network thread's share of a generator does: its connections, its part of the
// rate and of the request budget, and the common time base.
struct WorkerPlan
{
    LoadModel model = LoadModel::Closed;
    int connections = 1;
    double rate = 1;           // open model: this worker's requests per second at full load
    double arrivalOffsetS = 0; // open model: interleaves the workers' arrivals
    qint64 maxRequests = -1;   // this worker's budget; -1 = no limit
    int thinkTimeMs = 0;
    int timeoutMs = 2000;
    LoadProfile profile;
    qint64 startUs = 0; // steadyNowUs() when the generator started
    qint64 endUs = 0;   // when sending stops; 0 = until stopped
    QList<GeneratorTarget> targets;
    // Fault injection on the generator's links, by target port (null: none).
    std::shared_ptr<const net::OutgoingFaults> faults;
    QList<RequestTemplate> requests;
    KeySampler keys;
    bool keepAlive = true;
    quint64 seed = 0;
};

// The settings a running worker takes live (GeneratorConfig::isLiveKey).
struct LiveSettings
{
    double rate = 1; // this worker's share
    LoadProfile profile;
    int thinkTimeMs = 0;
    int timeoutMs = 2000;
    QList<RequestTemplate> requests;
    KeySampler keys;
};

// Drives one network thread's share of a traffic generator. Closed model: each virtual user
// sends its next request when the last one is answered (after the think time), like a wrk
// connection; the profile sets how many users are active. Open model: requests are due on an
// ArrivalSchedule; a due request goes out on a free connection (opened on demand up to the
// cap), waits for one when all are busy (late, its latency still counted from when it was
// due), and is dropped once it has waited longer than the timeout (k6 dropped_iterations).
// Lives in, and is only called from, its own thread; reports through GeneratorStats.
class GeneratorWorker final : public QObject, private ClientConnectionListener
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneratorWorker)

public:
    GeneratorWorker(WorkerPlan plan, std::shared_ptr<GeneratorStats> stats);
    ~GeneratorWorker() override;

    void start();
    void apply(const LiveSettings &settings);
    // Stop sending; requests in flight get `graceMs`, then they are cancelled. Emits drained().
    void stop(int graceMs);

signals:
    // Nothing more will be sent (duration or budget used up) and nothing is in flight.
    void finished();
    // After stop(): every connection is closed.
    void drained();

private:
    struct User
    {
        std::vector<ClientConnection *> perTarget; // opened lazily
        ClientConnection *current = nullptr;
        qint64 dueUs = 0;      // open model: when the request was due
        qint64 deadlineUs = 0; // busy: when it times out
        bool busy = false;
        bool sleeping = false; // closed model: think time or a back-off is running
    };

    void responseComplete(ClientConnection *connection, int status) override;
    void requestFailed(ClientConnection *connection, ErrorClass error) override;

    bool maySend(qint64 nowUs) const;
    bool budgetUsed() const { return m_plan.maxRequests >= 0 && m_sent >= m_plan.maxRequests; }
    void send(int userIndex, qint64 dueUs, qint64 nowUs);
    void afterRequest(int userIndex, qint64 nowUs, bool backOff);
    int nextTarget();
    void pump();
    void armArrivalTimer(qint64 nowUs);
    void updateActiveUsers();
    void wakeSleepers();
    void sweepDeadlines();
    void endOfSending();
    void checkFinished();
    void finishDrain();
    double secondsSinceStart(qint64 us) const { return double(us - m_plan.startUs) / 1e6; }

    WorkerPlan m_plan;
    std::shared_ptr<GeneratorStats> m_stats;
    std::optional<RequestMix> m_mix;
    std::optional<ArrivalSchedule> m_schedule;
    Rng m_rng;
    std::vector<User> m_users;
    std::vector<int> m_freeUsers;                  // open model: idle users, most recent last
    std::deque<std::pair<qint64, int>> m_sleepers; // closed model: (wake time, user), in order
    std::vector<int> m_targetCurrent;              // smooth weighted round-robin state
    int m_targetTotalWeight = 0;
    int m_activeUsers = 0;
    int m_inFlight = 0;
    qint64 m_sent = 0;
    ArrivalTimer *m_arrivalTimer = nullptr; // open model: the next due request
    QTimer *m_profileTimer = nullptr;       // closed model: the profile's user count
    QTimer *m_sleepTimer = nullptr;
    QTimer *m_sweepTimer = nullptr;
    QTimer *m_endTimer = nullptr;
    QTimer *m_graceTimer = nullptr;
    bool m_sendingDone = false;
    bool m_finishedEmitted = false;
    bool m_stopping = false;
    bool m_drained = false;
};

} // namespace infralab::trafficgenerator
