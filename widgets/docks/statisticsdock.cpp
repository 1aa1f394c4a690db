#include "docks/statisticsdock.h"

#include "dashboard/seriesstore.h"
#include "docks/statisticsmodel.h"
#include "live/labsession.h"

#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace infralab {

namespace {

bool writeFile(const QString &fileName, const QByteArray &data, QString *error)
{
    QSaveFile file(fileName);
    if (file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit())
        return true;
    if (error)
        *error = file.errorString();
    return false;
}

} // namespace

StatisticsDock::StatisticsDock(live::LabSession *session, SeriesStore *store, QWidget *parent)
    : QDockWidget(tr("Statistics"), parent)
    , m_store(store)
    , m_model(new StatisticsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView)
{
    setObjectName(QStringLiteral("StatisticsDock"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(StatisticsModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StatisticsModel::NodeColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StatisticsModel::NodeColumn,
                                                      QHeaderView::Stretch);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit nodeActivated(m_proxy->index(index.row(), 0).data().toString());
    });

    auto *exportTable = new QPushButton(tr("Export Table…"));
    auto *exportSeries = new QPushButton(tr("Export Series…"));
    connect(exportTable, &QPushButton::clicked, this, [this] { exportWithDialog(false); });
    connect(exportSeries, &QPushButton::clicked, this, [this] { exportWithDialog(true); });
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(exportTable);
    buttons->addWidget(exportSeries);
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setWidget(body);

    connect(session, &live::LabSession::snapshotReady, this,
            [this](const std::shared_ptr<const live::LiveSnapshot> &snapshot) {
                m_model->update(*snapshot);
            });
    connect(session, &live::LabSession::phaseChanged, this, [this](live::LabSession::Phase phase) {
        if (phase == live::LabSession::Phase::Starting)
            m_model->clear();
    });
}

void StatisticsDock::clear()
{
    m_model->clear();
}

bool StatisticsDock::exportTable(const QString &fileName, QString *error) const
{
    return writeFile(fileName, m_model->toCsv(), error);
}

QByteArray StatisticsDock::seriesCsv() const
{
    // Columns in ErrorClass order.
    QByteArray csv
        = "time,node,rps,p50_ms,p95_ms,p99_ms,active_connections,errors_5xx_per_s,"
          "errors_4xx_per_s,timeouts_per_s,resets_per_s,refused_per_s,protocol_errors_per_s\n";
    const qint64 now = m_store->lastWallMs();
    for (const QString &id : m_store->nodeIds()) {
        for (const DashPoint &p : m_store->points(id, 15 * 60000, now)) {
            csv += QDateTime::fromMSecsSinceEpoch(p.wallMs, Qt::UTC)
                       .toString(Qt::ISODateWithMs)
                       .toUtf8();
            csv += ',' + id.toUtf8();
            for (const float value : {p.qps, p.p50Ms, p.p95Ms, p.p99Ms, p.active})
                csv += ',' + QByteArray::number(value, 'g', 8);
            for (const float value : p.errorsPerS)
                csv += ',' + QByteArray::number(value, 'g', 8);
            csv += '\n';
        }
    }
    return csv;
}

bool StatisticsDock::exportSeries(const QString &fileName, QString *error) const
{
    return writeFile(fileName, seriesCsv(), error);
}

void StatisticsDock::exportWithDialog(bool series)
{
    const QString fileName = QFileDialog::getSaveFileName(
        this, series ? tr("Export Time Series") : tr("Export Statistics"),
        series ? QStringLiteral("series.csv") : QStringLiteral("statistics.csv"),
        tr("CSV files (*.csv)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (!(series ? exportSeries(fileName, &error) : exportTable(fileName, &error)))
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Could not write %1: %2").arg(fileName, error));
}

} // namespace infralab
