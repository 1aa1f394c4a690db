#pragma once

#include <QDateTime>
#include <QJsonObject>

namespace infralab::runtime {

class Lab;

// The whole run of a lab as JSON (`infralab run --report FILE`): per node its totals
// (requests, status classes, errors by kind, bytes, latency percentiles) and its details()
// (a traffic generator's summary), the generators' summaries again under "generators", and
// per node the per-second series the collector kept (up to its last ten minutes).
QJsonObject labReport(const Lab &lab, const QString &topologyFile, const QDateTime &started,
                      const QDateTime &ended);

} // namespace infralab::runtime
