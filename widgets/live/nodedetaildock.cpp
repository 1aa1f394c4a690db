#include "live/nodedetaildock.h"

#include "canvas/topologyscene.h"
#include "catalogue/componentcatalogue.h"
#include "document/commands/commandids.h"
#include "document/commands/setnodeconfigcommand.h"
#include "document/document.h"
#include "live/labsession.h"
#include "live/livestyle.h"
#include "live/nodeconveniences.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace infralab {

namespace {

constexpr double MaxRate = 1000000;

QString count(double value)
{
    return QLocale().toString(qint64(value));
}

} // namespace

int NodeDetailDock::sliderPosition(int rate)
{
    const double r = std::clamp(double(rate), 1.0, MaxRate);
    return int(std::lround(std::log10(r) / std::log10(MaxRate) * SliderSteps));
}

int NodeDetailDock::sliderRate(int position)
{
    const double exponent = double(std::clamp(position, 0, SliderSteps)) / SliderSteps;
    const double raw = std::pow(MaxRate, exponent);
    // Round to two significant digits, so the slider lands on readable rates.
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)) - 1);
    return int(
        std::max(1.0, std::round(raw / std::max(1.0, magnitude)) * std::max(1.0, magnitude)));
}

NodeDetailDock::NodeDetailDock(live::LabSession *session, Document *document, TopologyScene *scene,
                               QWidget *parent)
    : QDockWidget(tr("Node Detail"), parent)
    , m_session(session)
    , m_document(document)
    , m_title(new QLabel)
    , m_address(new QLabel)
    , m_copyUrl(new QPushButton(tr("Copy URL")))
    , m_copyCurl(new QPushButton(tr("Copy as curl")))
    , m_open(new QPushButton(tr("Open in Browser")))
    , m_numbers(new QLabel)
    , m_generatorBox(new QGroupBox(tr("Load")))
    , m_mode(new QLabel)
    , m_rateSlider(new QSlider(Qt::Horizontal))
    , m_rateSpin(new QSpinBox)
    , m_profile(new QComboBox)
    , m_backendsBox(new QGroupBox(tr("Backends")))
    , m_backends(new QTableWidget)
    , m_logBox(new QGroupBox(tr("Access log")))
    , m_logFilter(new QLineEdit)
    , m_log(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("NodeDetailDock"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_numbers->setTextFormat(Qt::RichText);
    m_numbers->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(m_copyUrl, &QPushButton::clicked, this, [this] {
        nodeconveniences::copyToClipboard(nodeconveniences::url(*m_session, m_nodeId));
    });
    connect(m_copyCurl, &QPushButton::clicked, this, [this] {
        nodeconveniences::copyToClipboard(
            nodeconveniences::curlCommand(nodeconveniences::url(*m_session, m_nodeId)));
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        nodeconveniences::openInBrowser(nodeconveniences::url(*m_session, m_nodeId));
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyUrl);
    buttons->addWidget(m_copyCurl);
    buttons->addWidget(m_open);
    buttons->addStretch();

    // Generator controls: rate (log slider + exact spin box) and profile, live.
    m_rateSlider->setRange(0, SliderSteps);
    m_rateSpin->setRange(1, int(MaxRate));
    m_rateSpin->setSuffix(tr(" req/s"));
    m_rateSpin->setKeyboardTracking(false);
    m_profile->addItem(tr("constant"), QStringLiteral("constant"));
    m_profile->addItem(tr("ramp"), QStringLiteral("ramp"));
    m_profile->addItem(tr("steps"), QStringLiteral("steps"));
    m_profile->addItem(tr("spike"), QStringLiteral("spike"));
    auto *generatorForm = new QFormLayout(m_generatorBox);
    generatorForm->addRow(m_mode);
    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(m_rateSlider, 1);
    rateRow->addWidget(m_rateSpin);
    generatorForm->addRow(tr("Rate:"), rateRow);
    generatorForm->addRow(tr("Profile:"), m_profile);
    connect(m_rateSlider, &QSlider::sliderPressed, this,
            [this] { m_editSession = nextEditSession(); });
    connect(m_rateSlider, &QSlider::valueChanged, this, [this](int position) {
        if (m_updatingControls)
            return;
        const int rate = sliderRate(position);
        m_updatingControls = true;
        m_rateSpin->setValue(rate);
        m_updatingControls = false;
        setGeneratorKey(QStringLiteral("rate"), rate,
                        m_rateSlider->isSliderDown() ? m_editSession : 0);
    });
    connect(m_rateSpin, &QSpinBox::valueChanged, this, [this](int rate) {
        if (m_updatingControls)
            return;
        m_updatingControls = true;
        m_rateSlider->setValue(sliderPosition(rate));
        m_updatingControls = false;
        setGeneratorKey(QStringLiteral("rate"), rate, 0);
    });
    connect(m_profile, &QComboBox::activated, this, [this] {
        setGeneratorKey(QStringLiteral("profile"), m_profile->currentData().toString(), 0);
    });

    m_backends->setColumnCount(7);
    m_backends->setHorizontalHeaderLabels({tr("Backend"), tr("State"), tr("Weight"), tr("Active"),
                                           tr("Requests"), tr("Failures"), tr("Last check")});
    m_backends->verticalHeader()->hide();
    m_backends->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_backends->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_backends->horizontalHeader()->setStretchLastSection(true);
    (new QVBoxLayout(m_backendsBox))->addWidget(m_backends);

    m_logFilter->setPlaceholderText(tr("Filter (path, status, client…)"));
    m_logFilter->setClearButtonEnabled(true);
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setMaximumBlockCount(200);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_logFilter, &QLineEdit::textChanged, this, [this] {
        showAccessLog({m_nodeId, m_entries});
    });
    auto *logLayout = new QVBoxLayout(m_logBox);
    logLayout->addWidget(m_logFilter);
    logLayout->addWidget(m_log, 1);

    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->addWidget(m_title);
    layout->addWidget(m_address);
    layout->addLayout(buttons);
    layout->addWidget(m_numbers);
    layout->addWidget(m_generatorBox);
    layout->addWidget(m_backendsBox);
    layout->addWidget(m_logBox, 1);
    setWidget(body);

    connect(session, &live::LabSession::snapshotReady, this, &NodeDetailDock::onSnapshot);
    connect(session, &live::LabSession::nodeStateChanged, this, [this](const QString &nodeId) {
        if (nodeId == m_nodeId)
            refreshHeader();
    });
    connect(session, &live::LabSession::phaseChanged, this, [this] { refreshHeader(); });
    connect(scene, &QGraphicsScene::selectionChanged, this, [this, scene] {
        const QStringList ids = scene->selectedNodeIds();
        if (ids.size() == 1)
            showNode(ids.constFirst());
    });
    connect(document, &Document::nodeChanged, this, [this](const QString &nodeId) {
        if (nodeId == m_nodeId) {
            refreshHeader();
            refreshGenerator();
        }
    });
    connect(document, &Document::nodeRemoved, this, [this](const QString &nodeId) {
        if (nodeId == m_nodeId)
            showNode(QString());
    });
    showNode(QString());
}

void NodeDetailDock::showNode(const QString &nodeId)
{
    m_nodeId = nodeId;
    m_entries.clear();
    m_log->clear();
    m_backends->setRowCount(0);
    m_session->watchNode(nodeId);
    refreshHeader();
    refreshGenerator();
    if (const std::shared_ptr<const live::LiveSnapshot> latest = m_session->latest())
        onSnapshot(latest);
}

void NodeDetailDock::refreshHeader()
{
    const Node *node = m_document->topology().findNode(m_nodeId);
    if (!node) {
        m_title->setText(tr("No node selected"));
        m_address->setText(tr("Select one node on the canvas to see it here."));
        m_numbers->clear();
        for (QWidget *w : {static_cast<QWidget *>(m_copyUrl), static_cast<QWidget *>(m_copyCurl),
                           static_cast<QWidget *>(m_open)})
            w->setEnabled(false);
        m_generatorBox->hide();
        m_backendsBox->hide();
        m_logBox->hide();
        return;
    }
    const runtime::NodeState state = m_session->state(m_nodeId);
    const LiveState live = m_session->isActive() ? liveStateOf(state, false) : LiveState::Stopped;
    m_title->setText(QStringLiteral("%1 — %2").arg(node->displayName(), liveStateText(live)));
    const QString url = nodeconveniences::url(*m_session, m_nodeId);
    if (!url.isEmpty())
        m_address->setText(url);
    else if (state == runtime::NodeState::Failed || state == runtime::NodeState::Skipped)
        m_address->setText(m_session->stateDetail(m_nodeId));
    else
        m_address->setText(m_session->isActive() ? QString() : tr("The lab is not running."));
    for (QWidget *w : {static_cast<QWidget *>(m_copyUrl), static_cast<QWidget *>(m_copyCurl),
                       static_cast<QWidget *>(m_open)})
        w->setEnabled(!url.isEmpty());
    m_generatorBox->setVisible(node->kind == QLatin1String("traffic-generator"));
    m_backendsBox->setVisible(node->kind == QLatin1String("load-balancer"));
    m_logBox->setVisible(node->kind == QLatin1String("web-server")
                         || node->kind == QLatin1String("reverse-proxy")
                         || node->kind == QLatin1String("load-balancer"));
}

void NodeDetailDock::refreshGenerator()
{
    const Node *node = m_document->topology().findNode(m_nodeId);
    if (!node || node->kind != QLatin1String("traffic-generator"))
        return;
    const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
    const KindInfo *info = catalogue.find(node->kind);
    const QJsonObject config = info ? catalogue.effectiveConfig(*info, node->config) : node->config;
    const bool open = config.value(QLatin1String("mode")).toString() == QLatin1String("open");
    m_mode->setText(open ? tr("Open model: requests arrive at the rate below.")
                         : tr("Closed model: %1 connections send as fast as answers come; "
                              "the rate applies in open mode.")
                               .arg(config.value(QLatin1String("connections")).toInt()));
    m_updatingControls = true;
    const int rate = config.value(QLatin1String("rate")).toInt(100);
    m_rateSpin->setValue(rate);
    if (!m_rateSlider->isSliderDown())
        m_rateSlider->setValue(sliderPosition(rate));
    const int profile = m_profile->findData(config.value(QLatin1String("profile")).toString());
    if (profile >= 0)
        m_profile->setCurrentIndex(profile);
    m_updatingControls = false;
}

void NodeDetailDock::setGeneratorKey(const QString &key, const QJsonValue &value, int session)
{
    if (!m_document->topology().findNode(m_nodeId))
        return;
    m_document->undoStack()->push(
        new SetNodeConfigCommand(m_document, {m_nodeId}, key, value, session));
}

void NodeDetailDock::onSnapshot(const std::shared_ptr<const live::LiveSnapshot> &snapshot)
{
    if (m_nodeId.isEmpty() || !snapshot || !isVisible())
        return;
    QStringList rows;
    if (const metrics::NodeMetrics *m = snapshot->node(m_nodeId);
        m && !snapshot->details.value(m_nodeId).contains(QLatin1String("current_rate"))) {
        rows << tr("<b>%1</b> now · %2 requests · %3 failures")
                    .arg(rateText(m->qps), count(double(m->requests)), count(double(m->errorCount)))
             << tr("Last second: p50 %1 · p95 %2 · p99 %3")
                    .arg(latencyText(m->p50Ms), latencyText(m->p95Ms), latencyText(m->p99Ms))
             << tr("Since start: median %1 · p99 %2 · max %3")
                    .arg(latencyText(m->totalP50Ms), latencyText(m->totalP99Ms),
                         latencyText(m->totalMaxMs))
             << tr("%1 active connections · %2 bytes in · %3 bytes out")
                    .arg(m->activeConnections)
                    .arg(count(double(m->bytesIn)), count(double(m->bytesOut)));
    }
    const QJsonObject details = snapshot->details.value(m_nodeId);
    if (details.contains(QLatin1String("current_rate"))) {
        const QJsonObject latency = details.value(QLatin1String("latency_ms")).toObject();
        rows << tr("Sending <b>%1</b> · %2 requests · %3 in flight")
                    .arg(rateText(details.value(QLatin1String("current_rate")).toDouble()),
                         count(details.value(QLatin1String("requests")).toDouble()))
                    .arg(details.value(QLatin1String("in_flight")).toInt())
             << tr("Latency: p50 %1 · p90 %2 · p99 %3")
                    .arg(latencyText(latency.value(QLatin1String("p50")).toDouble()),
                         latencyText(latency.value(QLatin1String("p90")).toDouble()),
                         latencyText(latency.value(QLatin1String("p99")).toDouble()))
             << tr("Success %1% · state %2")
                    .arg(QLocale().toString(
                             details.value(QLatin1String("success")).toDouble() * 100, 'f', 2),
                         details.value(QLatin1String("state")).toString());
    }
    m_numbers->setText(rows.join(QStringLiteral("<br>")));
    if (details.contains(QLatin1String("backends")))
        showBackends(details);
    if (snapshot->accessLog.nodeId == m_nodeId) {
        m_entries = snapshot->accessLog.entries;
        showAccessLog(snapshot->accessLog);
    }
}

void NodeDetailDock::showBackends(const QJsonObject &details)
{
    const QJsonArray backends = details.value(QLatin1String("backends")).toArray();
    m_backends->setRowCount(int(backends.size()));
    for (int row = 0; row < backends.size(); ++row) {
        const QJsonObject b = backends.at(row).toObject();
        const QJsonObject check = b.value(QLatin1String("last_check")).toObject();
        const QString state = b.value(QLatin1String("state")).toString();
        const QString lastCheck
            = check.isEmpty() ? QStringLiteral("—")
                              : tr("%1 (%2 ms ago)")
                                    .arg(check.value(QLatin1String("result")).toString())
                                    .arg(qint64(check.value(QLatin1String("ago_ms")).toDouble()));
        const QStringList cells{b.value(QLatin1String("id")).toString(),
                                state,
                                QString::number(b.value(QLatin1String("weight")).toInt()),
                                QString::number(b.value(QLatin1String("active")).toInt()),
                                count(b.value(QLatin1String("requests")).toDouble()),
                                count(b.value(QLatin1String("failures")).toDouble()),
                                lastCheck};
        for (int column = 0; column < cells.size(); ++column) {
            QTableWidgetItem *item = m_backends->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_backends->setItem(row, column, item);
            }
            item->setText(cells.at(column));
            if (column == 1) {
                const bool up = state == QLatin1String("up");
                item->setForeground(up ? liveStateColor(LiveState::Running)
                                       : liveStateColor(LiveState::Failed));
            }
        }
    }
}

void NodeDetailDock::showAccessLog(const live::AccessLogTail &tail)
{
    const QString filter = m_logFilter->text().trimmed();
    QStringList lines;
    for (const httplog::AccessLogEntry &entry : tail.entries) {
        const QString line = QString::fromUtf8(httplog::AccessLog::combinedLine(entry));
        if (filter.isEmpty() || line.contains(filter, Qt::CaseInsensitive))
            lines.append(line);
    }
    const QString text = lines.join(QLatin1Char('\n'));
    if (text != m_log->toPlainText())
        m_log->setPlainText(text);
    m_log->moveCursor(QTextCursor::End);
}

} // namespace infralab
