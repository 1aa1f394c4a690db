#pragma once

#include "dialogs/livepreferences.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace infralab {

// Preferences: the control API on or off with its port and the address it listens on, the
// number of network threads for the next start, and the chart refresh rate. Opened with
// open() (never exec()), so the window keeps running; accepted() then carries the values.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(const LivePreferences &preferences, QWidget *parent = nullptr);

    LivePreferences preferences() const;
    // What the control API does now: its URL, or why it could not listen.
    void setControlStatus(const QString &url, const QString &error);
    QString controlStatusText() const;

    QCheckBox *controlApiBox() const { return m_controlApi; }
    QSpinBox *controlPortSpin() const { return m_controlPort; }
    QSpinBox *threadsSpin() const { return m_threads; }
    QSpinBox *refreshSpin() const { return m_refresh; }

private:
    QCheckBox *m_controlApi;
    QSpinBox *m_controlPort;
    QLabel *m_controlStatus;
    QSpinBox *m_threads;
    QSpinBox *m_refresh;
};

} // namespace infralab
