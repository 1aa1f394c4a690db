#include "dashboard/livechart.h"

#include <QCategoryAxis>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>

namespace infralab {

namespace {

// Distinct, print-safe colours (Tableau 10); a node's is picked by a hash of its id.
const QColor Palette[]
    = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
       QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
       QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
       QColor(0xba, 0xb0, 0xac)};

// 32-bit FNV-1a over the UTF-8 bytes: fixed by definition, unlike qHash's per-process seed.
quint32 fnv1a(const QString &text)
{
    quint32 hash = 2166136261u;
    for (const char byte : text.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 16777619u;
    }
    return hash;
}

// Dash patterns (in pen widths) of the series drawn over the first: each leaves gaps through
// which a line beneath shows, and no two are alike.
const QList<qreal> Dashes[] = {{5, 2}, {2, 2}, {6, 2, 1, 2}, {9, 3}, {1, 2}, {4, 2, 1, 2, 1, 2},
                               {3, 3}};

} // namespace

LiveChart::LiveChart(const QString &title, const QString &unit, Values values, QWidget *parent)
    : QChartView(parent)
    , m_unit(unit)
    , m_valueKind(values)
    , m_time(new QDateTimeAxis)
    , m_values(new QCategoryAxis)
    , m_markers(new QScatterSeries)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    // The legend draws each series' own pen: its dashes tell lines of one colour apart.
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    chart->legend()->setShowToolTips(true); // a name cut short ("Edg...") in full on hover
    chart->setMargins(QMargins(4, 4, 4, 4));
    // Animations would lag a 4 Hz refresh and cost frames; the data moves on its own.
    chart->setAnimationOptions(QChart::NoAnimation);
    m_time->setFormat(QStringLiteral("hh:mm:ss"));
    m_time->setTickCount(4);
    m_values->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_values->setTitleText(unit);
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
    m_values->setTitleFont(small);
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
    rescale();
}

QColor LiveChart::colourFor(const QString &key)
{
    return Palette[fnv1a(key) % std::size(Palette)];
}

QHash<QString, QColor> LiveChart::coloursFor(const QStringList &nodeIds)
{
    constexpr int paletteSize = int(std::size(Palette));
    std::array<int, paletteSize> used{};
    QHash<QString, QColor> colours;
    for (const QString &id : nodeIds) {
        if (colours.contains(id))
            continue;
        const int fewest = *std::min_element(used.cbegin(), used.cend());
        const int home = int(fnv1a(id) % paletteSize);
        int slot = home;
        while (used[std::size_t(slot)] > fewest)
            slot = (slot + 1) % paletteSize;
        ++used[std::size_t(slot)];
        colours.insert(id, Palette[slot]);
    }
    return colours;
}

QPen LiveChart::penFor(const QColor &colour, int rank)
{
    QPen pen(colour);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    // Each later (higher) line a little thinner, so the one beneath shows at its edges too.
    pen.setWidthF(std::max(1.2, 2.6 - 0.2 * rank));
    if (rank > 0)
        pen.setDashPattern(Dashes[(rank - 1) % std::size(Dashes)]);
    return pen;
}

void LiveChart::setSeries(const QString &key, const QList<QPointF> &points, const QString &label,
                          const QColor &colour)
{
    QLineSeries *line = m_series.value(key);
    const QColor wanted = colour.isValid() ? colour : colourFor(key);
    if (!line) {
        line = new QLineSeries;
        chart()->addSeries(line);
        line->attachAxis(m_time);
        line->attachAxis(m_values);
        connect(line, &QLineSeries::hovered, this, [this, key](const QPointF &point, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), hoverText(key, point), this);
        });
        m_series.insert(key, line);
        m_colours.insert(key, wanted);
        restyle();
    } else if (m_colours.value(key) != wanted) {
        m_colours.insert(key, wanted);
        restyle();
    }
    const QString name = label.isEmpty() ? key : label;
    if (line->name() != name)
        line->setName(name);
    line->replace(points);
    double peak = 0;
    for (const QPointF &point : points)
        peak = std::max(peak, point.y());
    m_peaks.insert(key, peak);
    rescale();
}

void LiveChart::keepOnly(const QStringList &keys)
{
    bool removed = false;
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (keys.contains(it.key())) {
            ++it;
            continue;
        }
        chart()->removeSeries(it.value());
        delete it.value();
        m_peaks.remove(it.key());
        m_colours.remove(it.key());
        it = m_series.erase(it);
        removed = true;
    }
    if (removed) {
        restyle();
        rescale();
    }
}

void LiveChart::restyle()
{
    // The chart draws its series in the order they were added: rank them so.
    int rank = 0;
    const QList<QAbstractSeries *> drawn = chart()->series();
    for (QAbstractSeries *series : drawn) {
        if (series == m_markers)
            continue;
        auto *line = static_cast<QLineSeries *>(series);
        const QString key = m_series.key(line);
        line->setPen(penFor(m_colours.value(key, colourFor(key)), rank++));
    }
}

void LiveChart::setMarkers(const QList<Marker> &markers)
{
    m_markerData = markers;
    QList<QPointF> points;
    points.reserve(markers.size());
    for (const Marker &marker : markers)
        points.append(QPointF(double(marker.wallMs), m_axis.min));
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
    // A little headroom, so a flat line at a round number is not drawn on the frame.
    const NiceAxis axis = niceAxis(0, peak * 1.05, TargetTicks, m_valueKind == Values::Count);
    if (axis.min == m_axis.min && axis.max == m_axis.max && axis.step == m_axis.step)
        return;
    m_axis = axis;
    const QStringList old = m_values->categoriesLabels();
    for (const QString &label : old)
        m_values->remove(label);
    m_values->setStartValue(axis.min);
    // A category per tick, ending at it, so each label sits on its tick; the first is empty
    // ([min, min]) and labels the bottom.
    for (const double tick : axis.ticks())
        m_values->append(tickLabel(tick, axis.step), tick);
    m_values->setRange(axis.min, axis.max);
}

QStringList LiveChart::valueLabels() const
{
    return m_values->categoriesLabels();
}

QString LiveChart::hoverText(const QString &key, const QPointF &point) const
{
    const QLineSeries *line = m_series.value(key);
    // The mouse is somewhere on a segment: say the drawn point nearest in time, not the
    // height under the mouse, so the value and the details are the numbers of one moment.
    QPointF at = point;
    if (line && line->count() > 0) {
        const QList<QPointF> points = line->points();
        const auto after = std::lower_bound(
            points.cbegin(), points.cend(), point.x(),
            [](const QPointF &p, double x) { return p.x() < x; });
        if (after == points.cend())
            at = points.constLast();
        else if (after == points.cbegin())
            at = *after;
        else
            at = point.x() - (after - 1)->x() <= after->x() - point.x() ? *(after - 1) : *after;
    }
    QString text = valueText(line ? line->name() : key, at, m_unit);
    if (m_hoverDetails) {
        const QString details = m_hoverDetails(key, at);
        if (!details.isEmpty())
            text += QLatin1Char('\n') + details;
    }
    return text;
}

QString LiveChart::valueText(const QString &name, const QPointF &point, const QString &unit)
{
    const QString time
        = QDateTime::fromMSecsSinceEpoch(qint64(point.x())).toString(QStringLiteral("hh:mm:ss"));
    return tr("%1 at %2: %3 %4").arg(name, time, compactNumber(point.y()), unit);
}

} // namespace infralab
