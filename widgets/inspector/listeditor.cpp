#include "inspector/listeditor.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace infralab {

namespace {

enum RequestColumn { Method, Path, Weight, Body, RequestColumns };
constexpr int VisibleRows = 6; // taller lists scroll inside the table

const QString MethodKey = QStringLiteral("method");
const QString PathKey = QStringLiteral("path");
const QString WeightKey = QStringLiteral("weight");
const QString BodyKey = QStringLiteral("body");

} // namespace

ListEditor::ListEditor(const ConfigKey &key, QWidget *parent)
    : ValueEditor(key, parent)
    , m_table(new QTableWidget(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_mixedNote(
          new QLabel(tr("Mixed values: an edit replaces the list in every selected item."), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_mixedNote->setWordWrap(true);
    m_mixedNote->hide();
    layout->addWidget(m_mixedNote);
    layout->addWidget(m_table);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    setFocusProxy(m_table);

    if (isRequestList()) {
        m_table->setColumnCount(RequestColumns);
        m_table->setHorizontalHeaderLabels({tr("Method"), tr("Path"), tr("Weight"), tr("Body")});
        m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        m_table->horizontalHeader()->setSectionResizeMode(Path, QHeaderView::Stretch);
    } else {
        m_table->setColumnCount(1);
        m_table->horizontalHeader()->hide();
        m_table->horizontalHeader()->setStretchLastSection(true);
    }
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    m_add->setText(QStringLiteral("+"));
    m_add->setToolTip(isRequestList() ? tr("Add a request") : tr("Add an entry"));
    m_remove->setText(QStringLiteral("−"));
    m_remove->setToolTip(tr("Remove the selected rows"));
    m_remove->setEnabled(false);
    m_table->installEventFilter(this);
    connect(m_add, &QToolButton::clicked, this, &ListEditor::addRow);
    connect(m_remove, &QToolButton::clicked, this, &ListEditor::removeSelectedRows);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_table->selectedItems().isEmpty()); });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            reportList();
    });
    display(key.defaultValue);
}

bool ListEditor::eventFilter(QObject *watched, QEvent *event)
{
    // While a cell is edited its editor gets the keys, so this only sees row-level presses.
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Delete) || key->key() == Qt::Key_Backspace) {
            removeSelectedRows();
            return true;
        }
    }
    return ValueEditor::eventFilter(watched, event);
}

QJsonValue ListEditor::value() const
{
    QJsonArray array;
    for (int row = 0; row < m_table->rowCount(); ++row)
        array.append(rowValue(row));
    return array;
}

void ListEditor::addRow()
{
    QJsonValue entry = QString();
    if (isRequestList())
        entry = QJsonObject{
            {MethodKey, QStringLiteral("GET")}, {PathKey, QStringLiteral("/")}, {WeightKey, 1}};
    m_filling = true;
    appendRow(entry);
    m_filling = false;
    fitHeight();
    reportList();
    const int row = m_table->rowCount() - 1;
    m_table->setCurrentCell(row, isRequestList() ? Path : 0);
}

void ListEditor::removeSelectedRows()
{
    QList<int> rows;
    for (const QTableWidgetItem *item : m_table->selectedItems()) {
        if (!rows.contains(item->row()))
            rows.append(item->row());
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    m_filling = true;
    for (int row : rows)
        m_table->removeRow(row);
    m_filling = false;
    fitHeight();
    reportList();
}

void ListEditor::display(const QJsonValue &value)
{
    m_mixedNote->hide();
    m_filling = true;
    m_table->setRowCount(0);
    for (const QJsonValue &entry : value.toArray())
        appendRow(entry);
    m_filling = false;
    fitHeight();
}

void ListEditor::displayMixed()
{
    m_filling = true;
    m_table->setRowCount(0);
    m_filling = false;
    m_mixedNote->show();
    fitHeight();
}

QWidget *ListEditor::textWidget()
{
    return m_table;
}

void ListEditor::appendRow(const QJsonValue &entry)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    if (!isRequestList()) {
        m_table->setItem(row, 0, new QTableWidgetItem(entry.toString()));
        return;
    }
    const QJsonObject request = entry.toObject();
    auto *method = new QTableWidgetItem(request.value(MethodKey).toString());
    method->setData(Qt::UserRole, request); // keeps keys the table has no column for
    m_table->setItem(row, Method, method);
    m_table->setItem(row, Path, new QTableWidgetItem(request.value(PathKey).toString()));
    auto *weight = new QTableWidgetItem;
    weight->setData(Qt::EditRole, request.value(WeightKey).toInt());
    m_table->setItem(row, Weight, weight);
    m_table->setItem(row, Body, new QTableWidgetItem(request.value(BodyKey).toString()));
}

QJsonValue ListEditor::rowValue(int row) const
{
    const auto text = [this, row](int column) {
        const QTableWidgetItem *item = m_table->item(row, column);
        return item ? item->text() : QString();
    };
    if (!isRequestList())
        return text(0);
    QJsonObject request = m_table->item(row, Method)->data(Qt::UserRole).toJsonObject();
    request.insert(MethodKey, text(Method));
    request.insert(PathKey, text(Path));
    request.insert(WeightKey, m_table->item(row, Weight)->data(Qt::EditRole).toInt());
    if (text(Body).isEmpty())
        request.remove(BodyKey);
    else
        request.insert(BodyKey, text(Body));
    return request;
}

void ListEditor::fitHeight()
{
    const int rows = std::clamp(m_table->rowCount(), 1, VisibleRows);
    const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
    const int header = m_table->horizontalHeader()->isHidden()
                           ? 0
                           : m_table->horizontalHeader()->sizeHint().height();
    m_table->setFixedHeight(header + rows * rowHeight + 2 * m_table->frameWidth());
}

void ListEditor::reportList()
{
    m_mixedNote->hide();
    report(value(), false);
}

} // namespace infralab
