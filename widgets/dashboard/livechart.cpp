#include "dashboard/livechart.h"

#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace infralab {

namespace {

// Distinct, print-safe colours (Tableau 10), assigned in order of appearance.
const QColor Palette[]
    = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
       QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
       QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
       QColor(0xba, 0xb0, 0xac)};

double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (value <= step * magnitude)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

LiveChart::LiveChart(const QString &title, const QString &unit, QWidget *parent)
    : QChartView(parent)
    , m_unit(unit)
    , m_time(new QDateTimeAxis)
    , m_values(new QValueAxis)
    , m_markers(new QScatterSeries)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    // Animations would lag a 4 Hz refresh and cost frames; the data moves on its own.
    chart->setAnimationOptions(QChart::NoAnimation);
    m_time->setFormat(QStringLiteral("hh:mm:ss"));
    m_time->setTickCount(4);
    m_values->setLabelFormat(QStringLiteral("%.2f"));
    m_values->setRange(0, 1);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_values, Qt::AlignLeft);
    m_markers->setName(tr("events"));
    m_markers->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
    m_markers->setMarkerSize(9);
    m_markers->setColor(QColor(0x49, 0x50, 0x57));
    m_markers->setBorderColor(Qt::white);
    chart->addSeries(m_markers);
    m_markers->attachAxis(m_time);
    m_markers->attachAxis(m_values);
    for (QLegendMarker *marker : chart->legend()->markers(m_markers))
        marker->setVisible(false); // the triangles explain themselves on hover
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    m_time->setLabelsFont(small);
    m_values->setLabelsFont(small);
    chart->legend()->setFont(small);
    QFont titleFont = small;
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    connect(m_markers, &QScatterSeries::hovered, this, [this](const QPointF &point, bool state) {
        if (!state)
            return;
        QStringList texts;
        for (const Marker &marker : std::as_const(m_markerData)) {
            if (std::abs(double(marker.wallMs) - point.x()) < 1)
                texts.append(marker.text);
        }
        QToolTip::showText(QCursor::pos(), texts.join(QLatin1Char('\n')), this);
    });
    // QChartView(parent) made a default chart, and setChart() only releases it (nobody would
    // delete it: ASan's leak check found it, per chart and window).
    QChart *initial = this->chart();
    setChart(chart);
    delete initial;
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(60); // tabbed with small docks: the bottom strip may stay small
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setTimeRange(now - 60000, now);
}

void LiveChart::setSeries(const QString &name, const QList<QPointF> &points)
{
    QLineSeries *line = m_series.value(name);
    if (!line) {
        line = new QLineSeries;
        line->setName(name);
        QPen pen(Palette[m_colourIndex++ % std::size(Palette)]);
        pen.setWidthF(1.6);
        line->setPen(pen);
        chart()->addSeries(line);
        line->attachAxis(m_time);
        line->attachAxis(m_values);
        connect(line, &QLineSeries::hovered, this, [this, name](const QPointF &point, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), valueText(name, point, m_unit), this);
        });
        m_series.insert(name, line);
    }
    line->replace(points);
    double peak = 0;
    for (const QPointF &point : points)
        peak = std::max(peak, point.y());
    m_peaks.insert(name, peak);
    rescale();
}

void LiveChart::keepOnly(const QStringList &names)
{
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (names.contains(it.key())) {
            ++it;
            continue;
        }
        chart()->removeSeries(it.value());
        delete it.value();
        m_peaks.remove(it.key());
        it = m_series.erase(it);
    }
}

void LiveChart::setMarkers(const QList<Marker> &markers)
{
    m_markerData = markers;
    QList<QPointF> points;
    points.reserve(markers.size());
    for (const Marker &marker : markers)
        points.append(QPointF(double(marker.wallMs), 0));
    m_markers->replace(points);
}

int LiveChart::markerCount() const
{
    return m_markers->count();
}

void LiveChart::setTimeRange(qint64 fromMs, qint64 toMs)
{
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(fromMs), QDateTime::fromMSecsSinceEpoch(toMs));
    m_time->setFormat(toMs - fromMs > 5 * 60000 ? QStringLiteral("hh:mm")
                                                : QStringLiteral("hh:mm:ss"));
}

void LiveChart::rescale()
{
    double peak = 0;
    for (const double value : std::as_const(m_peaks))
        peak = std::max(peak, value);
    const double top = niceCeiling(peak * 1.1);
    if (m_values->max() != top) {
        m_values->setRange(0, top);
        // Plain numbers ("25000", "12.5", "0.25"), never "2.5e+04".
        m_values->setLabelFormat(top >= 100  ? QStringLiteral("%.0f")
                                 : top >= 10 ? QStringLiteral("%.1f")
                                             : QStringLiteral("%.2f"));
    }
}

QString LiveChart::valueText(const QString &name, const QPointF &point, const QString &unit)
{
    const QString time
        = QDateTime::fromMSecsSinceEpoch(qint64(point.x())).toString(QStringLiteral("hh:mm:ss"));
    return tr("%1 at %2: %3 %4")
        .arg(name, time, QLocale().toString(point.y(), 'f', point.y() < 10 ? 2 : 1), unit);
}

} // namespace infralab
