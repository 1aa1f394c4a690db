#include "docks/statisticsmodel.h"

#include <QLocale>

namespace infralab {

namespace {

double generatorFailures(const QJsonObject &report)
{
    const QJsonObject errors = report.value(QLatin1String("errors")).toObject();
    double sum = 0;
    for (const char *key : {"connect", "timeout", "reset", "protocol", "5xx"})
        sum += errors.value(QLatin1String(key)).toDouble();
    return sum;
}

QByteArray csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')))
        return text.toUtf8();
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return '"' + quoted.toUtf8() + '"';
}

} // namespace

StatisticsModel::StatisticsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void StatisticsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_failureHistory.clear();
    endResetModel();
}

const StatisticsModel::Row *StatisticsModel::row(const QString &nodeId) const
{
    for (const Row &r : m_rows) {
        if (r.nodeId == nodeId)
            return &r;
    }
    return nullptr;
}

double StatisticsModel::failuresPerSecond(const QString &nodeId, double failures, qint64 nowMs)
{
    QList<FailureSample> &history = m_failureHistory[nodeId];
    if (!history.isEmpty() && failures < history.constLast().failures)
        history.clear(); // the node restarted
    history.append({nowMs, failures});
    while (history.size() > 2 && nowMs - history.at(1).ms >= 1000)
        history.removeFirst();
    const FailureSample &first = history.constFirst();
    if (nowMs <= first.ms)
        return 0;
    return (failures - first.failures) * 1000.0 / double(nowMs - first.ms);
}

void StatisticsModel::update(const live::LiveSnapshot &snapshot)
{
    if (!snapshot.metrics)
        return;
    QList<Row> rows;
    for (const metrics::NodeMetrics &m : snapshot.metrics->nodes) {
        if (snapshot.details.value(m.nodeId).contains(QLatin1String("current_rate")))
            continue; // a generator: its report below says more
        Row r;
        r.nodeId = m.nodeId;
        r.requests = double(m.requests);
        r.failures = double(m.errorCount);
        r.medianMs = m.totalP50Ms;
        r.p90Ms = m.totalP90Ms;
        r.p99Ms = m.totalP99Ms;
        r.averageMs = m.totalMeanMs;
        r.minMs = m.totalMinMs;
        r.maxMs = m.totalMaxMs;
        r.rps = m.qps;
        r.failuresPerSecond = failuresPerSecond(m.nodeId, r.failures, snapshot.wallMs);
        rows.append(r);
    }
    for (auto it = snapshot.details.cbegin(); it != snapshot.details.cend(); ++it) {
        if (!it->contains(QLatin1String("current_rate")))
            continue;
        const QJsonObject latency = it->value(QLatin1String("latency_ms")).toObject();
        Row r;
        r.nodeId = it.key();
        r.generator = true;
        r.requests = it->value(QLatin1String("requests")).toDouble();
        r.failures = generatorFailures(*it);
        r.medianMs = latency.value(QLatin1String("p50")).toDouble();
        r.p90Ms = latency.value(QLatin1String("p90")).toDouble();
        r.p99Ms = latency.value(QLatin1String("p99")).toDouble();
        r.averageMs = latency.value(QLatin1String("mean")).toDouble();
        r.minMs = latency.value(QLatin1String("min")).toDouble();
        r.maxMs = latency.value(QLatin1String("max")).toDouble();
        r.rps = it->value(QLatin1String("current_rate")).toDouble();
        r.failuresPerSecond = failuresPerSecond(r.nodeId, r.failures, snapshot.wallMs);
        rows.append(r);
    }
    bool sameRows = rows.size() == m_rows.size();
    for (int i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows.at(i).nodeId == m_rows.at(i).nodeId;
    if (!sameRows) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, RequestsColumn), index(m_rows.size() - 1, ColumnCount - 1));
}

int StatisticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatisticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double StatisticsModel::value(const Row &row, int column)
{
    switch (column) {
    case RequestsColumn: return row.requests;
    case FailuresColumn: return row.failures;
    case MedianColumn: return row.medianMs;
    case P90Column: return row.p90Ms;
    case P99Column: return row.p99Ms;
    case AverageColumn: return row.averageMs;
    case MinColumn: return row.minMs;
    case MaxColumn: return row.maxMs;
    case RpsColumn: return row.rps;
    case FailuresPerSecondColumn: return row.failuresPerSecond;
    default: return 0;
    }
}

QVariant StatisticsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const int column = index.column();
    if (role == SortRole)
        return column == NodeColumn ? QVariant(r.nodeId) : QVariant(value(r, column));
    if (role == Qt::TextAlignmentRole && column != NodeColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column == NodeColumn)
        return r.generator ? tr("%1 (traffic generator: what it sent)").arg(r.nodeId)
                           : tr("%1 (what it served)").arg(r.nodeId);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (column) {
    case NodeColumn: return r.nodeId;
    case RequestsColumn:
    case FailuresColumn: return locale.toString(qint64(value(r, column)));
    case RpsColumn:
    case FailuresPerSecondColumn: return locale.toString(value(r, column), 'f', 1);
    default: return locale.toString(value(r, column), 'f', value(r, column) < 10 ? 2 : 1);
    }
}

QVariant StatisticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeColumn: return tr("Node");
    case RequestsColumn: return tr("Requests");
    case FailuresColumn: return tr("Failures");
    case MedianColumn: return tr("Median (ms)");
    case P90Column: return tr("90%ile (ms)");
    case P99Column: return tr("99%ile (ms)");
    case AverageColumn: return tr("Average (ms)");
    case MinColumn: return tr("Min (ms)");
    case MaxColumn: return tr("Max (ms)");
    case RpsColumn: return tr("Current RPS");
    case FailuresPerSecondColumn: return tr("Failures/s");
    }
    return {};
}

QByteArray StatisticsModel::toCsv() const
{
    // Stable English column names: scripts read these files.
    QByteArray csv = "node,requests,failures,median_ms,p90_ms,p99_ms,average_ms,min_ms,max_ms,"
                     "current_rps,failures_per_s\n";
    for (const Row &r : m_rows) {
        csv += csvField(r.nodeId);
        for (int column = RequestsColumn; column < ColumnCount; ++column)
            csv += ',' + QByteArray::number(value(r, column), 'g', 10);
        csv += '\n';
    }
    return csv;
}

} // namespace infralab
