#include "components/loadbalancer/loadbalancerconfig.h"

#include "components/common/httplisteneroptions.h"

namespace infralab::loadbalancer {

namespace {
int intValue(const QJsonObject &config, const char *key, int fallback)
{
    return config.value(QLatin1String(key)).toInt(fallback);
}
QByteArray utf8Value(const QJsonObject &config, const char *key, const char *fallback)
{
    return config.value(QLatin1String(key)).toString(QLatin1String(fallback)).toUtf8();
}
} // namespace

LoadBalancerConfig LoadBalancerConfig::fromJson(const QJsonObject &config)
{
    LoadBalancerConfig out;
    out.port = quint16(intValue(config, "port", 0));
    out.live.algorithm = algorithmFromName(config.value(QLatin1String("algorithm")).toString())
                             .value_or(Algorithm::RoundRobin);
    out.live.stickyCookie = utf8Value(config, "sticky_cookie", "");
    out.live.retries = intValue(config, "retries", 3);
    out.live.queueTimeoutMs = intValue(config, "queue_timeout_ms", 10000);
    out.live.statsPath = utf8Value(config, "stats_path", "/infralab/stats");

    out.health.path = utf8Value(config, "health_check_path", "/");
    out.health.intervalMs = intValue(config, "health_check_interval_ms", 2000);
    out.health.timeoutMs = intValue(config, "health_check_timeout_ms", 1000);
    out.health.rise = intValue(config, "rise", 2);
    out.health.fall = intValue(config, "fall", 3);

    out.ejection.consecutive5xx = intValue(config, "eject_consecutive_5xx", 0);
    out.ejection.baseTimeMs = intValue(config, "eject_base_time_ms", 30000);
    out.ejection.maxPercent = intValue(config, "eject_max_percent", 10);

    out.upstream = components::upstreamOptions(config);
    out.serverOptions = components::httpListenerOptions(config);
    out.accessLog = config.value(QLatin1String("access_log")).toString();
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
