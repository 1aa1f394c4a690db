#pragma once

#include "components/trafficgenerator/generatorconfig.h"
#include "components/trafficgenerator/generatorstats.h"

#include <QJsonObject>
#include <QString>

namespace infralab::trafficgenerator {

// What a report says besides the counters: how the generator was set up and where it stands.
struct ReportContext
{
    QString state; // "running", "finished", "stopped", "no-target"
    LoadModel model = LoadModel::Closed;
    LoadProfile profile;
    int connections = 0;
    double rate = 0; // open model target, req/s at full load
    QList<GeneratorTarget> targets;
    double elapsedS = 0;
    double currentRate = 0; // completed requests in the last full second
};

// The report as JSON, in the shapes users know: wrk's totals and error classes, vegeta's
// latency fields (min, mean, percentiles, max) and status codes, k6's dropped count. Latencies
// are milliseconds. The control API, `--report` and the summary text read this.
QJsonObject reportJson(const GeneratorTotals &totals, const ReportContext &context);

// Latency summary of one histogram: {min, mean, p50, p75, p90, p95, p99, p99_9, max, stdev}
// in milliseconds.
QJsonObject latencyJson(const metrics::LatencyHistogram &histogram);

// A wrk-like text summary of reportJson()'s output, for `infralab run` and people:
//   load: closed model, 10 connections to web
//     12345 requests in 5.00s, 12.06MiB read, 1.04MiB written
//     Latency      min      avg      p50 …
QString summaryText(const QString &nodeId, const QJsonObject &report);

} // namespace infralab::trafficgenerator
