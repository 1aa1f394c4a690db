#pragma once

#include "live/livesnapshot.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace infralab {

// The Statistics table's rows (Locust's statistics page, per node): requests, failures, the
// latency median, 90th and 99th percentile, average, minimum and maximum since the node
// started, the current requests/s and failures/s. Server nodes report what they served, a
// traffic generator what it sent (its report). Sorting uses the raw numbers (SortRole).
class StatisticsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatisticsModel)

public:
    enum Column {
        NodeColumn,
        RequestsColumn,
        FailuresColumn,
        MedianColumn,
        P90Column,
        P99Column,
        AverageColumn,
        MinColumn,
        MaxColumn,
        RpsColumn,
        FailuresPerSecondColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    struct Row
    {
        QString nodeId;
        bool generator = false;
        double requests = 0;
        double failures = 0;
        double medianMs = 0, p90Ms = 0, p99Ms = 0, averageMs = 0, minMs = 0, maxMs = 0;
        double rps = 0;
        double failuresPerSecond = 0;
    };

    explicit StatisticsModel(QObject *parent = nullptr);

    void update(const live::LiveSnapshot &snapshot);
    void clear();
    const QList<Row> &rows() const { return m_rows; }
    const Row *row(const QString &nodeId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static double value(const Row &row, int column);
    // The table as CSV: a header line, then one line per row with plain numbers.
    QByteArray toCsv() const;

private:
    struct FailureSample
    {
        qint64 ms = 0;
        double failures = 0;
    };
    double failuresPerSecond(const QString &nodeId, double failures, qint64 nowMs);

    QList<Row> m_rows;
    QHash<QString, QList<FailureSample>> m_failureHistory; // about the last second
};

} // namespace infralab
