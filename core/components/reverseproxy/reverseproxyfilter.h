#pragma once

#include "components/reverseproxy/reverseproxy.h"
#include "httpserver/httpfilter.h"
#include "upstream/httpforwarder.h"

#include <QObject>

#include <memory>

namespace infralab::reverseproxy {

class ResponseCache;
struct CachedResponse;

// The reverse proxy's routing filter in one network thread, the last of its chain (after the
// access log, reverseproxy.cpp): every request goes to the upstreams through this thread's
// HttpForwarder; with a cache, GET and HEAD are looked up first and answered from it
// (X-Cache: HIT, Age), filled on a miss (MISS, or EXPIRED for a stale entry), or parked while
// another request fills the same key and resumed when that fill ends or after the lock
// timeout (then sent upstream uncached, as nginx does after proxy_cache_lock_timeout).
class ReverseProxyFilter final : public httpserver::HttpFilter
{
    Q_DISABLE_COPY_MOVE(ReverseProxyFilter)

public:
    ReverseProxyFilter(const ReverseProxyConfig &config, QList<quint16> upstreamPorts,
                       std::shared_ptr<ResponseCache> cache);
    ~ReverseProxyFilter() override;

    // Before the first request: the forwarder records every attempt per link.
    void setLinkMetrics(std::shared_ptr<const metrics::LinkMetrics> links)
    {
        m_forwarder.setLinkMetrics(std::move(links));
    }
    Result onRequest(httpserver::HttpExchange &exchange) override;

private:
    struct Parked;
    void lookUp(httpserver::HttpExchange &exchange, const QByteArray &primaryKey, bool mayWait);
    void resume(const std::shared_ptr<Parked> &parked);
    static void serveHit(httpserver::HttpExchange &exchange, const CachedResponse &entry,
                         qint64 nowMs);

    upstream::HttpForwarder m_forwarder;
    std::shared_ptr<ResponseCache> m_cache;
    qint64 m_ttlS;
    qint64 m_entryMaxBytes;
    int m_lockTimeoutMs;
    // Made in the network thread on first use: wake-ups and lock timeouts are delivered here.
    std::unique_ptr<QObject> m_context;
};

} // namespace infralab::reverseproxy
