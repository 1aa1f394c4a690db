#include "mainwindow/mainwindow.h"

#include "actions/editactions.h"
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "dashboard/dashboarddock.h"
#include "docks/editordocks.h"
#include "docks/palettedock.h"
#include "docks/problemsdock.h"
#include "document/document.h"
#include "export/pictureexport.h"
#include "inspector/inspectordock.h"
#include "layout/tierlayout.h"
#include "live/labsession.h"
#include "live/livedocks.h"
#include "live/runactions.h"
#include "mainwindow/autosave.h"
#include "mainwindow/fileactions.h"
#include "mainwindow/filedrophandler.h"
#include "mainwindow/recentfiles.h"

#include <infralab/version.h>

#include <QApplication>
#include <QCloseEvent>
#include <QEventLoop>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace infralab {

namespace {

// Every status bar message, for scripts and tests that drive the window:
// QT_LOGGING_RULES="infralab.status.info=true" prints them on stderr.
Q_LOGGING_CATEGORY(lcStatus, "infralab.status", QtWarningMsg)

const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString StateKey = QStringLiteral("mainWindow/state");
constexpr int StatusTimeoutMs = 8000;
// How long opening another file waits for the running lab to drain and stop.
constexpr int StopTimeoutMs = 30000;
// The first-run layout (1280×800): palette and inspector columns beside a canvas of more
// than 60 % of the width, a strip of tabbed docks under it.
constexpr int DefaultPaletteWidth = 170;
constexpr int DefaultInspectorWidth = 320;
constexpr int DefaultBottomHeight = 280;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_scene(new TopologyScene(m_document, this))
    , m_view(new TopologyView(this))
    , m_countsLabel(new QLabel(this))
    , m_autosave(new Autosave(m_document, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_view->setScene(m_scene);
    m_view->setPlaceholderText(
        tr("No topology yet.\nDrag a component from the palette, or open a ready-made lab "
           "with File › Open Example."));
    setCentralWidget(m_view);
    statusBar()->addPermanentWidget(m_countsLabel);
    m_docks = new EditorDocks(this, m_document, m_scene, m_view);
    m_live = new LiveDocks(this, m_document, m_scene, m_view, m_docks->problems());

    createMenus();

    connect(m_scene, &TopologyScene::contentReset, m_view, &TopologyView::fitToContent);
    connect(m_document, &Document::fileNameChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::topologyReset, this, &MainWindow::updateCounts);
    connect(m_document, &Document::nodeAdded, this, &MainWindow::updateCounts);
    connect(m_document, &Document::nodeRemoved, this, &MainWindow::updateCounts);
    connect(m_document, &Document::linkAdded, this, &MainWindow::updateCounts);
    connect(m_document, &Document::linkRemoved, this, &MainWindow::updateCounts);
    const auto showStatus = [this](const QString &message) {
        statusBar()->showMessage(message, StatusTimeoutMs);
        qCInfo(lcStatus).noquote() << message;
    };
    connect(m_fileActions, &FileActions::statusMessage, this, showStatus);
    connect(m_editActions, &EditActions::statusMessage, this, showStatus);
    connect(m_scene, &TopologyScene::statusMessage, this, showStatus);
    connect(m_scene, &TopologyScene::linkHintRequested, this, showStatus);
    connect(m_live, &LiveDocks::statusMessage, this, showStatus);
    connect(m_editActions, &EditActions::contextMenuAboutToShow, m_live->actions(),
            &RunActions::addNodeActions);
    // A status message about the lab says what is true now: "Starting…" gives way to the
    // outcome when the lab's phase changes.
    connect(m_live->session(), &live::LabSession::phaseChanged, this, &MainWindow::showLabPhase);
    m_fileActions->setLabControl({[this] { return m_live->session()->isActive(); },
                                  [this] { return stopLabAndWait(); }});

    m_fileDrops = new FileDropHandler(this);
    m_fileDrops->watch(this);
    m_fileDrops->watch(m_view->viewport());
    connect(m_fileDrops, &FileDropHandler::fileDropped, m_fileActions, &FileActions::openFile);

    updateTitle();
    updateCounts();
    readSettings();
}

MainWindow::~MainWindow()
{
    // The scene goes first, while the document its items mirror is alive: deleting selected
    // items announces selection changes, and their listeners ask the scene for the selection.
    delete m_scene;
    m_scene = nullptr;
}

bool MainWindow::offerRecovery()
{
    return m_fileActions->offerRecovery(m_autosave);
}

bool MainWindow::openFile(const QString &fileName)
{
    return m_fileActions->openFile(fileName);
}

QString MainWindow::countsText(qsizetype nodes, qsizetype links)
{
    // Whole phrases for one, so English reads right without a numerus translation loaded.
    const QString nodeText = nodes == 1 ? tr("1 node") : tr("%n nodes", nullptr, int(nodes));
    const QString linkText = links == 1 ? tr("1 link") : tr("%n links", nullptr, int(links));
    return tr("%1, %2", "node count, link count").arg(nodeText, linkText);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_fileActions->maybeSave()) {
        event->ignore();
        return;
    }
    m_autosave->discard(); // saved or discarded: nothing left to recover
    writeSettings();
    event->accept();
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QMenu *recentMenu = new QMenu(tr("Open &Recent"), fileMenu);
    m_recentFiles = new RecentFiles(recentMenu, this);
    m_fileActions = new FileActions(m_document, m_recentFiles, this);

    fileMenu->addAction(m_fileActions->newAction());
    fileMenu->addAction(m_fileActions->openAction());
    fileMenu->addMenu(recentMenu);
    m_examplesMenu = fileMenu->addMenu(tr("Open &Example"));
    m_examplesMenu->setObjectName(QStringLiteral("examplesMenu"));
    m_fileActions->fillExamplesMenu(m_examplesMenu);
    fileMenu->addSeparator();
    fileMenu->addAction(m_fileActions->saveAction());
    fileMenu->addAction(m_fileActions->saveAsAction());
    fileMenu->addAction(tr("Export &Picture…"), this,
                        [this] { PictureExport::exportWithDialog(this, m_scene); });
    fileMenu->addSeparator();
    fileMenu->addAction(m_fileActions->quitAction());

    m_editActions = new EditActions(m_document, m_scene, m_view, this);
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editActions->fillEditMenu(editMenu);
    editMenu->addSeparator();
    editMenu->addAction(m_live->actions()->preferencesAction());
    m_editActions->fillViewMenu(menuBar()->addMenu(tr("&View")));

    QMenu *arrangeMenu = menuBar()->addMenu(tr("&Arrange"));
    arrangeMenu->addAction(tr("Arrange by &Tier"), this, [this] { TierLayout::apply(m_document); });
    m_live->fillRunMenu(menuBar()->addMenu(tr("&Run")));
    QMenu *windowMenu = menuBar()->addMenu(tr("&Window"));
    m_docks->addToggleActions(windowMenu);
    m_live->addToggleActions(windowMenu);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *gestures = helpMenu->addAction(tr("Canvas &Gestures…"), this, &MainWindow::showGestures);
    gestures->setObjectName(QStringLiteral("canvasGestures"));
    gestures->setStatusTip(tr("How to add and link nodes, select, pan and zoom"));
    helpMenu->addSeparator();
    QAction *aboutAction = helpMenu->addAction(tr("&About InfraLab"), this, &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — InfraLab").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateCounts()
{
    const Topology &topology = m_document->topology();
    m_countsLabel->setText(countsText(topology.nodes.size(), topology.links.size()));
}

void MainWindow::showAbout()
{
    // Window-modal but not exec()'d, so nothing blocks (and tests can trigger it).
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About InfraLab"));
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>InfraLab %1</h3>"
                    "<p>A desktop lab for web infrastructure: real web servers, proxies, "
                    "balancers, databases and caches on 127.0.0.1.</p>"
                    "<p>Built with Qt %2, running on Qt %3.</p>")
                     .arg(QStringLiteral(INFRALAB_VERSION), QStringLiteral(QT_VERSION_STR),
                          QString::fromLatin1(qVersion())));
    box->open();
}

QString MainWindow::gesturesText()
{
    return tr("<h3>Canvas gestures</h3>"
              "<p><b>Link two nodes:</b> hover the calling card; a round arrow handle appears on "
              "its right edge and the cursor turns into a cross near the card's border. Drag "
              "from the handle, or from anywhere along the border, onto the card it should "
              "call and let go. A target the caller may not call turns red and the status "
              "bar says why.</p>"
              "<p><b>Add a node:</b> drag a kind from the Palette onto the canvas, or "
              "double-click it.</p>"
              "<p><b>Select:</b> click a card or link, Ctrl-click for more, or drag a rubber "
              "band on the empty canvas. Arrow keys move the selection, Delete removes it, F2 "
              "renames.</p>"
              "<p><b>Pan and zoom:</b> drag with the middle button or with Space held; the "
              "wheel zooms around the cursor; Ctrl+Shift+F fits the topology.</p>"
              "<p><b>Run:</b> F5 starts the lab, Shift+F5 stops it; right-click a card to "
              "start, stop or restart it alone.</p>");
}

QWidget *MainWindow::showGestures()
{
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("gesturesBox"));
    box->setWindowTitle(tr("Canvas Gestures"));
    box->setIcon(QMessageBox::Information);
    box->setTextFormat(Qt::RichText);
    box->setText(gesturesText());
    box->open();
    return box;
}

void MainWindow::showLabPhase()
{
    const live::LabSession *session = m_live->session();
    QString message;
    switch (session->phase()) {
    case live::LabSession::Phase::Running: {
        const Topology &topology = session->runningTopology();
        int running = 0;
        int failed = 0;
        int skipped = 0;
        for (const Node &node : topology.nodes) {
            const runtime::NodeState state = session->state(node.id);
            running += state == runtime::NodeState::Running;
            failed += state == runtime::NodeState::Failed;
            skipped += state == runtime::NodeState::Skipped;
        }
        const int nodes = int(topology.nodes.size());
        // Whole phrases for one, so English reads right without a numerus translation loaded.
        if (running == nodes)
            message = nodes == 1 ? tr("Lab running: 1 node")
                                 : tr("Lab running: %n nodes", nullptr, nodes);
        else
            message = tr("Lab running: %1 of %2 nodes").arg(running).arg(nodes);
        if (failed > 0)
            message += failed == 1 ? tr("; 1 failed to start — see Problems")
                                   : tr("; %n failed to start — see Problems", nullptr, failed);
        if (skipped > 0)
            message += skipped == 1 ? tr("; 1 does not run in this version")
                                    : tr("; %n do not run in this version", nullptr, skipped);
        // The user closed the charts: leave them closed, and say where they are.
        if (m_live->dashboard()->isHidden())
            message = tr("%1. Window › Dashboard shows the charts.").arg(message);
        break;
    }
    case live::LabSession::Phase::Stopped: message = tr("Lab stopped"); break;
    case live::LabSession::Phase::Starting:
    case live::LabSession::Phase::Stopping:
        return; // the action that started or stopped it says so
    }
    statusBar()->showMessage(message, StatusTimeoutMs);
    qCInfo(lcStatus).noquote() << message;
}

bool MainWindow::stopLabAndWait()
{
    live::LabSession *session = m_live->session();
    if (!session->isActive())
        return true;
    m_live->actions()->stop();
    if (session->isActive()) {
        // Paints and the lab's signals go on; clicks and keys wait, so nothing else is
        // started or opened meanwhile.
        QEventLoop loop;
        QTimer timeout;
        timeout.setSingleShot(true);
        connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        connect(session, &live::LabSession::phaseChanged, &loop,
                [&loop](live::LabSession::Phase phase) {
                    if (phase == live::LabSession::Phase::Stopped)
                        loop.quit();
                });
        timeout.start(StopTimeoutMs);
        QApplication::setOverrideCursor(Qt::BusyCursor);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
        QApplication::restoreOverrideCursor();
    }
    return !session->isActive();
}

void MainWindow::applyDefaultLayout()
{
    resizeDocks({m_docks->palette(), m_docks->inspector()},
                {DefaultPaletteWidth, DefaultInspectorWidth}, Qt::Horizontal);
    resizeDocks({m_docks->problems()}, {DefaultBottomHeight}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_defaultLayoutPending) {
        m_defaultLayoutPending = false;
        applyDefaultLayout();
    }
}

void MainWindow::readSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1280, 800);
    // A state saved by another layout version (or none): the first-run layout.
    m_defaultLayoutPending = !restoreState(settings.value(StateKey).toByteArray(), LayoutVersion);
    if (m_defaultLayoutPending)
        applyDefaultLayout();
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState(LayoutVersion));
}

} // namespace infralab
