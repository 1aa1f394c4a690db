#include "docks/statisticsmodel.h"

#include <QLocale>

namespace infralab {

namespace {

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
    QList<Row> generators; // listed after the servers, as before
    for (const metrics::NodeMetrics &m : snapshot.metrics->nodes) {
        // A load source (NodeDetail::sendingRate >= 0, a generator) counts what it sent and
        // got answered; its latency and failures are what its clients saw.
        const runtime::NodeDetail *detail = snapshot.nodeDetail(m.nodeId);
        const bool loadSource = detail && detail->sendingRate >= 0;
        Row r;
        r.nodeId = m.nodeId;
        r.generator = loadSource;
        r.requests = loadSource ? detail->sent : double(m.requests);
        r.failures = double(m.errorCount);
        r.medianMs = m.totalP50Ms;
        r.p90Ms = m.totalP90Ms;
        r.p99Ms = m.totalP99Ms;
        r.averageMs = m.totalMeanMs;
        r.minMs = m.totalMinMs;
        r.maxMs = m.totalMaxMs;
        r.rps = loadSource ? detail->sendingRate : m.qps;
        r.failuresPerSecond = failuresPerSecond(m.nodeId, r.failures, snapshot.wallMs);
        (loadSource ? generators : rows).append(r);
    }
    rows.append(generators);
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
