#include "components/loadbalancer/loadbalancerhandler.h"

#include "components/loadbalancer/balancedroute.h"
#include "components/loadbalancer/statspage.h"

#include <QObject>
#include <QTimer>

namespace infralab::loadbalancer {

namespace {
// Requests waiting for a slot, over all threads; past this they get 503 at once (HAProxy's
// maxqueue, bounded so a dead pool cannot hold unbounded memory).
constexpr int MaxQueued = 1024;

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

// Calls `visit(pair, name, value)` for each `name=value` of a Cookie field until it returns true.
template<typename Visit>
void forEachCookie(QByteArrayView field, Visit visit)
{
    while (!field.isEmpty()) {
        const qsizetype end = field.indexOf(';');
        const QByteArrayView pair = trimmed(end < 0 ? field : field.first(end));
        field = end < 0 ? QByteArrayView() : field.sliced(end + 1);
        const qsizetype eq = pair.indexOf('=');
        if (eq > 0 && visit(pair, trimmed(pair.first(eq)), trimmed(pair.sliced(eq + 1))))
            return;
    }
}
} // namespace

QByteArrayView findCookie(const http::RequestHead &request, QByteArrayView name)
{
    QByteArrayView found;
    for (const http::HttpField &f : request.fields) {
        if (!http::equalsIgnoreCase(f.name, "cookie"))
            continue;
        forEachCookie(f.value, [&](QByteArrayView, QByteArrayView n, QByteArrayView v) {
            if (n != name)
                return false;
            found = v;
            return true;
        });
        if (!found.isNull())
            break;
    }
    return found;
}

QByteArray withoutCookie(QByteArrayView cookieField, QByteArrayView name)
{
    QByteArray out;
    forEachCookie(cookieField, [&](QByteArrayView pair, QByteArrayView n, QByteArrayView) {
        if (n != name) {
            if (!out.isEmpty())
                out.append("; ");
            out.append(pair);
        }
        return false;
    });
    return out;
}

void sendUnavailable(httpserver::HttpExchange &exchange, QByteArrayView reason)
{
    QByteArray body = "<html><body><h1>503 Service Unavailable</h1>\n";
    body.append(reason);
    body.append("\n</body></html>\n");
    exchange.begin(503).add("Cache-Control", "no-cache").add("Content-Type", "text/html");
    exchange.send(body);
}

// A request waiting for a slot.
struct LoadBalancerHandler::Waiting
{
    httpserver::HttpExchange *exchange;
    qint64 deadlineMs;
    bool active = true; // false once dispatched, answered or abandoned by the client
};

LoadBalancerHandler::LoadBalancerHandler(std::shared_ptr<BackendTable> table,
                                         const upstream::UpstreamOptions &options, quint64 seed)
    : m_table(std::move(table))
    , m_seed(seed)
    , m_forwarder({}, options)
{
    refresh();
}

LoadBalancerHandler::~LoadBalancerHandler()
{
    if (m_context)
        m_table->removeWaiter(m_context.get());
    for (const auto &waiting : m_queue) {
        if (waiting->active)
            m_table->queuedChanged(-1);
    }
}

QObject *LoadBalancerHandler::context()
{
    if (!m_context) {
        m_context = std::make_unique<QObject>();
        m_queueTimer = new QTimer(m_context.get());
        QObject::connect(m_queueTimer, &QTimer::timeout, m_context.get(),
                         [this] { expireQueue(); });
    }
    return m_context.get();
}

void LoadBalancerHandler::refresh()
{
    m_snapshot = m_table->snapshot();
    m_generation = m_snapshot->generation;
    if (!m_policy || m_algorithm != m_snapshot->settings.algorithm) {
        m_algorithm = m_snapshot->settings.algorithm;
        m_policy = makeBalancingPolicy(m_algorithm, m_seed);
    }
    m_candidates.resize(m_snapshot->backends.size());
    m_rebuild = true;
}

LoadBalancerHandler::Pick LoadBalancerHandler::pick(const httpserver::HttpExchange &exchange,
                                                    const Tried &tried)
{
    const auto &backends = m_snapshot->backends;
    const LiveSettings &settings = m_snapshot->settings;
    const http::RequestHead &request = exchange.request();
    if (!settings.stickyCookie.isEmpty()) {
        const QByteArrayView value = findCookie(request, settings.stickyCookie);
        for (const auto &backend : backends) {
            if (value.isNull() || backend->cookieValue != value || !backend->isAvailable()
                || tried.contains(backend.get()))
                continue;
            // Honoured while its backend is up, even at weight 0 (HAProxy persistence).
            if (!backend->hasFreeSlot())
                return {PickResult::Busy, nullptr, false};
            if (backend->tryAcquire())
                return {PickResult::Chosen, backend, true};
        }
    }
    bool primaryUp = false;
    bool backupUp = false;
    for (const auto &backend : backends) {
        if (backend->isAvailable() && backend->weight.load(std::memory_order_relaxed) > 0
            && !tried.contains(backend.get()))
            (backend->backup.load(std::memory_order_relaxed) ? backupUp : primaryUp) = true;
    }
    if (!primaryUp && !backupUp)
        return {};
    // Backups only when no primary is up (HAProxy `backup`, nginx `backup`).
    const bool useBackups = !primaryUp;
    bool busy = false;
    for (size_t i = 0; i < backends.size(); ++i) {
        const Backend &b = *backends[i];
        Candidate &c = m_candidates[i];
        c.key = b.key;
        c.weight = b.weight.load(std::memory_order_relaxed);
        c.active = b.active.load(std::memory_order_relaxed);
        const bool usable = b.backup.load(std::memory_order_relaxed) == useBackups
                            && b.isAvailable() && c.weight > 0 && !tried.contains(&b);
        c.eligible = usable && b.hasFreeSlot();
        busy = busy || (usable && !c.eligible);
    }
    if (m_rebuild) {
        m_policy->rebuild(m_candidates);
        m_rebuild = false;
    }
    const PickKey key{exchange.peerAddress(), request.path};
    const int index = m_policy->pick(m_candidates, key);
    if (index < 0)
        return {busy ? PickResult::Busy : PickResult::NoneUp, nullptr, false};
    const std::shared_ptr<Backend> &chosen = backends[size_t(index)];
    if (!chosen->tryAcquire())
        return {PickResult::Busy, nullptr, false}; // another thread took the last slot
    const bool cookieNamesIt = !settings.stickyCookie.isEmpty()
                               && findCookie(request, settings.stickyCookie) == chosen->cookieValue;
    return {PickResult::Chosen, chosen, cookieNamesIt};
}

const TableSnapshot &LoadBalancerHandler::currentSnapshot()
{
    if (m_table->generation() != m_generation)
        refresh();
    return *m_snapshot;
}

httpserver::HttpFilter::Result LoadBalancerHandler::onRequest(httpserver::HttpExchange &exchange)
{
    if (m_table->generation() != m_generation)
        refresh();
    Pick first = pick(exchange, {});
    switch (first.result) {
    case PickResult::Chosen: dispatch(exchange, std::move(first)); break;
    case PickResult::Busy: enqueue(exchange); break;
    case PickResult::NoneUp:
        sendUnavailable(exchange, "No server is available to handle this request.");
        break;
    }
    return Result::Stop;
}

void LoadBalancerHandler::dispatch(httpserver::HttpExchange &exchange, Pick &&pick)
{
    m_forwarder.forward(exchange, {}, std::make_unique<BalancedRoute>(*this, exchange, pick));
}

void LoadBalancerHandler::enqueue(httpserver::HttpExchange &exchange)
{
    if (m_table->queued() >= MaxQueued) {
        sendUnavailable(exchange, "Every server is busy and the queue is full.");
        return;
    }
    QObject *ctx = context();
    auto waiting = std::make_shared<Waiting>(
        Waiting{&exchange, m_table->clock()() + m_snapshot->settings.queueTimeoutMs});
    exchange.setOnCancelled([this, waiting] {
        if (std::exchange(waiting->active, false))
            m_table->queuedChanged(-1);
    });
    m_queue.push_back(std::move(waiting));
    m_table->queuedChanged(1);
    if (m_queue.size() == 1) {
        m_table->addWaiter(ctx, [this] { serviceQueue(); });
        m_queueTimer->start(std::clamp(m_snapshot->settings.queueTimeoutMs / 10, 5, 100));
    }
}

// A slot freed somewhere (or a backend came up): the oldest waiters go first.
void LoadBalancerHandler::serviceQueue()
{
    if (m_servicing)
        return;
    m_servicing = true;
    if (m_table->generation() != m_generation)
        refresh();
    while (!m_queue.empty()) {
        const std::shared_ptr<Waiting> waiting = m_queue.front();
        if (!waiting->active) {
            m_queue.pop_front();
            continue;
        }
        Pick next = pick(*waiting->exchange, {});
        if (next.result == PickResult::Busy)
            break;
        m_queue.pop_front();
        waiting->active = false;
        m_table->queuedChanged(-1);
        waiting->exchange->setOnCancelled(nullptr);
        if (next.result == PickResult::Chosen)
            dispatch(*waiting->exchange, std::move(next));
        else
            sendUnavailable(*waiting->exchange, "No server is available to handle this request.");
    }
    if (m_queue.empty() && m_context) {
        m_table->removeWaiter(m_context.get());
        m_queueTimer->stop();
    }
    m_servicing = false;
}

void LoadBalancerHandler::expireQueue()
{
    const qint64 now = m_table->clock()();
    // By index: answering may run the connection's next pipelined request at once, and its
    // enqueue() appends to m_queue (which would invalidate iterators).
    for (size_t i = 0; i < m_queue.size(); ++i) {
        const std::shared_ptr<Waiting> waiting = m_queue[i];
        if (!waiting->active || now < waiting->deadlineMs)
            continue;
        waiting->active = false;
        m_table->queuedChanged(-1);
        waiting->exchange->setOnCancelled(nullptr);
        // HAProxy `timeout queue`: 503 (robustness.md §3).
        sendUnavailable(*waiting->exchange,
                        "Every server stayed at its max_connections for the whole queue timeout.");
    }
    serviceQueue(); // drops the finished entries, and a slot may be free by now
}

} // namespace infralab::loadbalancer
