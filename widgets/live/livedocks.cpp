#include "live/livedocks.h"

#include "canvas/nodeitem.h"
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "dashboard/dashboarddock.h"
#include "dashboard/seriesstore.h"
#include "dialogs/preferencesdialog.h"
#include "docks/eventsdock.h"
#include "docks/problemsdock.h"
#include "docks/statisticsdock.h"
#include "document/document.h"
#include "live/labsession.h"
#include "live/liveeditsync.h"
#include "live/liveoverlay.h"
#include "live/nodedetaildock.h"
#include "live/runactions.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QToolBar>

namespace infralab {

LiveDocks::LiveDocks(QMainWindow *window, Document *document, TopologyScene *scene,
                     TopologyView *view, ProblemsDock *problems)
    : QObject(window)
    , m_window(window)
    , m_scene(scene)
    , m_view(view)
    , m_problems(problems)
    , m_session(new live::LabSession(this))
    , m_store(new SeriesStore(this))
    , m_overlay(new LiveOverlay(m_session, scene, this))
    , m_actions(new RunActions(m_session, document, scene, window))
    , m_editSync(new LiveEditSync(m_session, document, m_overlay, this))
    , m_dashboard(new DashboardDock(m_store, window))
    , m_statistics(new StatisticsDock(m_session, m_store, window))
    , m_events(new EventsDock(m_session, window))
    , m_detail(new NodeDetailDock(m_session, document, scene, window))
    , m_toolBar(new QToolBar(tr("Run"), window))
    , m_controlLabel(new QLabel(window))
{
    m_dashboard->setDocument(document); // legends by node name
    m_toolBar->setObjectName(QStringLiteral("RunToolBar"));
    m_actions->fillToolBar(m_toolBar);
    window->addToolBar(Qt::TopToolBarArea, m_toolBar);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dashboard);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_statistics);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_events);
    window->tabifyDockWidget(problems, m_dashboard);
    window->tabifyDockWidget(m_dashboard, m_statistics);
    window->tabifyDockWidget(m_statistics, m_events);
    problems->raise();
    // Beside the inspector as a tab: the right column keeps its height for one of them.
    window->addDockWidget(Qt::RightDockWidgetArea, m_detail);
    if (QDockWidget *inspector = window->findChild<QDockWidget *>(QStringLiteral("InspectorDock"))) {
        window->tabifyDockWidget(inspector, m_detail);
        inspector->raise(); // editing first; Start brings Node Detail to the front
    }
    window->statusBar()->addPermanentWidget(m_controlLabel);
    m_controlLabel->hide();

    connect(m_session, &live::LabSession::snapshotReady, m_store,
            [this](const std::shared_ptr<const live::LiveSnapshot> &snapshot) {
                m_store->add(*snapshot);
            });
    connect(m_session, &live::LabSession::eventLogged, m_store, &SeriesStore::addEvent);
    connect(m_session, &live::LabSession::phaseChanged, this,
            [this](live::LabSession::Phase phase) {
                if (phase == live::LabSession::Phase::Starting) {
                    m_store->clear();
                    // To the front within their tabs, at the sizes the user gave them; a dock
                    // the user closed stays closed (the status bar says where it is).
                    for (QDockWidget *dock : {static_cast<QDockWidget *>(m_dashboard),
                                              static_cast<QDockWidget *>(m_detail)}) {
                        if (!dock->isHidden())
                            dock->raise();
                    }
                }
                updateRuntimeProblems();
            });
    connect(m_session, &live::LabSession::nodeStateChanged, this,
            [this](const QString &, runtime::NodeState state) {
                if (state == runtime::NodeState::Failed || state == runtime::NodeState::Running)
                    updateRuntimeProblems();
            });
    connect(m_session, &live::LabSession::controlApiChanged, this, &LiveDocks::showControlStatus);
    connect(m_actions->applyLiveAction(), &QAction::toggled, m_editSync,
            &LiveEditSync::setApplyLive);
    connect(m_actions->applyAction(), &QAction::triggered, m_editSync, &LiveEditSync::applyNow);
    connect(m_actions->preferencesAction(), &QAction::triggered, this, &LiveDocks::showPreferences);
    connect(m_actions, &RunActions::statusMessage, this, &LiveDocks::statusMessage);
    connect(m_editSync, &LiveEditSync::statusMessage, this, &LiveDocks::statusMessage);
    connect(m_events, &EventsDock::nodeActivated, this, &LiveDocks::selectAndShow);
    connect(m_statistics, &StatisticsDock::nodeActivated, this, &LiveDocks::selectAndShow);
    connect(scene, &QGraphicsScene::selectionChanged, this, [this] {
        const QStringList ids = m_scene->selectedNodeIds();
        if (ids.size() == 1)
            m_dashboard->setLatencyNode(ids.constFirst());
    });

    // Another file (or New) replaces the design the lab was started from: stop it rather
    // than turn the running lab into the new topology (the file actions asked and waited for
    // it already), and forget what it showed, so a node of the new file that has an old one's
    // id starts with nothing of it.
    connect(document, &Document::topologyReset, this, [this] {
        if (m_session->isActive())
            m_actions->stop();
        clearLabState();
    });

    m_preferences = LivePreferences::load();
    setPreferences(m_preferences);
}

LiveDocks::~LiveDocks() = default;

void LiveDocks::clearLabState()
{
    m_store->clear();
    m_dashboard->setLatencyNode(QString());
    m_dashboard->refresh(); // also when paused or hidden: no old line stays drawn
    m_statistics->clear();
    m_events->clear();
    m_detail->clear();
    m_problems->setRuntimeProblems({});
}

void LiveDocks::fillRunMenu(QMenu *menu) const
{
    m_actions->fillRunMenu(menu);
}

void LiveDocks::addToggleActions(QMenu *menu) const
{
    menu->addSeparator();
    for (QDockWidget *dock :
         {static_cast<QDockWidget *>(m_dashboard), static_cast<QDockWidget *>(m_statistics),
          static_cast<QDockWidget *>(m_events), static_cast<QDockWidget *>(m_detail)})
        menu->addAction(dock->toggleViewAction());
    menu->addAction(m_toolBar->toggleViewAction());
}

void LiveDocks::setPreferences(const LivePreferences &preferences)
{
    const bool controlChanged = !m_controlSet || preferences.controlApi != m_preferences.controlApi
                                || preferences.controlPort != m_preferences.controlPort;
    m_controlSet = true;
    m_preferences = preferences;
    m_preferences.save();
    m_actions->setNetworkThreads(preferences.networkThreads);
    m_dashboard->setRefreshInterval(preferences.chartRefreshMs());
    if (controlChanged)
        m_session->setControlApi(preferences.controlApi, quint16(preferences.controlPort));
}

PreferencesDialog *LiveDocks::showPreferences()
{
    if (m_dialog) {
        m_dialog->raise();
        return m_dialog;
    }
    m_dialog = new PreferencesDialog(m_preferences, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setControlStatus(m_session->controlUrl(), m_session->controlError());
    connect(m_dialog, &QDialog::accepted, this,
            [this, dialog = m_dialog] { setPreferences(dialog->preferences()); });
    m_dialog->open();
    return m_dialog;
}

void LiveDocks::showControlStatus(const QString &url, const QString &error)
{
    if (m_dialog)
        m_dialog->setControlStatus(url, error);
    if (!error.isEmpty()) {
        m_controlLabel->setText(tr("Control API: %1").arg(error));
        m_controlLabel->show();
        emit statusMessage(tr("The control API could not start: %1").arg(error));
    } else if (!url.isEmpty()) {
        m_controlLabel->setText(tr("Control API: %1").arg(url));
        m_controlLabel->show();
    } else {
        m_controlLabel->hide();
    }
}

void LiveDocks::selectAndShow(const QString &nodeId)
{
    if (NodeItem *item = m_scene->nodeItem(nodeId)) {
        m_scene->selectNodes({nodeId});
        m_view->centerOn(item);
    }
}

void LiveDocks::updateRuntimeProblems()
{
    Problems problems;
    if (m_session->isActive()) {
        const Topology &topology = m_session->runningTopology();
        for (int i = 0; i < topology.nodes.size(); ++i) {
            const Node &node = topology.nodes.at(i);
            if (m_session->state(node.id) != runtime::NodeState::Failed)
                continue;
            Problem problem = Problem::error(
                QStringLiteral("nodes[%1]").arg(i),
                tr("%1 failed to start: %2").arg(node.id, m_session->stateDetail(node.id)));
            problem.nodeId = node.id;
            problems.append(problem);
        }
    }
    m_problems->setRuntimeProblems(problems);
}

} // namespace infralab
