#include "components/trafficgenerator/generatorworker.h"

#include "components/trafficgenerator/arrivaltimer.h"
#include "net/clock.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace infralab::trafficgenerator {

namespace {

constexpr int ConnectBackOffMs = 100; // closed model: a refused user waits before retrying
constexpr int ProfileStepMs = 100;    // closed model: how often the profile's user count is read

int msUntil(qint64 whenUs, qint64 nowUs)
{
    // Rounded up: a timer must never fire before a request is due.
    return int(std::clamp<qint64>((whenUs - nowUs + 999) / 1000, 0, 24 * 3600 * 1000));
}

} // namespace

GeneratorWorker::GeneratorWorker(WorkerPlan plan, std::shared_ptr<GeneratorStats> stats)
    : m_plan(std::move(plan))
    , m_stats(std::move(stats))
    , m_rng(m_plan.seed)
{}

GeneratorWorker::~GeneratorWorker()
{
    // Before the members they report to go.
    qDeleteAll(findChildren<ClientConnection *>(Qt::FindDirectChildrenOnly));
}

void GeneratorWorker::start()
{
    QList<QByteArray> hosts;
    for (const GeneratorTarget &target : std::as_const(m_plan.targets)) {
        hosts.append("127.0.0.1:" + QByteArray::number(target.port));
        m_targetTotalWeight += std::max(target.weight, 0);
    }
    if (m_targetTotalWeight == 0) { // every link weighs 0: share alike rather than send nothing
        for (GeneratorTarget &target : m_plan.targets)
            target.weight = 1;
        m_targetTotalWeight = int(m_plan.targets.size());
    }
    m_targetCurrent.assign(std::size_t(m_plan.targets.size()), 0);
    m_mix.emplace(m_plan.requests, m_plan.keys, m_plan.keepAlive, hosts);

    m_sweepTimer = new QTimer(this);
    m_sweepTimer->setInterval(std::clamp(m_plan.timeoutMs / 4, 5, 100));
    connect(m_sweepTimer, &QTimer::timeout, this, &GeneratorWorker::sweepDeadlines);
    m_sweepTimer->start();
    m_sleepTimer = new QTimer(this);
    m_sleepTimer->setSingleShot(true);
    m_sleepTimer->setTimerType(Qt::PreciseTimer);
    connect(m_sleepTimer, &QTimer::timeout, this, &GeneratorWorker::wakeSleepers);
    m_profileTimer = new QTimer(this);
    connect(m_profileTimer, &QTimer::timeout, this, &GeneratorWorker::updateActiveUsers);
    m_arrivalTimer = new ArrivalTimer(this);
    connect(m_arrivalTimer, &ArrivalTimer::timeout, this, &GeneratorWorker::pump);

    const qint64 now = steadyNowUs();
    if (m_plan.endUs > 0) {
        m_endTimer = new QTimer(this);
        m_endTimer->setSingleShot(true);
        m_endTimer->setTimerType(Qt::PreciseTimer);
        connect(m_endTimer, &QTimer::timeout, this, &GeneratorWorker::endOfSending);
        m_endTimer->start(msUntil(m_plan.endUs, now));
    }
    if (m_plan.maxRequests == 0 || m_plan.targets.isEmpty() || m_mix->templateCount() == 0) {
        endOfSending();
        return;
    }

    if (m_plan.model == LoadModel::Closed) {
        m_users.resize(std::size_t(m_plan.connections));
        m_activeUsers
            = activeUsers(m_plan.profile.fraction(secondsSinceStart(now)), m_plan.connections);
        for (int i = 0; i < m_activeUsers && maySend(now); ++i)
            send(i, now, now);
        if (m_plan.profile.shape() != LoadProfile::Shape::Constant)
            m_profileTimer->start(ProfileStepMs);
    } else {
        m_users.reserve(std::size_t(m_plan.connections));
        m_schedule.emplace(m_plan.profile, m_plan.rate, m_plan.arrivalOffsetS);
        pump();
    }
}

void GeneratorWorker::apply(const LiveSettings &settings)
{
    if (m_stopping)
        return;
    const qint64 now = steadyNowUs();
    const bool profileChanged = !(settings.profile == m_plan.profile);
    m_plan.thinkTimeMs = settings.thinkTimeMs;
    m_plan.timeoutMs = settings.timeoutMs;
    m_plan.requests = settings.requests;
    m_plan.keys = settings.keys;
    m_plan.profile = settings.profile;
    m_plan.rate = settings.rate;
    QList<QByteArray> hosts;
    for (const GeneratorTarget &target : std::as_const(m_plan.targets))
        hosts.append("127.0.0.1:" + QByteArray::number(target.port));
    m_mix.emplace(m_plan.requests, m_plan.keys, m_plan.keepAlive, hosts);
    if (m_sweepTimer)
        m_sweepTimer->setInterval(std::clamp(m_plan.timeoutMs / 4, 5, 100));
    if (m_plan.model == LoadModel::Open && m_schedule) {
        if (profileChanged)
            m_schedule->setProfile(m_plan.profile, secondsSinceStart(now));
        m_schedule->setRate(m_plan.rate, secondsSinceStart(now));
        pump();
    } else if (m_plan.model == LoadModel::Closed && profileChanged && !m_sendingDone) {
        m_profileTimer->stop();
        if (m_plan.profile.shape() != LoadProfile::Shape::Constant)
            m_profileTimer->start(ProfileStepMs);
        updateActiveUsers();
    }
}

bool GeneratorWorker::maySend(qint64 nowUs) const
{
    return !m_stopping && !m_sendingDone && !budgetUsed()
           && (m_plan.endUs == 0 || nowUs < m_plan.endUs);
}

int GeneratorWorker::nextTarget()
{
    const int count = int(m_targetCurrent.size());
    if (count == 1)
        return 0;
    // nginx's smooth weighted round-robin: weights 5, 1, 1 give a a b a c a a, not a a a a a b c.
    int best = -1;
    for (int i = 0; i < count; ++i) {
        const int weight = m_plan.targets.at(i).weight;
        if (weight <= 0)
            continue;
        m_targetCurrent[std::size_t(i)] += weight;
        if (best < 0 || m_targetCurrent[std::size_t(i)] > m_targetCurrent[std::size_t(best)])
            best = i;
    }
    m_targetCurrent[std::size_t(best)] -= m_targetTotalWeight;
    return best;
}

void GeneratorWorker::send(int userIndex, qint64 dueUs, qint64 nowUs)
{
    const int target = nextTarget();
    User &user = m_users[std::size_t(userIndex)];
    if (user.perTarget.empty())
        user.perTarget.assign(std::size_t(m_plan.targets.size()), nullptr);
    ClientConnection *&connection = user.perTarget[std::size_t(target)];
    if (!connection) {
        connection = new ClientConnection(m_plan.targets.at(target).port, this, *m_stats, this,
                                          m_plan.faults.get());
        connection->setTag(userIndex);
    }
    const RequestMix::Request request = m_mix->next(target, m_rng);
    user.current = connection;
    user.busy = true;
    user.dueUs = dueUs;
    user.deadlineUs = nowUs + qint64(m_plan.timeoutMs) * 1000;
    ++m_inFlight;
    ++m_sent;
    m_stats->countSent(request.bytes.size());
    if (m_plan.model == LoadModel::Open && nowUs - dueUs > GeneratorStats::LateAfterUs)
        m_stats->countLate();
    connection->send(request.bytes, request.headSize, request.framing, request.idempotent);
}

void GeneratorWorker::responseComplete(ClientConnection *connection, int status)
{
    User &user = m_users[std::size_t(connection->tag())];
    if (!user.busy || user.current != connection)
        return;
    const qint64 now = steadyNowUs();
    const qint64 service = now - connection->sentAtUs();
    if (m_plan.model == LoadModel::Open)
        m_stats->countResponse(status, now - user.dueUs, service);
    else
        m_stats->countResponse(status, service, -1);
    user.busy = false;
    --m_inFlight;
    afterRequest(connection->tag(), now, false);
}

void GeneratorWorker::requestFailed(ClientConnection *connection, ErrorClass error)
{
    User &user = m_users[std::size_t(connection->tag())];
    if (!user.busy || user.current != connection)
        return;
    m_stats->countError(error);
    user.busy = false;
    --m_inFlight;
    afterRequest(connection->tag(), steadyNowUs(), error == ErrorClass::Connect);
}

void GeneratorWorker::afterRequest(int userIndex, qint64 nowUs, bool backOff)
{
    if (m_stopping) {
        if (m_inFlight == 0)
            finishDrain();
        return;
    }
    if (m_plan.model == LoadModel::Closed) {
        if (userIndex < m_activeUsers && maySend(nowUs)) {
            const int delayMs
                = backOff ? std::max(m_plan.thinkTimeMs, ConnectBackOffMs) : m_plan.thinkTimeMs;
            if (delayMs > 0) {
                m_users[std::size_t(userIndex)].sleeping = true;
                const std::pair<qint64, int> sleeper{nowUs + qint64(delayMs) * 1000, userIndex};
                const auto at = std::upper_bound(m_sleepers.begin(), m_sleepers.end(), sleeper);
                const bool first = at == m_sleepers.begin();
                m_sleepers.insert(at, sleeper);
                if (first)
                    m_sleepTimer->start(msUntil(sleeper.first, nowUs));
            } else {
                send(userIndex, nowUs, nowUs);
            }
        }
    } else {
        m_freeUsers.push_back(userIndex);
        pump();
    }
    checkFinished();
}

void GeneratorWorker::pump()
{
    if (!m_schedule || m_stopping)
        return;
    const qint64 now = steadyNowUs();
    const double nowS = secondsSinceStart(now);
    const double timeoutS = m_plan.timeoutMs / 1000.0;
    const double endS = m_plan.endUs > 0 ? secondsSinceStart(m_plan.endUs) : 0;
    // Not maySend(): what came due before the end is still sent when the end timer fires.
    while (!m_sendingDone && !budgetUsed()) {
        const double due = m_schedule->nextDue();
        if (due > nowS || (m_plan.endUs > 0 && due >= endS))
            break;
        if (nowS - due > timeoutS) {
            // Waited longer than a response may take without finding a free connection.
            m_stats->countDropped(m_schedule->skipBefore(nowS - timeoutS));
            continue;
        }
        int userIndex = -1;
        if (!m_freeUsers.empty()) {
            userIndex = m_freeUsers.back();
            m_freeUsers.pop_back();
        } else if (int(m_users.size()) < m_plan.connections) {
            m_users.emplace_back();
            userIndex = int(m_users.size()) - 1;
        } else {
            break; // every connection is busy: the request is late
        }
        const qint64 dueUs = std::min(now, m_plan.startUs + qint64(std::llround(due * 1e6)));
        m_schedule->advance();
        send(userIndex, dueUs, now);
    }
    armArrivalTimer(now);
}

void GeneratorWorker::armArrivalTimer(qint64 nowUs)
{
    if (!m_schedule || !maySend(nowUs)) {
        m_arrivalTimer->stop();
        return;
    }
    qint64 dueUs = m_plan.startUs + qint64(std::llround(m_schedule->nextDue() * 1e6));
    if (dueUs <= nowUs) // a backlog: wake up when its oldest request is due to be dropped
        dueUs += qint64(m_plan.timeoutMs) * 1000 + 1000;
    // Re-arming costs a timer (un)registration; most pumps (after each response) find the
    // same next arrival.
    if (m_arrivalTimer->isActive() && m_arrivalTimer->armedForUs() == dueUs)
        return;
    m_arrivalTimer->startAt(dueUs);
}

void GeneratorWorker::updateActiveUsers()
{
    const qint64 now = steadyNowUs();
    const int active
        = activeUsers(m_plan.profile.fraction(secondsSinceStart(now)), m_plan.connections);
    const int before = m_activeUsers;
    m_activeUsers = active;
    for (int i = before; i < active && maySend(now); ++i) {
        const User &user = m_users[std::size_t(i)];
        if (!user.busy && !user.sleeping)
            send(i, now, now);
    }
}

void GeneratorWorker::wakeSleepers()
{
    const qint64 now = steadyNowUs();
    while (!m_sleepers.empty() && m_sleepers.front().first <= now) {
        const int userIndex = m_sleepers.front().second;
        m_sleepers.pop_front();
        m_users[std::size_t(userIndex)].sleeping = false;
        if (userIndex < m_activeUsers && maySend(now))
            send(userIndex, now, now);
    }
    if (!m_sleepers.empty())
        m_sleepTimer->start(msUntil(m_sleepers.front().first, now));
    checkFinished();
}

void GeneratorWorker::sweepDeadlines()
{
    const qint64 now = steadyNowUs();
    for (std::size_t i = 0; i < m_users.size(); ++i) {
        User &user = m_users[i];
        if (!user.busy || now < user.deadlineUs)
            continue;
        const ErrorClass error
            = user.current->isConnecting() ? ErrorClass::Connect : ErrorClass::Timeout;
        user.current->close();
        user.busy = false;
        --m_inFlight;
        m_stats->countError(error);
        afterRequest(int(i), now, false); // may add users (open model): no references kept
    }
}

void GeneratorWorker::endOfSending()
{
    if (m_sendingDone)
        return;
    if (m_schedule && !m_stopping && !budgetUsed()) {
        pump(); // the end timer fires a little after the end: send what came due before it
        const qint64 end = m_plan.endUs > 0 ? std::min(m_plan.endUs, steadyNowUs()) : steadyNowUs();
        m_stats->countDropped(m_schedule->dueBefore(secondsSinceStart(end)));
    }
    m_sendingDone = true;
    if (m_arrivalTimer)
        m_arrivalTimer->stop();
    if (m_profileTimer)
        m_profileTimer->stop();
    m_sleepers.clear();
    checkFinished();
}

void GeneratorWorker::checkFinished()
{
    if (m_stopping || m_finishedEmitted || m_inFlight > 0)
        return;
    if (!m_sendingDone && !budgetUsed())
        return;
    m_finishedEmitted = true;
    emit finished();
}

void GeneratorWorker::stop(int graceMs)
{
    if (m_stopping)
        return;
    if (m_schedule && !m_sendingDone && !budgetUsed()) {
        // Owed for longer than a timer's slack: they found no free connection.
        const qint64 now = steadyNowUs() - GeneratorStats::LateAfterUs;
        const qint64 end = m_plan.endUs > 0 ? std::min(m_plan.endUs, now) : now;
        m_stats->countDropped(m_schedule->dueBefore(secondsSinceStart(end)));
    }
    m_stopping = true;
    m_sleepers.clear();
    for (QTimer *timer : {m_profileTimer, m_sleepTimer, m_endTimer}) {
        if (timer)
            timer->stop();
    }
    if (m_arrivalTimer)
        m_arrivalTimer->stop();
    if (m_inFlight == 0) {
        finishDrain();
        return;
    }
    m_graceTimer = new QTimer(this);
    m_graceTimer->setSingleShot(true);
    connect(m_graceTimer, &QTimer::timeout, this, [this] {
        for (User &user : m_users) {
            if (!user.busy)
                continue;
            user.current->close();
            user.busy = false;
            m_stats->countCancelled();
        }
        m_inFlight = 0;
        finishDrain();
    });
    m_graceTimer->start(graceMs);
}

void GeneratorWorker::finishDrain()
{
    if (m_drained)
        return;
    m_drained = true;
    for (QTimer *timer : {m_profileTimer, m_sleepTimer, m_endTimer, m_sweepTimer, m_graceTimer}) {
        if (timer)
            timer->stop();
    }
    if (m_arrivalTimer)
        m_arrivalTimer->stop();
    for (User &user : m_users) {
        for (ClientConnection *connection : user.perTarget) {
            if (connection)
                connection->close();
        }
    }
    emit drained();
}

} // namespace infralab::trafficgenerator
