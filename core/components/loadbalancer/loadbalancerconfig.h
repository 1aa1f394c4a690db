#pragma once

#include "components/loadbalancer/backendtable.h"
#include "components/loadbalancer/outlierdetector.h"
#include "httpserver/httpserveroptions.h"
#include "upstream/upstreamoptions.h"

#include <QJsonObject>

namespace infralab::loadbalancer {

// Active health checks (HAProxy `option httpchk GET <path>`, `check inter rise fall`,
// `timeout check`): any 2xx or 3xx answer passes.
struct HealthCheckSettings
{
    QByteArray path = "/";
    int intervalMs = 2000;
    int timeoutMs = 1000;
    int rise = 2;
    int fall = 3;

    bool operator==(const HealthCheckSettings &) const = default;
};

// A load-balancer node's settings from its effective configuration (the validator checked
// types and ranges). live, health and ejection may change while running (applyConfig); the
// rest is baked into the listener and the per-thread upstream pools and needs a restart.
struct LoadBalancerConfig
{
    quint16 port = 0;
    LiveSettings live;
    HealthCheckSettings health;
    OutlierDetector::Settings ejection;
    upstream::UpstreamOptions upstream;
    httpserver::HttpServerOptions serverOptions;
    QString accessLog;     // as written in the config
    QString accessLogPath; // resolved against the topology's folder by the creator

    static LoadBalancerConfig fromJson(const QJsonObject &effectiveConfig);
    // False when `other` differs in a setting that needs a restart.
    bool sameRestartSettings(const LoadBalancerConfig &other) const;
};

} // namespace infralab::loadbalancer
