#include "dialogs/preferencesdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace infralab {

namespace {

const QString ControlApiKey = QStringLiteral("live/controlApi");
const QString ControlPortKey = QStringLiteral("live/controlPort");
const QString ThreadsKey = QStringLiteral("live/networkThreads");
const QString RefreshKey = QStringLiteral("live/chartRefreshHz");

} // namespace

LivePreferences LivePreferences::load()
{
    const QSettings settings;
    LivePreferences p;
    p.controlApi = settings.value(ControlApiKey, false).toBool();
    p.controlPort = qBound(0, settings.value(ControlPortKey, 0).toInt(), 65535);
    p.networkThreads = qBound(0, settings.value(ThreadsKey, 0).toInt(), 64);
    p.chartRefreshHz = qBound(4, settings.value(RefreshKey, 4).toInt(), 20);
    return p;
}

void LivePreferences::save() const
{
    QSettings settings;
    settings.setValue(ControlApiKey, controlApi);
    settings.setValue(ControlPortKey, controlPort);
    settings.setValue(ThreadsKey, networkThreads);
    settings.setValue(RefreshKey, chartRefreshHz);
}

PreferencesDialog::PreferencesDialog(const LivePreferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_controlApi(new QCheckBox(tr("Serve the control API while the window is open")))
    , m_controlPort(new QSpinBox)
    , m_controlStatus(new QLabel)
    , m_threads(new QSpinBox)
    , m_refresh(new QSpinBox)
{
    setWindowTitle(tr("Preferences"));
    m_controlPort->setRange(0, 65535);
    m_controlPort->setSpecialValueText(tr("any free port"));
    m_controlStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_controlStatus->setWordWrap(true);
    m_threads->setRange(0, 64);
    m_threads->setSpecialValueText(tr("one per core (%1)").arg(QThread::idealThreadCount()));
    m_refresh->setRange(4, 20);
    m_refresh->setSuffix(tr(" per second"));

    m_controlApi->setChecked(preferences.controlApi);
    m_controlPort->setValue(preferences.controlPort);
    m_threads->setValue(preferences.networkThreads);
    m_refresh->setValue(preferences.chartRefreshHz);
    m_controlPort->setEnabled(preferences.controlApi);
    connect(m_controlApi, &QCheckBox::toggled, m_controlPort, &QWidget::setEnabled);

    auto *control = new QGroupBox(tr("Control API"));
    auto *controlForm = new QFormLayout(control);
    controlForm->addRow(m_controlApi);
    controlForm->addRow(tr("Port:"), m_controlPort);
    controlForm->addRow(tr("Address:"), m_controlStatus);
    auto *runtime = new QGroupBox(tr("Running"));
    auto *runtimeForm = new QFormLayout(runtime);
    runtimeForm->addRow(tr("Network threads:"), m_threads);
    runtimeForm->addRow(tr("Chart refresh:"), m_refresh);
    auto *note = new QLabel(tr("The thread count applies at the next start."));
    note->setEnabled(false);
    runtimeForm->addRow(note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(control);
    layout->addWidget(runtime);
    layout->addWidget(buttons);
    setControlStatus(QString(), QString());
}

LivePreferences PreferencesDialog::preferences() const
{
    LivePreferences p;
    p.controlApi = m_controlApi->isChecked();
    p.controlPort = m_controlPort->value();
    p.networkThreads = m_threads->value();
    p.chartRefreshHz = m_refresh->value();
    return p;
}

void PreferencesDialog::setControlStatus(const QString &url, const QString &error)
{
    if (!error.isEmpty())
        m_controlStatus->setText(tr("not listening: %1").arg(error));
    else if (!url.isEmpty())
        m_controlStatus->setText(tr("%1 (try %1/api/v1/nodes)").arg(url));
    else
        m_controlStatus->setText(tr("off"));
}

QString PreferencesDialog::controlStatusText() const
{
    return m_controlStatus->text();
}

} // namespace infralab
