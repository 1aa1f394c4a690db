#pragma once

#include "httplog/accesslog.h"
#include "httpserver/httpserver.h"
#include "upstream/upstreamoptions.h"

#include <QJsonObject>
#include <QList>

#include <memory>

namespace infralab::metrics {
class LinkMetrics;
}

namespace infralab::reverseproxy {

class ResponseCache;

// A reverse-proxy node's settings from its effective configuration (the validator checked
// types and ranges); the request path trusts them.
struct ReverseProxyConfig
{
    quint16 port = 0;
    bool cache = false;
    qint64 cacheTtlS = 60;
    qint64 cacheMaxBytes = 64 * 1024 * 1024;
    qint64 cacheEntryMaxBytes = 1024 * 1024; // larger responses stream through, never stored
    int cacheLockTimeoutMs = 5000;           // nginx proxy_cache_lock_timeout
    QString accessLogPath; // absolute (the creator resolves `access_log`), or empty: memory only
    upstream::UpstreamOptions upstream;
    httpserver::HttpServerOptions serverOptions;

    static ReverseProxyConfig fromJson(const QJsonObject &effectiveConfig);
};

// One `reverse-proxy` node's serving side (nginx proxy_pass, optionally with proxy_cache and
// proxy_cache_lock on): the per-thread filter chains for an HttpServer ([access log,
// ReverseProxyFilter]) forward every request round-robin to `upstreamPorts` (the node's running
// links; none → 502) and share one ResponseCache when `cache` is on. Chains keep the cache
// alive, so destroying this before the server has stopped is safe.
class ReverseProxy final
{
    Q_DISABLE_COPY_MOVE(ReverseProxy)

public:
    ReverseProxy(const ReverseProxyConfig &config, QList<quint16> upstreamPorts,
                 std::shared_ptr<const metrics::LinkMetrics> links = {});
    ~ReverseProxy();

    const ReverseProxyConfig &config() const { return m_config; }
    httpserver::HttpServer::HandlerFactory handlerFactory() const;

    // Drops every cached response whose raw target starts with `targetPrefix` ("/" = all) and
    // returns how many; 0 without a cache. Callable from any thread.
    int purge(QByteArrayView targetPrefix);
    const ResponseCache *cache() const { return m_cache.get(); } // null when `cache` is off

    // The access log (the web server's: memory ring per thread, optional combined-format file).
    QList<httplog::AccessLogEntry> accessLogSnapshot(int max = -1) const;
    QString accessLogError() const { return m_accessLog->fileError(); }

private:
    ReverseProxyConfig m_config;
    QList<quint16> m_upstreamPorts;
    std::shared_ptr<const metrics::LinkMetrics> m_links; // per-link metrics (the runtime's)
    std::shared_ptr<ResponseCache> m_cache;
    std::shared_ptr<httplog::AccessLog> m_accessLog;
};

} // namespace infralab::reverseproxy
