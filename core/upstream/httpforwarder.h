#pragma once

#include "upstream/upstreamoptions.h"
#include "upstream/upstreamrequest.h"

#include <QList>
#include <QSet>

#include <memory>

namespace infralab::httpserver {
class HttpExchange;
}

namespace infralab::http {
class ResponseHeadWriter;
struct ResponseHead;
} // namespace infralab::http

namespace infralab::metrics {
class LinkMetrics;
class TrafficCounters;
} // namespace infralab::metrics

namespace infralab::upstream {

class UpstreamPool;

// Watches one forwarded exchange for its owner (the reverse proxy's cache fills): it sees the
// upstream head (and may add fields for the client) and every body piece as they pass, then
// finished() once: true when the upstream delivered the whole response (called just before
// the client gets its end), false for every other ending. Owned by the relay.
class ForwardTap
{
public:
    virtual ~ForwardTap() = default;
    // A cache fill wants the whole resource: HEAD goes upstream as GET and the client's
    // conditional and Range fields stay behind (nginx proxy_cache_convert_head,
    // component-specs.md §1.4).
    virtual bool wantsWholeResource() const { return false; }
    virtual void responseHead(const http::ResponseHead &head, http::ResponseHeadWriter &toClient)
        = 0;
    virtual void responseBody(QByteArrayView data) = 0;
    virtual void finished(bool complete) = 0;
};

// Chooses where each attempt of one forwarded request goes and hears how each ended (a load
// balancer's per-request state: the backend it holds a slot on, the ones already tried).
// Without one, the forwarder takes its ports round-robin. Owned by the relay.
class ForwardRoute : public RequestFieldRewriter
{
public:
    virtual ~ForwardRoute() = default;
    // The port of attempt `attempt` (1 = the first); 0 = no further attempt (the client then
    // gets the last attempt's error, or 502 when there was none).
    virtual quint16 endpoint(int attempt) = 0;
    // How the current attempt ended; `status` is the upstream's status when a head arrived,
    // else 0. Not called when the client went away first (the route is then destroyed).
    virtual void attemptEnded(UpstreamOutcome outcome, int status) = 0;
    // Fields to add to the client's response head (a sticky-session cookie).
    virtual void responseHead(const http::ResponseHead &head, http::ResponseHeadWriter &toClient)
    {
        Q_UNUSED(head);
        Q_UNUSED(toClient);
    }
};

// Relays requests to a node's upstreams (its links), like nginx `proxy_pass` with
// `proxy_http_version 1.1`, `keepalive 32` and the usual X-Forwarded-* block: the raw target
// (never decoded, robustness.md §6), HTTP/1.1, Host as the client sent it, hop-by-hop fields
// removed (RFC 9110 §7.6.1), the body re-framed with Content-Length, X-Forwarded-For appended,
// Via added (RFC 9110 §7.6.3). The answer streams back with backpressure. Failures map like
// nginx (robustness.md §3): refused, reset or invalid → 502, timeouts → 504; an upstream that
// dies after the head went out aborts the client connection (never padded, never reused).
// Endpoints are taken round-robin (or from a ForwardRoute); a connect failure moves to the next
// one (nothing was sent), a reset before any response byte too, but only for idempotent
// methods.
// One instance per network thread (one per HttpHandler); its UpstreamPool is created on the
// first request, in that thread, so the forwarder itself may be made elsewhere.
class HttpForwarder final
{
    Q_DISABLE_COPY_MOVE(HttpForwarder)

public:
    explicit HttpForwarder(QList<quint16> upstreamPorts, const UpstreamOptions &options = {});
    ~HttpForwarder();

    // Takes the exchange and finishes it, usually later; with no upstream at all the answer is
    // 502, like nginx's "no live upstreams".
    void forward(httpserver::HttpExchange &exchange, std::unique_ptr<ForwardTap> tap = {},
                 std::unique_ptr<ForwardRoute> route = {});

    // Per-link metrics (the runtime's): every attempt is recorded for its port. Set before the
    // first request.
    void setLinkMetrics(std::shared_ptr<const metrics::LinkMetrics> links)
    {
        m_links = std::move(links);
    }

    int inFlight() const { return int(m_relays.size()); }
    UpstreamPool *pool() const { return m_pool.get(); } // null before the first request

private:
    class Relay;
    friend class Relay;
    quint16 nextPort() { return m_ports.at(int(m_next++ % unsigned(m_ports.size()))); }
    void retire(Relay *relay);

    QList<quint16> m_ports;
    UpstreamOptions m_options;
    std::unique_ptr<UpstreamPool> m_pool;
    QSet<Relay *> m_relays;
    QList<Relay *> m_retired; // finished, deleted from the event loop in one batch
    std::shared_ptr<const metrics::LinkMetrics> m_links;
    int m_linkThread = -1; // this forwarder's thread among the link metrics' threads
    unsigned m_next = 0;
};

} // namespace infralab::upstream
