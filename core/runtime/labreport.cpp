#include "runtime/labreport.h"

#include "catalogue/componentcatalogue.h"
#include "metrics/metricscollector.h"
#include "runtime/lab.h"

#include <QJsonArray>

namespace infralab::runtime {

namespace {

double rounded(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

QJsonObject totalsJson(const metrics::NodeMetrics &m)
{
    QJsonObject responses;
    for (int c = 1; c <= 5; ++c)
        responses.insert(QStringLiteral("%1xx").arg(c), double(m.responses[std::size_t(c)]));
    QJsonObject errors;
    for (int k = 0; k < metrics::errorKindCount; ++k)
        errors.insert(metrics::errorKindName(metrics::ErrorKind(k)),
                      double(m.errors[std::size_t(k)]));
    return {
        {QStringLiteral("requests"), double(m.requests)},
        {QStringLiteral("responses"), responses},
        {QStringLiteral("errors"), double(m.errorCount)},
        {QStringLiteral("errors_by_kind"), errors},
        {QStringLiteral("bytes_in"), double(m.bytesIn)},
        {QStringLiteral("bytes_out"), double(m.bytesOut)},
        {QStringLiteral("latency_ms"),
         QJsonObject{{QStringLiteral("p50"), rounded(m.totalP50Ms)},
                     {QStringLiteral("p90"), rounded(m.totalP90Ms)},
                     {QStringLiteral("p99"), rounded(m.totalP99Ms)},
                     {QStringLiteral("max"), rounded(m.totalMaxMs)},
                     {QStringLiteral("mean"), rounded(m.totalMeanMs)}}},
    };
}

QJsonArray seriesJson(const QList<metrics::SeriesPoint> &points, qint64 originMs)
{
    QJsonArray series;
    for (const metrics::SeriesPoint &point : points) {
        series.append(QJsonObject{
            {QStringLiteral("t"), rounded(double(point.timeMs - originMs) / 1000.0)},
            {QStringLiteral("requests"), double(point.requests)},
            {QStringLiteral("qps"), rounded(point.qps)},
            {QStringLiteral("errors"), double(point.errors)},
            {QStringLiteral("bytes_in"), double(point.bytesIn)},
            {QStringLiteral("bytes_out"), double(point.bytesOut)},
            {QStringLiteral("active_connections"), point.activeConnections},
            {QStringLiteral("p50_ms"), rounded(point.p50Ms)},
            {QStringLiteral("p90_ms"), rounded(point.p90Ms)},
            {QStringLiteral("p99_ms"), rounded(point.p99Ms)},
        });
    }
    return series;
}

} // namespace

QJsonObject labReport(const Lab &lab, const QString &topologyFile, const QDateTime &started,
                      const QDateTime &ended)
{
    const auto snapshot = lab.metrics().latest();
    // Series times count from the first point any node has: seconds into the run.
    qint64 originMs = snapshot->timeMs;
    for (const Node &node : lab.topology().nodes) {
        const QList<metrics::SeriesPoint> fine = lab.metrics().series(node.id, true);
        if (!fine.isEmpty())
            originMs = std::min(originMs, fine.first().timeMs);
        const QList<metrics::SeriesPoint> coarse = lab.metrics().series(node.id);
        if (!coarse.isEmpty())
            originMs = std::min(originMs, coarse.first().timeMs - 1000);
    }
    QJsonArray nodes;
    QJsonArray generators;
    QJsonObject series;
    const metrics::NodeMetrics none;
    for (const Node &node : lab.topology().nodes) {
        const metrics::NodeMetrics *m = snapshot->find(node.id);
        QJsonObject object{
            {QStringLiteral("id"), node.id},
            {QStringLiteral("kind"), node.kind},
            {QStringLiteral("state"), nodeStateName(lab.state(node.id))},
            {QStringLiteral("totals"), totalsJson(m ? *m : none)},
        };
        if (lab.state(node.id) == NodeState::Failed || lab.state(node.id) == NodeState::Skipped)
            object.insert(QStringLiteral("reason"), lab.stateDetail(node.id));
        const QJsonObject details = lab.details(node.id);
        if (!details.isEmpty())
            object.insert(QStringLiteral("details"), details);
        // The nodes that send the lab's load (the catalogue's traffic category) report it.
        const KindInfo *info = ComponentCatalogue::instance().find(node.kind);
        if (info && info->category == Category::Traffic)
            generators.append(
                QJsonObject{{QStringLiteral("id"), node.id}, {QStringLiteral("summary"), details}});
        nodes.append(object);
        if (m)
            series.insert(node.id, seriesJson(lab.metrics().series(node.id), originMs));
    }
    return {
        {QStringLiteral("format"), QStringLiteral("infralab-run-report")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("topology"), topologyFile},
        {QStringLiteral("name"), lab.topology().name},
        {QStringLiteral("started"), started.toString(Qt::ISODateWithMs)},
        {QStringLiteral("ended"), ended.toString(Qt::ISODateWithMs)},
        {QStringLiteral("duration_s"), rounded(double(started.msecsTo(ended)) / 1000.0)},
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("generators"), generators},
        {QStringLiteral("series"), series},
    };
}

} // namespace infralab::runtime
