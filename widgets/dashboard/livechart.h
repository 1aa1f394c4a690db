#pragma once

#include <QChartView>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>

class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace infralab {

// One dashboard chart: named line series over a wall-clock time axis, the y axis scaled to
// what is shown, the lab's events as markers on the time axis, and a tooltip with the value
// (or the event) under the mouse. Series are replaced whole at each refresh (QXYSeries::
// replace), so the chart never holds more points than the window shows.
class LiveChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveChart)

public:
    struct Marker
    {
        qint64 wallMs = 0;
        QString text;
    };

    LiveChart(const QString &title, const QString &unit, QWidget *parent = nullptr);

    // Replaces the points of the named series (created on first use, in a stable colour).
    void setSeries(const QString &name, const QList<QPointF> &points);
    // Drops every series not in `names`.
    void keepOnly(const QStringList &names);
    void setMarkers(const QList<Marker> &markers);
    void setTimeRange(qint64 fromMs, qint64 toMs);

    QLineSeries *series(const QString &name) const { return m_series.value(name); }
    QStringList seriesNames() const { return m_series.keys(); }
    int markerCount() const;
    QString unit() const { return m_unit; }
    // What hovering at `wallMs` shows for the series (used by the tooltip and tests).
    static QString valueText(const QString &name, const QPointF &point, const QString &unit);

private:
    void rescale();

    QString m_unit;
    QDateTimeAxis *m_time;
    QValueAxis *m_values;
    QScatterSeries *m_markers;
    QList<Marker> m_markerData;
    QHash<QString, QLineSeries *> m_series;
    QHash<QString, double> m_peaks; // per series, for the y range without re-reading points
    int m_colourIndex = 0;
};

} // namespace infralab
