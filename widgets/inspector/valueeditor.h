#pragma once

#include "catalogue/configkey.h"

#include <QJsonValue>
#include <QWidget>

namespace infralab {

// One inspector editor for one configuration key, picked by the key's type: shows the
// effective value (or "mixed" when a multi-selection disagrees) and reports what the user
// entered. The form validates reports and turns them into undo commands. A report carries an
// edit session: the reports of one stretch of typing share one, so they merge into one step.
class ValueEditor : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ValueEditor)

public:
    // The editor for the key's type; `baseFolder` is where relative paths resolve.
    static ValueEditor *create(const ConfigKey &key, const QString &baseFolder,
                               QWidget *parent = nullptr);

    const ConfigKey &key() const { return m_key; }

    // Shows a value without reporting it. An editor that already shows it is left alone, so a
    // field the user is typing into keeps its cursor when the model echoes the edit.
    void showValue(const QJsonValue &value);
    void showMixed();
    bool isMixed() const { return m_mixed; }
    // What the editor shows now (undefined while mixed and untouched).
    virtual QJsonValue value() const = 0;

    // Marks what the editor shows as not applied (the validator refused it).
    void setFlagged(bool flagged);
    bool isFlagged() const { return m_flagged; }

    // The colour of refused values and their messages, readable on light and dark palettes.
    static QColor problemColor(const QPalette &palette);

signals:
    void edited(const QJsonValue &value, int session);

protected:
    ValueEditor(const ConfigKey &key, QWidget *parent);

    virtual void display(const QJsonValue &value) = 0;
    virtual void displayMixed() = 0;
    // The widget whose text turns red when flagged.
    virtual QWidget *textWidget() = 0;

    // Reports an edit made by the user. Continuous edits (keystrokes, spin steps) share one
    // session until endSession(); discrete ones (a choice, a click) never merge.
    void report(const QJsonValue &value, bool continuous);
    void endSession() { m_session = 0; }
    // True while showValue()/showMixed() update the widgets: their change signals are ours.
    bool isUpdating() const { return m_updating; }

private:
    ConfigKey m_key;
    bool m_mixed = false;
    bool m_updating = false;
    bool m_flagged = false;
    int m_session = 0;
};

} // namespace infralab
