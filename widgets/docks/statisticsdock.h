#pragma once

#include <QDockWidget>

class QSortFilterProxyModel;
class QTableView;

namespace infralab {

class SeriesStore;
class StatisticsModel;

namespace live {
class LabSession;
}

// The Statistics dock: the Locust-style table per node (StatisticsModel), sortable by any
// column, refreshed with each metrics tick, and CSV export of the table and of the recorded
// time series (SeriesStore). Double-clicking a row selects the node.
class StatisticsDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatisticsDock)

public:
    StatisticsDock(live::LabSession *session, SeriesStore *store, QWidget *parent = nullptr);

    StatisticsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // Write the CSV files; false with `error` set when the file cannot be written.
    bool exportTable(const QString &fileName, QString *error = nullptr) const;
    bool exportSeries(const QString &fileName, QString *error = nullptr) const;
    // The series as CSV: one line per node and point (1 s points, the last 15 minutes).
    QByteArray seriesCsv() const;
    // Forgets every row (another document was opened).
    void clear();

signals:
    void nodeActivated(const QString &nodeId);

private:
    void exportWithDialog(bool series);

    SeriesStore *m_store;
    StatisticsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
};

} // namespace infralab
