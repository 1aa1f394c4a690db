#pragma once

#include "upstream/upstreamoptions.h"

#include <QList>
#include <QSet>

#include <memory>

namespace infralab::httpserver {
class HttpExchange;
}

namespace infralab::upstream {

class UpstreamPool;

// Relays requests to a node's upstreams (its links), like nginx `proxy_pass` with
// `proxy_http_version 1.1`, `keepalive 32` and the usual X-Forwarded-* block: the raw target
// (never decoded, robustness.md §6), HTTP/1.1, Host as the client sent it, hop-by-hop fields
// removed (RFC 9110 §7.6.1), the body re-framed with Content-Length, X-Forwarded-For appended,
// Via added (RFC 9110 §7.6.3). The answer streams back with backpressure. Failures map like
// nginx (robustness.md §3): refused, reset or invalid → 502, timeouts → 504; an upstream that
// dies after the head went out aborts the client connection (never padded, never reused).
// Endpoints are taken round-robin; a connect failure moves to the next one (nothing was
// sent), a reset before any response byte too, but only for idempotent methods.
// One instance per network thread (one per HttpHandler); its UpstreamPool is created on the
// first request, in that thread, so the forwarder itself may be made elsewhere.
class HttpForwarder final
{
    Q_DISABLE_COPY_MOVE(HttpForwarder)

public:
    explicit HttpForwarder(QList<quint16> upstreamPorts, const UpstreamOptions &options = {});
    ~HttpForwarder();

    // Takes the exchange and finishes it, usually later. Always true (the web server's
    // Forwarder hook contract); with no upstream at all the answer is 502, like nginx's
    // "no live upstreams".
    bool forward(httpserver::HttpExchange &exchange);

    int inFlight() const { return int(m_relays.size()); }
    UpstreamPool *pool() const { return m_pool.get(); } // null before the first request

private:
    class Relay;
    friend class Relay;
    quint16 nextPort() { return m_ports.at(int(m_next++ % unsigned(m_ports.size()))); }

    QList<quint16> m_ports;
    UpstreamOptions m_options;
    std::unique_ptr<UpstreamPool> m_pool;
    QSet<Relay *> m_relays;
    unsigned m_next = 0;
};

} // namespace infralab::upstream
