#include "dashboard/dashboarddock.h"

#include "dashboard/livechart.h"
#include "dashboard/seriesstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QToolButton>

#include <algorithm>

namespace infralab {

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
    , m_connections(new LiveChart(tr("Active connections"), tr("connections")))
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
    m_timer.start();
    refresh();
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
    m_errors->chart()->setTitle(errorsNode.isEmpty()
                                    ? tr("Client errors per second (traffic generators)")
                                    : tr("Errors per second of %1").arg(errorsNode));
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
            m_requests->setSeries(id, rate);
            m_connections->setSeries(id, active);
        }
        // One failed request fails at the server, the balancer and the generator: summing
        // every node would count it several times. The chart shows the selected node's errors,
        // else the clients' (the load sources'), per class, aligned on the newest points.
        const bool counted = errorsNode.isEmpty()
                                 ? !points.isEmpty() && points.constLast().loadSource
                                 : id == errorsNode;
        if (!counted)
            continue;
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
        m_errors->setSeries(name, errors[std::size_t(c)]);
        errorNames.append(name);
    }
    m_errors->keepOnly(errorNames);

    const QString latencyNode = effectiveLatencyNode();
    m_latencyLabel->setText(latencyNode.isEmpty() ? tr("Latency: no node")
                                                  : tr("Latency of %1:").arg(latencyNode));
    const QList<DashPoint> points = m_store->points(latencyNode, windowMs, now);
    QStringList latencyNames;
    const struct
    {
        QCheckBox *box;
        float DashPoint::*field;
    } percentiles[]
        = {{m_p50, &DashPoint::p50Ms}, {m_p95, &DashPoint::p95Ms}, {m_p99, &DashPoint::p99Ms}};
    for (const auto &percentile : percentiles) {
        if (!percentile.box->isChecked())
            continue;
        QList<QPointF> line;
        line.reserve(points.size());
        for (const DashPoint &p : points)
            line.append(QPointF(double(p.wallMs), p.*percentile.field));
        m_latency->setSeries(percentile.box->text(), line);
        latencyNames.append(percentile.box->text());
    }
    m_latency->keepOnly(latencyNames);

    QList<LiveChart::Marker> markers;
    for (const runtime::LabEvent &event : m_store->events()) {
        const qint64 at = event.time.toMSecsSinceEpoch();
        if (at < now - windowMs)
            continue;
        const QString who = event.nodeId.isEmpty() ? tr("lab") : event.nodeId;
        markers.append({at, QStringLiteral("%1 %2: %3")
                                .arg(event.time.toLocalTime().toString(QStringLiteral("hh:mm:ss")),
                                     who, event.message)});
    }
    for (LiveChart *chart : {m_requests, m_latency, m_errors, m_connections}) {
        chart->setMarkers(markers);
        chart->setTimeRange(now - windowMs, now);
    }
}

} // namespace infralab
