#pragma once

#include "httpserver/httpfilter.h"

#include <QByteArray>
#include <QJsonObject>

namespace infralab::loadbalancer {

class LoadBalancerHandler;

// The first filter of the balancer's chain: a request for the configured stats path is
// answered here (GET or HEAD; other methods 405), every other request goes on to routing.
class StatsPageFilter final : public httpserver::HttpFilter
{
public:
    explicit StatsPageFilter(LoadBalancerHandler &balancer)
        : m_balancer(balancer)
    {}
    Result onRequest(httpserver::HttpExchange &exchange) override;

private:
    LoadBalancerHandler &m_balancer; // the routing filter after it, in the same chain
};

// The balancer's statistics page (HAProxy's `stats uri`, reduced to what a lab shows): one
// row per backend with its state, weight, requests in flight and in total, failures, last
// health check and time in state. `stats` is BackendTable::toJson().
QByteArray statsJson(const QJsonObject &stats); // compact JSON, for scripts
QByteArray statsHtml(const QJsonObject &stats); // a self-refreshing HTML table, for people

} // namespace infralab::loadbalancer
