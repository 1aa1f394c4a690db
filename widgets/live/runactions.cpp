#include "live/runactions.h"

#include "canvas/topologyscene.h"
#include "document/document.h"
#include "document/documentvalidation.h"
#include "live/labsession.h"
#include "live/nodeconveniences.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QStyle>
#include <QToolBar>
#include <QWidget>

namespace infralab {

namespace {

// `path: message` of every error, in the validator's order.
QStringList errorTexts(const Problems &problems)
{
    QStringList texts;
    for (const Problem &problem : problems) {
        if (problem.isError())
            texts.append(problem.toString());
    }
    return texts;
}

} // namespace

RunActions::RunActions(live::LabSession *session, Document *document, TopologyScene *scene,
                       QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_document(document)
    , m_scene(scene)
    , m_start(
          new QAction(window->style()->standardIcon(QStyle::SP_MediaPlay), tr("&Start Lab"), this))
    , m_stop(
          new QAction(window->style()->standardIcon(QStyle::SP_MediaStop), tr("S&top Lab"), this))
    , m_applyLive(new QAction(tr("Apply Edits &Live"), this))
    , m_apply(new QAction(tr("&Apply Edits Now"), this))
    , m_preferences(new QAction(tr("&Preferences…"), this))
{
    m_start->setObjectName(QStringLiteral("startLab"));
    m_stop->setObjectName(QStringLiteral("stopLab"));
    m_start->setShortcut(QKeySequence(Qt::Key_F5));
    m_stop->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_start->setToolTip(tr("Start every node, callees first (F5)"));
    m_stop->setToolTip(tr("Stop every node, callers first, after their requests drain (Shift+F5)"));
    m_applyLive->setCheckable(true);
    m_applyLive->setChecked(true);
    m_applyLive->setToolTip(tr("Edits made while the lab runs go to the running nodes at once"));
    m_apply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F5));
    m_preferences->setMenuRole(QAction::PreferencesRole);
    connect(m_start, &QAction::triggered, this, &RunActions::start);
    connect(m_stop, &QAction::triggered, this, &RunActions::stop);
    connect(session, &live::LabSession::phaseChanged, this, &RunActions::updateActions);
    connect(session, &live::LabSession::commandRefused, this, &RunActions::statusMessage);
    window->addActions({m_start, m_stop, m_apply});
    updateActions();
}

void RunActions::fillRunMenu(QMenu *menu) const
{
    menu->addActions({m_start, m_stop});
    menu->addSeparator();
    menu->addActions({m_applyLive, m_apply});
}

void RunActions::fillToolBar(QToolBar *toolBar) const
{
    toolBar->addActions({m_start, m_stop});
}

void RunActions::updateActions()
{
    const live::LabSession::Phase phase = m_session->phase();
    m_start->setEnabled(phase == live::LabSession::Phase::Stopped);
    m_stop->setEnabled(phase == live::LabSession::Phase::Starting
                       || phase == live::LabSession::Phase::Running);
    m_apply->setEnabled(phase == live::LabSession::Phase::Running);
}

bool RunActions::start()
{
    if (m_session->isActive())
        return false;
    const Topology &topology = m_document->topology();
    if (topology.nodes.isEmpty()) {
        emit statusMessage(tr("Nothing to start: the topology has no nodes."));
        return false;
    }
    if (const QStringList errors = errorTexts(m_document->validation()->upToDate().problems());
        !errors.isEmpty()) {
        // Name the problem: the user may have opened or recovered the file long ago.
        emit statusMessage(errors.size() == 1
                               ? tr("Not started: fix %1 first (see Problems).").arg(errors.first())
                               : tr("Not started: fix the %n errors listed in Problems first, "
                                    "starting with %1.",
                                    nullptr, int(errors.size()))
                                     .arg(errors.first()));
        return false;
    }
    const QString fileName = m_document->fileName();
    const QString dir
        = fileName.isEmpty() ? QDir::currentPath() : QFileInfo(fileName).absolutePath();
    m_session->start(topology, dir, m_threads);
    // Whole phrases for one, so English reads right without a numerus translation loaded.
    // MainWindow replaces it with the outcome when the lab's phase changes.
    const int count = int(topology.nodes.size());
    emit statusMessage(count == 1 ? tr("Starting 1 node…")
                                  : tr("Starting %n nodes…", nullptr, count));
    return true;
}

void RunActions::stop()
{
    if (!m_session->isActive())
        return;
    m_session->stop();
    emit statusMessage(tr("Stopping the lab, callers first…"));
}

void RunActions::startNodes(const QStringList &ids)
{
    for (const QString &id : ids)
        m_session->startNode(id);
}

void RunActions::stopNodes(const QStringList &ids)
{
    for (const QString &id : ids)
        m_session->stopNode(id);
}

void RunActions::restartNodes(const QStringList &ids)
{
    for (const QString &id : ids)
        m_session->restartNode(id);
}

void RunActions::addNodeActions(QMenu *menu)
{
    const QStringList ids = m_scene->selectedNodeIds();
    if (ids.isEmpty() || !m_session->isActive())
        return;
    bool anyRunning = false;
    bool anyStopped = false;
    for (const QString &id : ids) {
        const runtime::NodeState state = m_session->state(id);
        anyRunning = anyRunning || state == runtime::NodeState::Running;
        anyStopped = anyStopped || state == runtime::NodeState::Stopped
                     || state == runtime::NodeState::Failed;
    }
    menu->addSeparator();
    QAction *start = menu->addAction(tr("Start Node"), this, [this, ids] { startNodes(ids); });
    start->setObjectName(QStringLiteral("startNode"));
    start->setEnabled(anyStopped);
    QAction *stop = menu->addAction(tr("Stop Node"), this, [this, ids] { stopNodes(ids); });
    stop->setObjectName(QStringLiteral("stopNode"));
    stop->setEnabled(anyRunning);
    QAction *restart
        = menu->addAction(tr("Restart Node"), this, [this, ids] { restartNodes(ids); });
    restart->setObjectName(QStringLiteral("restartNode"));
    restart->setEnabled(anyRunning); // only what runs restarts; a stopped node starts
    const QString url
        = ids.size() == 1 ? nodeconveniences::url(*m_session, ids.constFirst()) : QString();
    if (url.isEmpty())
        return;
    menu->addSeparator();
    menu->addAction(tr("Copy URL"), this, [url] { nodeconveniences::copyToClipboard(url); });
    menu->addAction(tr("Copy as curl"), this, [url] {
        nodeconveniences::copyToClipboard(nodeconveniences::curlCommand(url));
    });
    menu->addAction(tr("Open in Browser"), this, [url] { nodeconveniences::openInBrowser(url); });
}

} // namespace infralab
