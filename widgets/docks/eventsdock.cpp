#include "docks/eventsdock.h"

#include "live/labsession.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace infralab {

namespace {

// Rows whose node and type match the chosen filters (an empty filter matches all).
class EventFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString node;
    QString type;
    void refilter() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        const auto *events = static_cast<const EventsModel *>(sourceModel());
        const runtime::LabEvent &event = events->event(row);
        return (node.isEmpty() || event.nodeId == node) && (type.isEmpty() || event.type == type);
    }
};

} // namespace

EventsModel::EventsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void EventsModel::append(const runtime::LabEvent &event)
{
    if (int(m_events.size()) >= Capacity) {
        beginRemoveRows({}, 0, 0);
        m_events.pop_front();
        endRemoveRows();
    }
    const int row = int(m_events.size());
    beginInsertRows({}, row, row);
    m_events.push_back(event);
    endInsertRows();
}

void EventsModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
}

int EventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_events.size()))
        return {};
    const runtime::LabEvent &event = m_events.at(std::size_t(index.row()));
    if (role == Qt::ToolTipRole)
        return event.time.toLocalTime().toString(Qt::ISODateWithMs) + QLatin1Char(' ')
               + event.message;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn: return event.time.toLocalTime().toString(QStringLiteral("hh:mm:ss.zzz"));
    case NodeColumn: return event.nodeId.isEmpty() ? tr("(lab)") : event.nodeId;
    case TypeColumn: return event.type;
    case MessageColumn: return event.message;
    }
    return {};
}

QVariant EventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case NodeColumn: return tr("Node");
    case TypeColumn: return tr("Type");
    case MessageColumn: return tr("Message");
    }
    return {};
}

EventsDock::EventsDock(live::LabSession *session, QWidget *parent)
    : QDockWidget(tr("Events"), parent)
    , m_model(new EventsModel(this))
    , m_proxy(new EventFilter(this))
    , m_table(new QTableView)
    , m_nodes(new QComboBox)
    , m_types(new QComboBox)
{
    setObjectName(QStringLiteral("EventsDock"));
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_nodes->addItem(tr("All nodes"), QString());
    m_types->addItem(tr("All types"), QString());
    connect(m_nodes, &QComboBox::currentIndexChanged, this,
            [this] { setNodeFilter(m_nodes->currentData().toString()); });
    connect(m_types, &QComboBox::currentIndexChanged, this,
            [this] { setTypeFilter(m_types->currentData().toString()); });
    connect(m_table, &QTableView::clicked, this,
            [this](const QModelIndex &index) { activateRow(index.row()); });

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Node:")));
    filters->addWidget(m_nodes);
    filters->addWidget(new QLabel(tr("Type:")));
    filters->addWidget(m_types);
    filters->addStretch();
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    setWidget(body);

    // Follow the newest while at the bottom. Judged on the scroll bar's own signals rather than
    // before each insertion: the view lays new rows out later, so a check then sees a stale range.
    QScrollBar *bar = m_table->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_follow = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_follow)
            bar->setValue(maximum);
    });
    connect(session, &live::LabSession::eventLogged, this, [this](const runtime::LabEvent &event) {
        m_model->append(event);
        if (!event.nodeId.isEmpty())
            addChoice(m_nodes, event.nodeId);
        addChoice(m_types, event.type);
    });
    connect(session, &live::LabSession::phaseChanged, this, [this](live::LabSession::Phase phase) {
        if (phase == live::LabSession::Phase::Starting)
            m_model->clear();
    });
}

void EventsDock::clear()
{
    m_model->clear();
    setNodeFilter(QString());
    setTypeFilter(QString());
    for (QComboBox *combo : {m_nodes, m_types}) {
        while (combo->count() > 1)
            combo->removeItem(combo->count() - 1);
    }
    m_follow = true;
}

void EventsDock::addChoice(QComboBox *combo, const QString &value)
{
    if (combo->findData(value) < 0)
        combo->addItem(value, value);
}

void EventsDock::setNodeFilter(const QString &nodeId)
{
    auto *filter = static_cast<EventFilter *>(m_proxy);
    filter->node = nodeId;
    filter->refilter();
    const int index = m_nodes->findData(nodeId);
    if (index >= 0)
        m_nodes->setCurrentIndex(index);
}

void EventsDock::setTypeFilter(const QString &type)
{
    auto *filter = static_cast<EventFilter *>(m_proxy);
    filter->type = type;
    filter->refilter();
    const int index = m_types->findData(type);
    if (index >= 0)
        m_types->setCurrentIndex(index);
}

int EventsDock::visibleCount() const
{
    return m_proxy->rowCount();
}

QString EventsDock::visibleType(int row) const
{
    return m_proxy->index(row, EventsModel::TypeColumn).data().toString();
}

QString EventsDock::visibleNode(int row) const
{
    const QModelIndex source = m_proxy->mapToSource(m_proxy->index(row, 0));
    return source.isValid() ? m_model->event(source.row()).nodeId : QString();
}

void EventsDock::activateRow(int row)
{
    const QString nodeId = visibleNode(row);
    if (!nodeId.isEmpty())
        emit nodeActivated(nodeId);
}

} // namespace infralab
