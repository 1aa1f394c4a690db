#pragma once

#include "runtime/eventlog.h"

#include <QAbstractTableModel>
#include <QDockWidget>

#include <deque>

class QComboBox;
class QSortFilterProxyModel;
class QTableView;

namespace infralab {

namespace live {
class LabSession;
}

// The lab's timeline as a table: time, node, type, message; bounded like the runtime's log.
class EventsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventsModel)

public:
    enum Column { TimeColumn, NodeColumn, TypeColumn, MessageColumn, ColumnCount };
    static constexpr int Capacity = 10000;

    explicit EventsModel(QObject *parent = nullptr);
    void append(const runtime::LabEvent &event);
    void clear();
    const runtime::LabEvent &event(int row) const { return m_events.at(std::size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::deque<runtime::LabEvent> m_events;
};

// The Events dock: the runtime's events as they happen (started, stopped, failed, health
// down/up, ejected, config applied, restarts), timestamped, filterable by node and by type;
// clicking one selects its node on the canvas (nodeActivated). The table follows new entries
// while it is scrolled to the bottom; scrolled away, it stays where the user put it.
class EventsDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventsDock)

public:
    explicit EventsDock(live::LabSession *session, QWidget *parent = nullptr);

    EventsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // Filters: empty shows all.
    void setNodeFilter(const QString &nodeId);
    void setTypeFilter(const QString &type);
    int visibleCount() const;
    QString visibleType(int row) const;
    QString visibleNode(int row) const;
    void activateRow(int row); // as a click on the row
    // Forgets every event and the filters' choices (another document was opened).
    void clear();
    bool isFollowing() const { return m_follow; }

signals:
    void nodeActivated(const QString &nodeId);

private:
    void addChoice(QComboBox *combo, const QString &value);

    EventsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QComboBox *m_nodes;
    QComboBox *m_types;
    bool m_follow = true; // scrolled to the bottom: keep showing the newest
};

} // namespace infralab
