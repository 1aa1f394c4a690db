#pragma once

#include "dashboard/seriesstore.h"

#include <QDockWidget>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QToolButton;

namespace infralab {

class Document;
class LiveChart;

// The Dashboard dock: four QtCharts of the running lab — requests/s per node, latency
// percentiles of one node (p50/p95/p99, each selectable; unselected, the first traffic
// generator's), errors/s by class (the selected node's, else the traffic generators': what the
// clients saw, each failure once), and active connections per node (the busiest eight) — over a
// 1, 5 or 15 minute window, with the lab's events marked on the time axis. Value axes carry
// their units and nice ticks (whole ones for connections); lines are labelled with the nodes'
// names as on the canvas (renames follow at once) in colours fixed per node id; hovering an
// errors line lists each node's errors of that class at that moment. It redraws on a timer (4
// times a second by default, Preferences) from the SeriesStore, never per request; pausing
// freezes the view while the store keeps recording.
class DashboardDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardDock)

public:
    static constexpr int MaxNodeLines = 8;

    explicit DashboardDock(SeriesStore *store, QWidget *parent = nullptr);

    // The document whose node names label the lines (without one, the node ids do).
    void setDocument(Document *document);
    // What the dashboard calls a node: its name as on the canvas, "name (id)" when another
    // node has the same name, the id when it has none.
    QString nodeLabel(const QString &nodeId) const;
    // A node's line colour: LiveChart::coloursFor() the document's nodes, else colourFor(id).
    QColor nodeColour(const QString &nodeId) const;

    void setRefreshInterval(int ms);
    int refreshInterval() const { return m_timer.interval(); }
    void setWindowMinutes(int minutes); // 1, 5 or 15
    int windowMinutes() const;
    void setPaused(bool paused);
    bool isPaused() const;
    void setLatencyNode(const QString &nodeId); // empty: the first node that measures latency
    QString latencyNode() const { return m_latencyNode; }
    void setPercentileShown(int percentile, bool shown); // 50, 95 or 99

    void refresh(); // redraws now (also when paused)
    quint64 refreshCount() const { return m_refreshes; }

    LiveChart *requestsChart() const { return m_requests; }
    LiveChart *latencyChart() const { return m_latency; }
    LiveChart *errorsChart() const { return m_errors; }
    LiveChart *connectionsChart() const { return m_connections; }

    // The tooltip lines under an errors line: each node's errors/s of `errorClassName` at the
    // moment nearest `wallMs`, those the chart sums first.
    QString errorBreakdown(const QString &errorClassName, qint64 wallMs) const;

private:
    void applyLabels(const QString &latencyNode);
    void assignColours();
    QString effectiveLatencyNode() const;
    void refreshIfDue();
    void slideTimeAxis();
    qint64 windowEnd() const;

    SeriesStore *m_store;
    QTimer m_timer; // the refresh rate: slides the time axis, redraws a tick that waited
    QElapsedTimer m_sinceRefresh;
    QComboBox *m_window;
    QToolButton *m_pause;
    QLabel *m_latencyLabel;
    QCheckBox *m_p50;
    QCheckBox *m_p95;
    QCheckBox *m_p99;
    LiveChart *m_requests;
    LiveChart *m_latency;
    LiveChart *m_errors;
    LiveChart *m_connections;
    QString m_latencyNode;
    QPointer<Document> m_document;
    QHash<QString, QList<DashPoint>> m_windowPoints; // each node's points as last drawn
    QStringList m_errorNodes;                         // the nodes the errors chart sums
    QHash<QString, QColor> m_nodeColours;             // by the document's nodes
    bool m_dirty = true;
    quint64 m_refreshes = 0;
};

} // namespace infralab
