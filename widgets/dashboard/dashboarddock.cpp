#include "dashboard/dashboarddock.h"

#include "dashboard/livechart.h"
#include "document/document.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace infralab {

namespace {

// Fixed colours for the lines that are not nodes: percentiles cool to hot, error classes by
// severity (server errors red, client errors orange, the connection failures apart).
QColor percentileColour(int percentile)
{
    return percentile == 50 ? QColor(0x4e, 0x79, 0xa7)
           : percentile == 95 ? QColor(0xf2, 0x8e, 0x2b)
                              : QColor(0xe1, 0x57, 0x59);
}

QColor errorClassColour(ErrorClass errorClass)
{
    switch (errorClass) {
    case ErrorClass::ServerError: return QColor(0xe1, 0x57, 0x59);
    case ErrorClass::ClientError: return QColor(0xf2, 0x8e, 0x2b);
    case ErrorClass::Timeout: return QColor(0xb0, 0x7a, 0xa1);
    case ErrorClass::Reset: return QColor(0x9c, 0x75, 0x5f);
    case ErrorClass::ConnectRefused: return QColor(0x4e, 0x79, 0xa7);
    case ErrorClass::Protocol: return QColor(0x76, 0xb7, 0xb2);
    }
    return QColor();
}

} // namespace

DashboardDock::DashboardDock(SeriesStore *store, QWidget *parent)
    : QDockWidget(tr("Dashboard"), parent)
    , m_store(store)
    , m_window(new QComboBox)
    , m_pause(new QToolButton)
    , m_latencyLabel(new QLabel)
    , m_p50(new QCheckBox(tr("p50")))
    , m_p95(new QCheckBox(tr("p95")))
    , m_p99(new QCheckBox(tr("p99")))
    , m_requests(new LiveChart(tr("Requests per second"), tr("req/s")))
    , m_latency(new LiveChart(tr("Latency"), tr("ms")))
    , m_errors(new LiveChart(tr("Client errors per second (traffic generators)"), tr("errors/s")))
    , m_connections(new LiveChart(tr("Active connections"), tr("connections"),
                                  LiveChart::Values::Count))
{
    setObjectName(QStringLiteral("DashboardDock"));
    m_window->addItem(tr("1 minute"), 1);
    m_window->addItem(tr("5 minutes"), 5);
    m_window->addItem(tr("15 minutes"), 15);
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Freeze the charts; the lab keeps recording"));
    for (QCheckBox *box : {m_p50, m_p95, m_p99}) {
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, [this] {
            m_dirty = true;
            refresh();
        });
    }
    connect(m_window, &QComboBox::currentIndexChanged, this, [this] {
        m_dirty = true;
        refresh();
    });
    connect(m_pause, &QToolButton::toggled, this, [this](bool paused) {
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
        if (!paused)
            refresh();
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Window:")));
    bar->addWidget(m_window);
    bar->addWidget(m_pause);
    bar->addSpacing(16);
    bar->addWidget(m_latencyLabel);
    bar->addWidget(m_p50);
    bar->addWidget(m_p95);
    bar->addWidget(m_p99);
    bar->addStretch();
    // One row: a bottom dock is wide and short, and each chart keeps its full height.
    auto *grid = new QHBoxLayout;
    grid->setSpacing(2);
    for (LiveChart *chart : {m_requests, m_latency, m_errors, m_connections})
        grid->addWidget(chart, 1);
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addLayout(grid, 1);
    setWidget(body);

    // Redraw when the store has a new tick (at most once per refresh interval); between
    // ticks the timer only slides the time axis, so faster refresh rates scroll smoothly.
    m_timer.setInterval(250);
    m_sinceRefresh.start();
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            refreshIfDue();
        else if (!isPaused() && isVisible())
            slideTimeAxis();
    });
    connect(store, &SeriesStore::updated, this, [this] {
        m_dirty = true;
        refreshIfDue();
    });
    m_errors->setHoverDetails([this](const QString &key, const QPointF &point) {
        return errorBreakdown(key, qint64(std::llround(point.x())));
    });
    m_timer.start();
    refresh();
}

void DashboardDock::setDocument(Document *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) {
        connect(document, &Document::nodeChanged, this,
                [this](const QString &, NodeChanges changes) {
                    if (changes.testFlag(NodeChange::Name))
                        applyLabels(effectiveLatencyNode());
                });
        connect(document, &Document::topologyReset, this, [this] {
            assignColours();
            applyLabels(effectiveLatencyNode());
        });
        connect(document, &Document::nodeAdded, this, &DashboardDock::assignColours);
        connect(document, &Document::nodeRemoved, this, &DashboardDock::assignColours);
    }
    assignColours();
    applyLabels(effectiveLatencyNode());
}

void DashboardDock::assignColours()
{
    QStringList ids;
    if (m_document) {
        for (const Node &node : m_document->topology().nodes)
            ids.append(node.id);
    }
    m_nodeColours = LiveChart::coloursFor(ids);
    m_dirty = true; // the lines take them at the next refresh
}

QColor DashboardDock::nodeColour(const QString &nodeId) const
{
    return m_nodeColours.value(nodeId, LiveChart::colourFor(nodeId));
}

QString DashboardDock::nodeLabel(const QString &nodeId) const
{
    if (!m_document)
        return nodeId;
    const Topology &topology = m_document->topology();
    const Node *node = topology.findNode(nodeId);
    if (!node)
        return nodeId;
    const QString name = node->displayName();
    for (const Node &other : topology.nodes) {
        if (other.id != nodeId && other.displayName() == name)
            return tr("%1 (%2)").arg(name, nodeId);
    }
    return name;
}

// The names in the legends, titles and event markers; also while paused (a rename changes no
// number, so the frozen view may follow it).
void DashboardDock::applyLabels(const QString &latencyNode)
{
    for (LiveChart *chart : {m_requests, m_connections}) {
        for (const QString &id : chart->seriesNames())
            chart->series(id)->setName(nodeLabel(id));
    }
    const QStringList ids = m_store->nodeIds();
    const QString errorsNode = ids.contains(m_latencyNode) ? m_latencyNode : QString();
    m_errors->chart()->setTitle(errorsNode.isEmpty()
                                    ? tr("Client errors per second (traffic generators)")
                                    : tr("Errors per second of %1").arg(nodeLabel(errorsNode)));
    m_latencyLabel->setText(latencyNode.isEmpty()
                                ? tr("Latency: no node")
                                : tr("Latency of %1:").arg(nodeLabel(latencyNode)));
}

QString DashboardDock::errorBreakdown(const QString &errorClassName, qint64 wallMs) const
{
    int errorClass = -1;
    for (int c = 0; c < errorClassCount; ++c) {
        if (infralab::errorClassName(ErrorClass(c)) == errorClassName)
            errorClass = c;
    }
    if (errorClass < 0)
        return QString();
    struct Share
    {
        bool summed;
        double value;
        QString label;
    };
    QList<Share> shares;
    for (auto it = m_windowPoints.cbegin(); it != m_windowPoints.cend(); ++it) {
        const QList<DashPoint> &points = it.value();
        // The point nearest the hovered moment (the lines are drawn through these points).
        const auto nearest = std::min_element(points.cbegin(), points.cend(),
                                              [wallMs](const DashPoint &a, const DashPoint &b) {
                                                  return std::abs(a.wallMs - wallMs)
                                                         < std::abs(b.wallMs - wallMs);
                                              });
        if (nearest == points.cend() || std::abs(nearest->wallMs - wallMs) > 1000)
            continue;
        const double value = nearest->errorsPerS[std::size_t(errorClass)];
        const bool summed = m_errorNodes.contains(it.key());
        if (value > 0 || summed)
            shares.append({summed, value, nodeLabel(it.key())});
    }
    if (shares.isEmpty())
        return QString();
    std::sort(shares.begin(), shares.end(), [](const Share &a, const Share &b) {
        if (a.summed != b.summed)
            return a.summed;
        if (a.value != b.value)
            return a.value > b.value;
        return a.label < b.label;
    });
    QStringList lines;
    lines.append(tr("Per node:"));
    for (const Share &share : std::as_const(shares)) {
        const QString line = tr("  %1: %2 %3")
                                 .arg(share.label, compactNumber(share.value), m_errors->unit());
        lines.append(share.summed ? tr("%1 (charted)").arg(line) : line);
    }
    return lines.join(QLatin1Char('\n'));
}

void DashboardDock::setRefreshInterval(int ms)
{
    m_timer.setInterval(qBound(50, ms, 1000));
}

void DashboardDock::refreshIfDue()
{
    if (!m_dirty || isPaused() || !isVisible())
        return;
    // A little slack, so 250 ms ticks that arrive a few ms early still each get drawn.
    if (m_sinceRefresh.elapsed() >= m_timer.interval() - 20)
        refresh();
}

qint64 DashboardDock::windowEnd() const
{
    // Now while ticks come in; the last tick once they stop (a stopped lab's charts stay).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 last = m_store->lastWallMs();
    if (last <= 0)
        return now;
    return now - last < 1500 ? now : last;
}

void DashboardDock::slideTimeAxis()
{
    const qint64 end = windowEnd();
    const qint64 windowMs = qint64(windowMinutes()) * 60000;
    for (LiveChart *chart : {m_requests, m_latency, m_errors, m_connections})
        chart->setTimeRange(end - windowMs, end);
}

void DashboardDock::setWindowMinutes(int minutes)
{
    const int index = m_window->findData(minutes);
    if (index >= 0)
        m_window->setCurrentIndex(index);
}

int DashboardDock::windowMinutes() const
{
    return m_window->currentData().toInt();
}

void DashboardDock::setPaused(bool paused)
{
    m_pause->setChecked(paused);
}

bool DashboardDock::isPaused() const
{
    return m_pause->isChecked();
}

void DashboardDock::setLatencyNode(const QString &nodeId)
{
    if (m_latencyNode == nodeId)
        return;
    m_latencyNode = nodeId;
    m_dirty = true;
    if (!isPaused())
        refresh();
}

void DashboardDock::setPercentileShown(int percentile, bool shown)
{
    QCheckBox *box = percentile == 50 ? m_p50 : percentile == 95 ? m_p95 : m_p99;
    box->setChecked(shown);
}

QString DashboardDock::effectiveLatencyNode() const
{
    const QStringList ids = m_store->nodeIds();
    if (ids.contains(m_latencyNode))
        return m_latencyNode;
    // Unselected: what the clients see (the first load source), else the first that measures.
    const qint64 now = m_store->lastWallMs();
    QString measuring;
    for (const QString &id : ids) {
        const QList<DashPoint> points = m_store->points(id, 60000, now);
        if (points.isEmpty() || !points.constLast().hasLatency)
            continue;
        if (points.constLast().loadSource)
            return id;
        if (measuring.isEmpty())
            measuring = id;
    }
    return measuring;
}

void DashboardDock::refresh()
{
    m_dirty = false;
    m_sinceRefresh.restart();
    ++m_refreshes;
    const qint64 windowMs = qint64(windowMinutes()) * 60000;
    const qint64 now = windowEnd();
    const QStringList ids = m_store->nodeIds();
    std::array<QList<QPointF>, errorClassCount> errors;
    std::array<bool, errorClassCount> anyErrors{};
    const QString errorsNode = ids.contains(m_latencyNode) ? m_latencyNode : QString();
    m_errorNodes.clear();
    // Per-node lines: the busiest MaxNodeLines nodes of the window (a 100-node lab would
    // otherwise draw 100 lines and a legend taller than the chart).
    QList<std::pair<double, QString>> ranked;
    QHash<QString, QList<DashPoint>> pointsOf;
    for (const QString &id : ids) {
        const QList<DashPoint> points = m_store->points(id, windowMs, now);
        double sum = 0;
        for (const DashPoint &p : points)
            sum += p.qps + p.active;
        ranked.append({-sum, id});
        pointsOf.insert(id, points);
    }
    std::sort(ranked.begin(), ranked.end());
    QStringList shown;
    for (qsizetype i = 0; i < std::min<qsizetype>(ranked.size(), MaxNodeLines); ++i)
        shown.append(ranked.at(i).second);
    for (const QString &id : ids) {
        const QList<DashPoint> &points = pointsOf[id];
        if (shown.contains(id)) {
            QList<QPointF> rate;
            QList<QPointF> active;
            rate.reserve(points.size());
            active.reserve(points.size());
            for (const DashPoint &p : points) {
                rate.append(QPointF(double(p.wallMs), p.qps));
                active.append(QPointF(double(p.wallMs), p.active));
            }
            const QString label = nodeLabel(id);
            const QColor colour = nodeColour(id);
            m_requests->setSeries(id, rate, label, colour);
            m_connections->setSeries(id, active, label, colour);
        }
        // One failed request fails at the server, the balancer and the generator: summing
        // every node would count it several times. The chart shows the selected node's errors,
        // else the clients' (the load sources'), per class, aligned on the newest points.
        const bool counted = errorsNode.isEmpty()
                                 ? !points.isEmpty() && points.constLast().loadSource
                                 : id == errorsNode;
        if (!counted)
            continue;
        m_errorNodes.append(id);
        for (int c = 0; c < errorClassCount; ++c) {
            QList<QPointF> &sum = errors[std::size_t(c)];
            if (sum.isEmpty()) {
                for (const DashPoint &p : points)
                    sum.append(QPointF(double(p.wallMs), 0));
            }
            for (qsizetype i = 0; i < std::min(sum.size(), points.size()); ++i) {
                const float value = points.at(points.size() - 1 - i).errorsPerS[std::size_t(c)];
                sum[sum.size() - 1 - i].ry() += value;
                anyErrors[std::size_t(c)] = anyErrors[std::size_t(c)] || value > 0;
            }
        }
    }
    m_requests->keepOnly(shown);
    m_connections->keepOnly(shown);
    QStringList errorNames;
    for (int c = 0; c < errorClassCount; ++c) {
        // 5xx always (an empty chart still says "no server errors"); others once they occur.
        if (c != int(ErrorClass::ServerError) && !anyErrors[std::size_t(c)])
            continue;
        const QString name = errorClassName(ErrorClass(c));
        m_errors->setSeries(name, errors[std::size_t(c)], name, errorClassColour(ErrorClass(c)));
        errorNames.append(name);
    }
    m_errors->keepOnly(errorNames);
    m_windowPoints = pointsOf;

    const QString latencyNode = effectiveLatencyNode();
    const QList<DashPoint> points = m_store->points(latencyNode, windowMs, now);
    QStringList latencyNames;
    const struct
    {
        QCheckBox *box;
        float DashPoint::*field;
        int percentile;
    } percentiles[] = {{m_p50, &DashPoint::p50Ms, 50},
                       {m_p95, &DashPoint::p95Ms, 95},
                       {m_p99, &DashPoint::p99Ms, 99}};
    for (const auto &percentile : percentiles) {
        if (!percentile.box->isChecked())
            continue;
        QList<QPointF> line;
        line.reserve(points.size());
        for (const DashPoint &p : points)
            line.append(QPointF(double(p.wallMs), p.*percentile.field));
        m_latency->setSeries(percentile.box->text(), line, percentile.box->text(),
                             percentileColour(percentile.percentile));
        latencyNames.append(percentile.box->text());
    }
    m_latency->keepOnly(latencyNames);

    QList<LiveChart::Marker> markers;
    for (const runtime::LabEvent &event : m_store->events()) {
        const qint64 at = event.time.toMSecsSinceEpoch();
        if (at < now - windowMs)
            continue;
        const QString who = event.nodeId.isEmpty() ? tr("lab") : nodeLabel(event.nodeId);
        markers.append({at, QStringLiteral("%1 %2: %3")
                                .arg(event.time.toLocalTime().toString(QStringLiteral("hh:mm:ss")),
                                     who, event.message)});
    }
    for (LiveChart *chart : {m_requests, m_latency, m_errors, m_connections}) {
        chart->setMarkers(markers);
        chart->setTimeRange(now - windowMs, now);
    }
    applyLabels(latencyNode);
}

} // namespace infralab
