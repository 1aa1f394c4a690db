#pragma once

#include "catalogue/configkey.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QWidget>

#include <optional>
#include <utility>

class QGridLayout;
class QLabel;
class QToolButton;

namespace infralab {

class ValueEditor;

// The rows of one configuration schema (a kind's config or a caller's link config), generated
// from the catalogue, under the catalogue's group headers (Listening, Limits, Timeouts, …): per
// key its human label with the unit (bold when any inspected item sets the key; the file's key
// name, the help and the default as tooltip), the editor for its type, a reset button that removes the key so the
// default applies again, and the key's problem inline under the editor. It shows the values
// of one or more items: equal values as such, differing ones as mixed. An edit the validator
// refuses is not reported; the editor keeps it, flagged, with the validator's message.
class ConfigForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigForm)

public:
    ConfigForm(const QList<ConfigKey> &schema, const QString &baseFolder,
               QWidget *parent = nullptr);

    // The inspected items' configs (as stored: only the keys they set) and the validator's
    // messages about their keys (key → message).
    void setValues(const QList<QJsonObject> &configs, const QHash<QString, QString> &problems);

    ValueEditor *editor(const QString &key) const;
    QLabel *label(const QString &key) const;
    QToolButton *resetButton(const QString &key) const;
    QLabel *problemLabel(const QString &key) const;
    QStringList keys() const; // in the order shown: by group
    // The group headers' titles in order (translated), and the keys shown under one of them.
    QStringList groups() const;
    QStringList keysInGroup(const QString &title) const;
    // A key's row label: the catalogue's label with the unit, "Duration (s)"; the key when the
    // catalogue has no label for it.
    static QString labelText(const ConfigKey &key);

    // Whether any inspected item sets the key (false: every item takes the default).
    bool isSet(const QString &key) const;

signals:
    // value nullopt: reset to the default.
    void valueEdited(const QString &key, const std::optional<QJsonValue> &value, int session);
    // The help text of the row that took the focus, translated.
    void helpChanged(const QString &help);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Row
    {
        ConfigKey key;
        QLabel *label = nullptr;
        ValueEditor *editor = nullptr;
        QToolButton *reset = nullptr;
        QLabel *problem = nullptr;
        std::optional<QJsonValue> shown; // the model value on display; nullopt: mixed
        QString modelProblem;
        QString refusal; // why the editor's value was not applied
        bool set = false;
    };

    void addGroupHeader(const QString &group);
    void addRow(const ConfigKey &key, const QString &baseFolder);
    void onEdited(Row &row, const QJsonValue &value, int session);
    void updateProblem(Row &row);
    Row *find(const QString &key);
    const Row *find(const QString &key) const;

    QGridLayout *m_layout;
    QList<Row> m_rows;
    QList<std::pair<QString, QLabel *>> m_groups; // source group name, header
    int m_nextGridRow = 0;
};

// The catalogue's text (help, display name, description) in the user's language.
QString catalogueText(const QString &source);
// A value as the inspector's tooltips show it: `8080`, `"round-robin"`, `["/api/"]`.
QString valueText(const QJsonValue &value);

} // namespace infralab
