#pragma once

#include "inspector/valueeditor.h"

#include <QJsonArray>

class QLabel;
class QTableWidget;
class QToolButton;

namespace infralab {

// StringList and RequestList keys: a table with one row per entry (a string, or a
// traffic-generator request with method, path, weight and body columns) and buttons to add
// and remove rows. Every finished cell edit, added or removed row is reported as the whole
// new list; unknown keys of a request object are kept. An empty body leaves the key out.
class ListEditor final : public ValueEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListEditor)

public:
    ListEditor(const ConfigKey &key, QWidget *parent = nullptr);

    QJsonValue value() const override;
    QTableWidget *table() const { return m_table; }
    QToolButton *addButton() const { return m_add; }
    QToolButton *removeButton() const { return m_remove; }

    void addRow();
    void removeSelectedRows();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override; // Delete removes rows
    void display(const QJsonValue &value) override;
    void displayMixed() override;
    QWidget *textWidget() override;

private:
    bool isRequestList() const { return key().type == ValueType::RequestList; }
    void appendRow(const QJsonValue &entry);
    QJsonValue rowValue(int row) const;
    void fitHeight();
    void reportList();

    QTableWidget *m_table;
    QToolButton *m_add;
    QToolButton *m_remove;
    QLabel *m_mixedNote;
    bool m_filling = false;
};

} // namespace infralab
