#pragma once

#include "dialogs/livepreferences.h"

#include <QObject>
#include <QPointer>

class QLabel;
class QMainWindow;
class QMenu;
class QToolBar;

namespace infralab {

class DashboardDock;
class Document;
class EventsDock;
class LiveEditSync;
class LiveOverlay;
class NodeDetailDock;
class PreferencesDialog;
class ProblemsDock;
class RunActions;
class SeriesStore;
class StatisticsDock;
class TopologyScene;
class TopologyView;

namespace live {
class LabSession;
}

// The live lab in the main window, composed once (as EditorDocks does for editing): the
// LabSession with its runtime thread, the canvas overlay, the Dashboard, Statistics, Events
// and Node Detail docks, the Run menu and toolbar, editing while running, runtime failures in
// the Problems dock, the control API's address in the status bar, and Preferences.
class LiveDocks final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveDocks)

public:
    LiveDocks(QMainWindow *window, Document *document, TopologyScene *scene, TopologyView *view,
              ProblemsDock *problems);
    ~LiveDocks() override;

    live::LabSession *session() const { return m_session; }
    RunActions *actions() const { return m_actions; }
    LiveOverlay *overlay() const { return m_overlay; }
    LiveEditSync *editSync() const { return m_editSync; }
    SeriesStore *store() const { return m_store; }
    DashboardDock *dashboard() const { return m_dashboard; }
    StatisticsDock *statistics() const { return m_statistics; }
    EventsDock *events() const { return m_events; }
    NodeDetailDock *detail() const { return m_detail; }
    QLabel *controlLabel() const { return m_controlLabel; }

    // Empties the Dashboard, Statistics, Events and Node Detail (done when the document is
    // replaced).
    void clearLabState();

    void fillRunMenu(QMenu *menu) const;
    void addToggleActions(QMenu *menu) const;

    const LivePreferences &preferences() const { return m_preferences; }
    void setPreferences(const LivePreferences &preferences); // applies and saves
    PreferencesDialog *showPreferences();                    // non-modal-blocking: open()

signals:
    void statusMessage(const QString &message);

private:
    void selectAndShow(const QString &nodeId);
    void updateRuntimeProblems();
    void showControlStatus(const QString &url, const QString &error);

    QMainWindow *m_window;
    TopologyScene *m_scene;
    TopologyView *m_view;
    ProblemsDock *m_problems;
    live::LabSession *m_session;
    SeriesStore *m_store;
    LiveOverlay *m_overlay;
    RunActions *m_actions;
    LiveEditSync *m_editSync;
    DashboardDock *m_dashboard;
    StatisticsDock *m_statistics;
    EventsDock *m_events;
    NodeDetailDock *m_detail;
    QToolBar *m_toolBar;
    QLabel *m_controlLabel;
    QPointer<PreferencesDialog> m_dialog;
    LivePreferences m_preferences;
    bool m_controlSet = false; // the control API was set up once from the preferences
};

} // namespace infralab
