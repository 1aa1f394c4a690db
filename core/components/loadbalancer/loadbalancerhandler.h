#pragma once

#include "components/loadbalancer/backendtable.h"
#include "httpserver/httpfilter.h"
#include "upstream/httpforwarder.h"

#include <QVarLengthArray>

#include <deque>
#include <memory>
#include <vector>

class QObject;
class QTimer;

namespace infralab::loadbalancer {

// The load balancer's routing filter in one network thread, the last of its FilterChain (after
// the access log and the stats page, loadbalancer.cpp). Per request: a backend is picked
// (sticky cookie first, then the policy over the primaries, or the backups when no primary is
// up), a slot on it is taken (max_connections) and the request is forwarded through this
// thread's HttpForwarder with a BalancedRoute that retries connect failures elsewhere. With
// every usable backend full the request waits in this thread's FIFO queue until a slot frees
// anywhere or queue_timeout_ms passes (503); with none up, 503. The policy, the queue and the
// snapshot are this thread's own (no locks); the load and the health it reads are the shared
// Backend atomics.
class LoadBalancerHandler final : public httpserver::HttpFilter
{
    Q_DISABLE_COPY_MOVE(LoadBalancerHandler)

public:
    LoadBalancerHandler(std::shared_ptr<BackendTable> table,
                        const upstream::UpstreamOptions &options, quint64 seed);
    ~LoadBalancerHandler() override;

    Result onRequest(httpserver::HttpExchange &exchange) override;
    // The backends and settings as this thread sees them now (refreshed when they changed).
    const TableSnapshot &currentSnapshot();
    void setLinkMetrics(std::shared_ptr<const metrics::LinkMetrics> links)
    {
        m_forwarder.setLinkMetrics(std::move(links));
    }

    // The backends a request already tried (retries go elsewhere).
    using Tried = QVarLengthArray<const Backend *, 4>;
    enum class PickResult : quint8 { Chosen, Busy, NoneUp };
    struct Pick
    {
        PickResult result = PickResult::NoneUp;
        std::shared_ptr<Backend> backend; // with a slot taken, when Chosen
        bool fromCookie = false;
    };
    Pick pick(const httpserver::HttpExchange &exchange, const Tried &tried);
    BackendTable &table() { return *m_table; }
    const TableSnapshot &snapshot() const { return *m_snapshot; }

private:
    struct Waiting;

    void refresh();
    void dispatch(httpserver::HttpExchange &exchange, Pick &&pick);
    void enqueue(httpserver::HttpExchange &exchange);
    void serviceQueue();
    void expireQueue();
    QObject *context();

    std::shared_ptr<BackendTable> m_table;
    std::shared_ptr<const TableSnapshot> m_snapshot;
    quint64 m_generation = 0;
    std::unique_ptr<BalancingPolicy> m_policy;
    Algorithm m_algorithm = Algorithm::RoundRobin;
    bool m_rebuild = true;
    quint64 m_seed;
    std::vector<Candidate> m_candidates;
    upstream::HttpForwarder m_forwarder;
    std::deque<std::shared_ptr<Waiting>> m_queue;
    // Made in the network thread on first use: queue wake-ups and timeouts arrive here.
    std::unique_ptr<QObject> m_context;
    QTimer *m_queueTimer = nullptr;
    bool m_servicing = false;
};

// HAProxy's answer when no server can take a request (component-specs.md §2), with `reason`
// as the explanatory line.
void sendUnavailable(httpserver::HttpExchange &exchange, QByteArrayView reason);

// The value of cookie `name` in the request's Cookie fields (RFC 6265 §5.4), or a null view.
QByteArrayView findCookie(const http::RequestHead &request, QByteArrayView name);
// `cookieField` without the `name` pair (HAProxy `cookie … indirect`); empty when nothing is left.
QByteArray withoutCookie(QByteArrayView cookieField, QByteArrayView name);

} // namespace infralab::loadbalancer
