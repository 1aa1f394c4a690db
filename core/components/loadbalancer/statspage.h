#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace infralab::loadbalancer {

// The balancer's statistics page (HAProxy's `stats uri`, reduced to what a lab shows): one
// row per backend with its state, weight, requests in flight and in total, failures, last
// health check and time in state. `stats` is BackendTable::toJson().
QByteArray statsJson(const QJsonObject &stats); // compact JSON, for scripts
QByteArray statsHtml(const QJsonObject &stats); // a self-refreshing HTML table, for people

} // namespace infralab::loadbalancer
