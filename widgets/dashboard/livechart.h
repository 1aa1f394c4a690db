#pragma once

#include "dashboard/niceaxis.h"

#include <QChartView>
#include <QColor>
#include <QHash>
#include <QList>
#include <QPen>
#include <QPointF>
#include <QString>

#include <functional>

class QCategoryAxis;
class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;

namespace infralab {

// One dashboard chart: line series over a wall-clock time axis, the lab's events as markers on
// the time axis, and a tooltip with the value (or the event) under the mouse. The value axis is
// titled with the unit ("req/s"), runs over nice 1-2-5 ticks (whole steps for counts) labelled
// "12.5k", "2M"; it is a QCategoryAxis whose categories end at the ticks, since a QValueAxis
// label format cannot abbreviate thousands. Series are keyed (a node id, "p99", "5xx"), carry
// the label the legend shows (a node's name), and are replaced whole at each refresh (QXYSeries::
// replace), so the chart never holds more points than the window shows. A node's colour comes
// from a fixed hash of its id (the same in every run and session); each series drawn over
// another is thinner and dashed, so a line exactly on top of another leaves it visible.
class LiveChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveChart)

public:
    enum class Values { Real, Count }; // counts tick in whole steps

    struct Marker
    {
        qint64 wallMs = 0;
        QString text;
    };

    static constexpr int TargetTicks = 5;

    LiveChart(const QString &title, const QString &unit, Values values = Values::Real,
              QWidget *parent = nullptr);

    // Replaces the points of the series `key` (created on first use), shown as `label` (the
    // key when empty) in `colour` (when invalid: colourFor(key)).
    void setSeries(const QString &key, const QList<QPointF> &points, const QString &label = {},
                   const QColor &colour = {});
    // Drops every series not in `keys`.
    void keepOnly(const QStringList &keys);
    void setMarkers(const QList<Marker> &markers);
    void setTimeRange(qint64 fromMs, qint64 toMs);
    // Extra lines for a series' tooltip (the errors chart: each node's share at that moment).
    using HoverDetails = std::function<QString(const QString &key, const QPointF &point)>;
    void setHoverDetails(HoverDetails details) { m_hoverDetails = std::move(details); }

    QLineSeries *series(const QString &key) const { return m_series.value(key); }
    QStringList seriesNames() const { return m_series.keys(); }
    int markerCount() const;
    QString unit() const { return m_unit; }
    QCategoryAxis *valueAxis() const { return m_values; }
    QDateTimeAxis *timeAxis() const { return m_time; }
    NiceAxis niceValueAxis() const { return m_axis; }
    QStringList valueLabels() const; // the value axis' tick labels, bottom to top

    // What hovering the series `key` at `point` shows (the tooltip; also for tests): the value
    // of its point nearest `point` in time, and the details there.
    QString hoverText(const QString &key, const QPointF &point) const;
    // "Edge LB at 12:00:01: 12.5k req/s"
    static QString valueText(const QString &name, const QPointF &point, const QString &unit);
    // A node's colour: a fixed palette indexed by FNV-1a of the id, the same in every run.
    static QColor colourFor(const QString &key);
    // The colours of a lab's nodes, in the topology's order: each its colourFor() unless an
    // earlier node has it, then the next colour fewest nodes have. The same topology gets the
    // same colours in every run and session, and its first ten nodes ten different ones.
    static QHash<QString, QColor> coloursFor(const QStringList &nodeIds);
    // The pen of the series drawn `rank`-th (0 = first, at the bottom).
    static QPen penFor(const QColor &colour, int rank);

private:
    void rescale();
    void restyle();

    QString m_unit;
    Values m_valueKind;
    QDateTimeAxis *m_time;
    QCategoryAxis *m_values;
    QScatterSeries *m_markers;
    NiceAxis m_axis{0, 0, 0}; // what the value axis shows now (step 0: not set yet)
    QList<Marker> m_markerData;
    QHash<QString, QLineSeries *> m_series;
    QHash<QString, QColor> m_colours;
    QHash<QString, double> m_peaks; // per series, for the y range without re-reading points
    HoverDetails m_hoverDetails;
};

} // namespace infralab
