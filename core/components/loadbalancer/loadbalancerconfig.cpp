#include "components/loadbalancer/loadbalancerconfig.h"

#include "catalogue/settings.h"
#include "components/common/httplisteneroptions.h"

namespace infralab::loadbalancer {

LoadBalancerConfig LoadBalancerConfig::fromJson(const QJsonObject &config)
{
    const Settings settings = Settings::ofNode(u"load-balancer", config);
    LoadBalancerConfig out;
    out.port = quint16(settings.integer("port"));
    out.live.algorithm = settings.choice("algorithm", algorithmChoices);
    out.live.stickyCookie = settings.utf8("sticky_cookie");
    out.live.retries = settings.integer("retries");
    out.live.queueTimeoutMs = settings.integer("queue_timeout_ms");
    out.live.statsPath = settings.utf8("stats_path");

    out.health.path = settings.utf8("health_check_path");
    out.health.intervalMs = settings.integer("health_check_interval_ms");
    out.health.timeoutMs = settings.integer("health_check_timeout_ms");
    out.health.rise = settings.integer("rise");
    out.health.fall = settings.integer("fall");

    out.ejection.consecutive5xx = settings.integer("eject_consecutive_5xx");
    out.ejection.baseTimeMs = settings.integer("eject_base_time_ms");
    out.ejection.maxPercent = settings.integer("eject_max_percent");

    out.upstream = components::upstreamOptions(settings);
    out.upstream.forwardedHeaders = settings.boolean("forwarded_headers");
    out.serverOptions = components::httpListenerOptions(settings);
    out.accessLog = settings.string("access_log");
    return out;
}

bool LoadBalancerConfig::sameRestartSettings(const LoadBalancerConfig &other) const
{
    const upstream::UpstreamOptions &a = upstream;
    const upstream::UpstreamOptions &b = other.upstream;
    const httpserver::HttpServerOptions &s = serverOptions;
    const httpserver::HttpServerOptions &t = other.serverOptions;
    return port == other.port && accessLog == other.accessLog
           && a.connectTimeoutMs == b.connectTimeoutMs && a.responseTimeoutMs == b.responseTimeoutMs
           && a.idlePerEndpoint == b.idlePerEndpoint && a.forwardedHeaders == b.forwardedHeaders
           && s.headerTimeoutMs == t.headerTimeoutMs && s.bodyTimeoutMs == t.bodyTimeoutMs
           && s.sendTimeoutMs == t.sendTimeoutMs && s.keepAliveTimeoutMs == t.keepAliveTimeoutMs
           && s.keepAliveRequests == t.keepAliveRequests && s.limits.maxBody == t.limits.maxBody
           && s.maxConnections == t.maxConnections;
}

} // namespace infralab::loadbalancer
