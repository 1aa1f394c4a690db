#pragma once

#include <QObject>

class QAction;
class QMenu;
class QToolBar;
class QWidget;

namespace infralab {

class Document;
class TopologyScene;

namespace live {
class LabSession;
}

// The Run menu's and the toolbar's behaviour: Start (F5) and Stop (Shift+F5) of the whole lab,
// per node Start / Stop / Restart and the conveniences (copy URL, copy as curl, open in
// browser) in the canvas's context menu, and Apply Edits (automatic while "Apply Edits Live"
// is on). Starting validates first and refuses a topology with errors; it never blocks.
class RunActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunActions)

public:
    RunActions(live::LabSession *session, Document *document, TopologyScene *scene,
               QWidget *window);

    QAction *startAction() const { return m_start; }
    QAction *stopAction() const { return m_stop; }
    QAction *applyLiveAction() const { return m_applyLive; }
    QAction *applyAction() const { return m_apply; }
    QAction *preferencesAction() const { return m_preferences; }

    void fillRunMenu(QMenu *menu) const;
    void fillToolBar(QToolBar *toolBar) const;
    // The selected nodes' run commands and conveniences, for the canvas's context menu.
    void addNodeActions(QMenu *menu);

    void setNetworkThreads(int count) { m_threads = count; }
    bool start(); // false when refused (errors in the topology)
    void stop();
    void startNodes(const QStringList &ids);
    void stopNodes(const QStringList &ids);
    void restartNodes(const QStringList &ids);

signals:
    void statusMessage(const QString &message);

private:
    void updateActions();

    live::LabSession *m_session;
    Document *m_document;
    TopologyScene *m_scene;
    QAction *m_start;
    QAction *m_stop;
    QAction *m_applyLive;
    QAction *m_apply;
    QAction *m_preferences;
    int m_threads = 0;
};

} // namespace infralab
