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
#include <QCoreApplication>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace infralab {

namespace {

QString count(double value)
{
    return QLocale().toString(qint64(value));
}

} // namespace

int NodeDetailDock::sliderPosition(int value, int maximum)
{
    const double top = std::max(10.0, double(maximum));
    const double r = std::clamp(double(value), 1.0, top);
    return int(std::lround(std::log10(r) / std::log10(top) * SliderSteps));
}

int NodeDetailDock::sliderRate(int position, int maximum)
{
    const double top = std::max(10.0, double(maximum));
    const double exponent = double(std::clamp(position, 0, SliderSteps)) / SliderSteps;
    const double raw = std::pow(top, exponent);
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
    , m_controlsBox(new QGroupBox)
    , m_controlsNote(new QLabel)
    , m_controlsForm(new QFormLayout(m_controlsBox))
    , m_sectionsLayout(new QVBoxLayout)
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
    // Lines wrap to the dock's width: the dock scrolls vertically, never cuts text off.
    m_numbers->setWordWrap(true);
    m_address->setWordWrap(true);
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

    m_controlsNote->setWordWrap(true);
    m_controlsForm->addRow(m_controlsNote);
    m_sectionsLayout->setContentsMargins(0, 0, 0, 0);

    m_logFilter->setPlaceholderText(tr("Filter (path, status, client…)"));
    m_logFilter->setClearButtonEnabled(true);
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setMaximumBlockCount(200);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Eight entries at least; the dock scrolls rather than squeezing the log to a line.
    m_log->setMinimumHeight(QFontMetrics(m_log->font()).lineSpacing() * 8
                            + 2 * m_log->frameWidth() + 8);
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
    layout->addWidget(m_controlsBox);
    layout->addLayout(m_sectionsLayout);
    layout->addWidget(m_logBox, 100);
    layout->addStretch(1); // the room the log leaves when it is hidden
    // Tables and the log take the height they need; when the dock is shorter, it scrolls.
    auto *scroll = new QScrollArea;
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(body);
    setWidget(scroll);

    connect(session, &live::LabSession::snapshotReady, this, &NodeDetailDock::onSnapshot);
    connect(session, &live::LabSession::nodeStateChanged, this, [this](const QString &nodeId) {
        if (nodeId == m_nodeId)
            refreshHeader();
    });
    connect(session, &live::LabSession::phaseChanged, this,
            [this](live::LabSession::Phase phase) {
                if (phase == live::LabSession::Phase::Starting) {
                    m_snapshotStale = false;
                    m_lastTotals.clear(); // the totals of this run only
                }
                refreshHeader();
                refreshControls();
            });
    connect(scene, &QGraphicsScene::selectionChanged, this, [this, scene] {
        const QStringList ids = scene->selectedNodeIds();
        if (ids.size() == 1)
            showNode(ids.constFirst());
    });
    connect(document, &Document::nodeChanged, this, [this](const QString &nodeId) {
        if (nodeId == m_nodeId) {
            refreshHeader();
            refreshControls();
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
    showSections({});
    m_session->watchNode(nodeId);
    refreshHeader();
    refreshControls();
    if (const std::shared_ptr<const live::LiveSnapshot> latest = m_session->latest();
        latest && !m_snapshotStale)
        onSnapshot(latest);
}

void NodeDetailDock::clear()
{
    m_snapshotStale = true;
    m_lastTotals.clear();
    showNode(QString());
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
        m_controlsBox->hide();
        showSections({});
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
    const KindInfo *info = ComponentCatalogue::instance().find(node->kind);
    m_controlsBox->setVisible(info && !info->liveControls.isEmpty());
    if (!nodeRuns())
        m_numbers->setText(stoppedNumbers());
    const runtime::NodeDetail detail = latestDetail();
    m_logBox->setVisible(detail.keepsAccessLog);
    if (detail.sections.isEmpty())
        showSections({});
}

bool NodeDetailDock::nodeRuns() const
{
    return m_session->isActive() && m_session->state(m_nodeId) == runtime::NodeState::Running;
}

// What a node that does not run (now) shows instead of live numbers: its state, and what it
// did while it last ran, never a rate it no longer sends.
QString NodeDetailDock::stoppedNumbers() const
{
    const auto last = m_lastTotals.constFind(m_nodeId);
    // Designing (no run yet): the title says "stopped" and the address that the lab is not
    // running; a bold "Stopped" would only repeat them.
    if (m_nodeId.isEmpty() || (!m_session->isActive() && last == m_lastTotals.cend()))
        return QString();
    QString state;
    switch (m_session->isActive() ? m_session->state(m_nodeId) : runtime::NodeState::Stopped) {
    case runtime::NodeState::Stopped: state = tr("Stopped"); break;
    case runtime::NodeState::Starting: state = tr("Starting…"); break;
    case runtime::NodeState::Running: break;
    case runtime::NodeState::Stopping: state = tr("Stopping…"); break;
    case runtime::NodeState::Failed: state = tr("Failed"); break;
    case runtime::NodeState::Skipped: state = tr("Not run: its kind does not run in this version");
        break;
    }
    QStringList lines{QStringLiteral("<b>%1</b>").arg(state.toHtmlEscaped())};
    if (last != m_lastTotals.cend() && last->sent >= 0)
        lines << tr("%1 requests sent while it ran").arg(count(last->sent));
    else if (last != m_lastTotals.cend() && last->requests >= 0)
        lines << tr("%1 requests served, %2 failures while it ran")
                     .arg(count(last->requests), count(last->failures));
    return lines.join(QStringLiteral("<br>"));
}

// The shown node's detail in the latest snapshot while the lab is active; empty otherwise.
runtime::NodeDetail NodeDetailDock::latestDetail() const
{
    const std::shared_ptr<const live::LiveSnapshot> latest = m_session->latest();
    const runtime::NodeDetail *detail
        = m_session->isActive() && latest ? latest->nodeDetail(m_nodeId) : nullptr;
    return detail ? *detail : runtime::NodeDetail{};
}

void NodeDetailDock::buildControls(const KindInfo *info)
{
    const QString kind = info ? info->kind : QString();
    if (kind == m_controlsKind)
        return;
    m_controlsKind = kind;
    while (m_controlsForm->rowCount() > 1)
        m_controlsForm->removeRow(1); // deletes the row's widgets
    m_controls.clear();
    if (!info)
        return;
    m_controlsBox->setTitle(
        QCoreApplication::translate("Catalogue", qPrintable(info->liveControls.title)));
    for (const LiveControl &control : info->liveControls.controls) {
        const ConfigKey *key = info->findKey(control.key);
        if (!key)
            continue;
        const QString label = QCoreApplication::translate("Catalogue", qPrintable(control.label));
        Control widgets;
        widgets.key = control.key;
        widgets.maximum = int(key->maximum);
        if (key->type == ValueType::Enum) {
            auto *combo = new QComboBox;
            for (const QString &value : key->enumValues)
                combo->addItem(value, value);
            connect(combo, &QComboBox::activated, this, [this, combo, name = control.key] {
                setConfigKey(name, combo->currentData().toString(), 0);
            });
            widgets.combo = combo;
            m_controlsForm->addRow(label, combo);
        } else if (key->type == ValueType::Int) {
            auto *spin = new QSpinBox;
            spin->setRange(int(key->minimum), int(key->maximum));
            if (!key->unit.isEmpty())
                spin->setSuffix(QLatin1Char(' ') + key->unit);
            spin->setKeyboardTracking(false);
            widgets.spin = spin;
            auto *row = new QHBoxLayout;
            QSlider *slider = nullptr;
            if (control.logarithmic) {
                slider = new QSlider(Qt::Horizontal);
                slider->setRange(0, SliderSteps);
                widgets.slider = slider;
                row->addWidget(slider, 1);
                connect(slider, &QSlider::sliderPressed, this,
                        [this] { m_editSession = nextEditSession(); });
                connect(slider, &QSlider::valueChanged, this,
                        [this, slider, spin, name = control.key,
                         maximum = widgets.maximum](int position) {
                            if (m_updatingControls)
                                return;
                            const int value = sliderRate(position, maximum);
                            m_updatingControls = true;
                            spin->setValue(value);
                            m_updatingControls = false;
                            setConfigKey(name, value, slider->isSliderDown() ? m_editSession : 0);
                        });
            }
            row->addWidget(spin);
            auto *measured = new QLabel;
            measured->hide();
            row->addWidget(measured);
            widgets.measured = measured;
            widgets.showsSendingRate = control.idleShowsSendingRate;
            connect(spin, &QSpinBox::valueChanged, this,
                    [this, slider, name = control.key, maximum = widgets.maximum](int value) {
                        if (m_updatingControls)
                            return;
                        if (slider) {
                            m_updatingControls = true;
                            slider->setValue(sliderPosition(value, maximum));
                            m_updatingControls = false;
                        }
                        setConfigKey(name, value, 0);
                    });
            m_controlsForm->addRow(label, row);
        } else {
            continue; // no live control for other types (yet)
        }
        m_controls.append(widgets);
    }
}

void NodeDetailDock::refreshControls()
{
    const Node *node = m_document->topology().findNode(m_nodeId);
    const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
    const KindInfo *info = node ? catalogue.find(node->kind) : nullptr;
    buildControls(info && !info->liveControls.isEmpty() ? info : nullptr);
    if (m_controls.isEmpty())
        return;
    const QJsonObject config = catalogue.effectiveConfig(*info, node->config);
    const QString note = info->liveControls.note ? info->liveControls.note(config) : QString();
    m_controlsNote->setText(note);
    m_controlsNote->setVisible(!note.isEmpty());
    m_updatingControls = true;
    for (Control &control : m_controls) {
        const QJsonValue value = config.value(control.key);
        QString idle;
        for (const LiveControl &declared : info->liveControls.controls) {
            if (declared.key == control.key && declared.idleReason)
                idle = declared.idleReason(config);
        }
        // An idle control (a rate in closed mode) is greyed out and says why; one that shows
        // the measured rate instead of its setting hides the setting.
        control.idle = !idle.isEmpty();
        for (QWidget *w : {static_cast<QWidget *>(control.slider),
                           static_cast<QWidget *>(control.spin),
                           static_cast<QWidget *>(control.combo)}) {
            if (w) {
                w->setEnabled(!control.idle);
                w->setToolTip(idle);
            }
        }
        const bool measured = control.idle && control.showsSendingRate && control.measured;
        if (control.spin)
            control.spin->setVisible(!measured);
        if (control.measured) {
            control.measured->setVisible(measured);
            control.measured->setToolTip(idle);
        }
        if (control.spin)
            control.spin->setValue(value.toInt());
        if (control.slider && !control.slider->isSliderDown())
            control.slider->setValue(sliderPosition(value.toInt(), control.maximum));
        if (control.combo) {
            const int index = control.combo->findData(value.toString());
            if (index >= 0)
                control.combo->setCurrentIndex(index);
        }
    }
    m_updatingControls = false;
    const runtime::NodeDetail detail = latestDetail();
    refreshMeasured(nodeRuns() ? &detail : nullptr);
}

void NodeDetailDock::refreshMeasured(const runtime::NodeDetail *detail)
{
    const bool sending = detail && detail->sendingRate >= 0;
    m_updatingControls = true;
    for (const Control &control : std::as_const(m_controls)) {
        if (!control.idle || !control.showsSendingRate || !control.measured)
            continue;
        control.measured->setText(sending ? tr("%1 measured").arg(rateText(detail->sendingRate))
                                          : tr("not sending"));
        if (control.slider && sending)
            control.slider->setValue(
                sliderPosition(int(std::lround(detail->sendingRate)), control.maximum));
    }
    m_updatingControls = false;
}

QString NodeDetailDock::numbersText() const
{
    return m_numbers->text();
}

QSlider *NodeDetailDock::slider(const QString &key) const
{
    for (const Control &control : m_controls) {
        if (control.key == key)
            return control.slider;
    }
    return nullptr;
}

QSpinBox *NodeDetailDock::spinBox(const QString &key) const
{
    for (const Control &control : m_controls) {
        if (control.key == key)
            return control.spin;
    }
    return nullptr;
}

QComboBox *NodeDetailDock::comboBox(const QString &key) const
{
    for (const Control &control : m_controls) {
        if (control.key == key)
            return control.combo;
    }
    return nullptr;
}

QLabel *NodeDetailDock::measuredLabel(const QString &key) const
{
    for (const Control &control : m_controls) {
        if (control.key == key)
            return control.measured;
    }
    return nullptr;
}

QTableWidget *NodeDetailDock::sectionTable(int index) const
{
    return index >= 0 && index < m_sections.size() ? m_sections.at(index).table : nullptr;
}

void NodeDetailDock::setConfigKey(const QString &key, const QJsonValue &value, int session)
{
    if (!m_document->topology().findNode(m_nodeId))
        return;
    m_document->undoStack()->push(
        new SetNodeConfigCommand(m_document, {m_nodeId}, key, value, session));
}

void NodeDetailDock::onSnapshot(const std::shared_ptr<const live::LiveSnapshot> &snapshot)
{
    if (m_nodeId.isEmpty() || !snapshot || m_snapshotStale || !isVisible())
        return;
    const runtime::NodeDetail *detail = snapshot->nodeDetail(m_nodeId);
    if (!nodeRuns()) {
        // A stopped node sends and serves nothing: its last numbers would say it still does.
        m_numbers->setText(stoppedNumbers());
        refreshMeasured(nullptr);
        showSections({});
        m_logBox->setVisible(false);
        return;
    }
    LastTotals &last = m_lastTotals[m_nodeId];
    if (const metrics::NodeMetrics *m = snapshot->node(m_nodeId)) {
        last.requests = double(m->requests);
        last.failures = double(m->errorCount);
    }
    if (detail && detail->sendingRate >= 0)
        last.sent = detail->sent;
    refreshMeasured(detail);
    QStringList rows;
    if (const metrics::NodeMetrics *m = snapshot->node(m_nodeId);
        m && (!detail || detail->summary.isEmpty())) {
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
    if (detail)
        rows << detail->summary;
    m_numbers->setText(rows.join(QStringLiteral("<br>")));
    showSections(detail ? detail->sections : QList<runtime::DetailSection>{});
    m_logBox->setVisible(detail && detail->keepsAccessLog);
    if (snapshot->accessLog.nodeId == m_nodeId) {
        m_entries = snapshot->accessLog.entries;
        showAccessLog(snapshot->accessLog);
    }
}

void NodeDetailDock::showSections(const QList<runtime::DetailSection> &sections)
{
    while (m_sections.size() < sections.size()) {
        Section section;
        section.box = new QGroupBox;
        section.table = new QTableWidget;
        section.table->verticalHeader()->hide();
        section.table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        section.table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        section.table->horizontalHeader()->setStretchLastSection(true);
        (new QVBoxLayout(section.box))->addWidget(section.table);
        m_sectionsLayout->addWidget(section.box);
        m_sections.append(section);
    }
    for (int i = 0; i < m_sections.size(); ++i) {
        const Section &view = m_sections.at(i);
        if (i >= sections.size()) {
            view.box->hide();
            view.table->setRowCount(0);
            continue;
        }
        const runtime::DetailSection &section = sections.at(i);
        view.box->setTitle(section.title);
        QTableWidget *table = view.table;
        if (table->columnCount() != section.columns.size())
            table->setColumnCount(int(section.columns.size()));
        for (int column = 0; column < section.columns.size(); ++column) {
            QTableWidgetItem *header = table->horizontalHeaderItem(column);
            if (!header || header->text() != section.columns.at(column))
                table->setHorizontalHeaderItem(column,
                                               new QTableWidgetItem(section.columns.at(column)));
        }
        table->setRowCount(int(section.rows.size()));
        for (int row = 0; row < section.rows.size(); ++row) {
            const QList<runtime::DetailCell> &cells = section.rows.at(row);
            for (int column = 0; column < cells.size() && column < table->columnCount(); ++column) {
                QTableWidgetItem *item = table->item(row, column);
                if (!item) {
                    item = new QTableWidgetItem;
                    table->setItem(row, column, item);
                }
                const runtime::DetailCell &cell = cells.at(column);
                item->setText(cell.text);
                switch (cell.tone) {
                case runtime::CellTone::Plain: item->setData(Qt::ForegroundRole, QVariant()); break;
                case runtime::CellTone::Good:
                    item->setForeground(liveStateColor(LiveState::Running));
                    break;
                case runtime::CellTone::Bad:
                    item->setForeground(liveStateColor(LiveState::Failed));
                    break;
                }
            }
        }
        view.box->show();
        // Every time: the header and the rows know their real heights only once shown.
        fitTableHeight(table);
    }
}

// A table as high as its rows, up to MaxTableRows (then it scrolls): never a row and a half.
void NodeDetailDock::fitTableHeight(QTableWidget *table)
{
    const int rows = std::min(table->rowCount(), MaxTableRows);
    int height = 2 * table->frameWidth() + table->horizontalHeader()->sizeHint().height();
    for (int row = 0; row < rows; ++row)
        height += table->rowHeight(row);
    // Columns sized to their contents may be wider than the dock: room for the scroll bar.
    if (table->horizontalHeader()->length() > table->viewport()->width())
        height += table->horizontalScrollBar()->sizeHint().height();
    table->setFixedHeight(height);
}

void NodeDetailDock::showAccessLog(const live::AccessLogTail &tail)
{
    const QString filter = m_logFilter->text().trimmed();
    QStringList lines;
    for (const httplog::AccessLogEntry &entry : tail.entries) {
        // One entry a line: the file's line ends in a newline the join must not double.
        QByteArray combined = httplog::AccessLog::combinedLine(entry);
        if (combined.endsWith('\n'))
            combined.chop(1);
        const QString line = QString::fromUtf8(combined);
        if (filter.isEmpty() || line.contains(filter, Qt::CaseInsensitive))
            lines.append(line);
    }
    const QString text = lines.join(QLatin1Char('\n'));
    if (text != m_log->toPlainText())
        m_log->setPlainText(text);
    // The newest entry in view from its start (the end of a long line scrolls sideways).
    m_log->moveCursor(QTextCursor::End);
    m_log->moveCursor(QTextCursor::StartOfLine);
}

} // namespace infralab
