#include "mainwindow/mainwindow.h"

#include "actions/editactions.h"
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "docks/editordocks.h"
#include "document/document.h"
#include "export/pictureexport.h"
#include "layout/tierlayout.h"
#include "live/livedocks.h"
#include "live/runactions.h"
#include "mainwindow/autosave.h"
#include "mainwindow/fileactions.h"
#include "mainwindow/recentfiles.h"

#include <infralab/version.h>

#include <QCloseEvent>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace infralab {

namespace {

// Every status bar message, for scripts and tests that drive the window:
// QT_LOGGING_RULES="infralab.status.info=true" prints them on stderr.
Q_LOGGING_CATEGORY(lcStatus, "infralab.status", QtWarningMsg)

const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString StateKey = QStringLiteral("mainWindow/state");
constexpr int StatusTimeoutMs = 8000;

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

void MainWindow::readSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1200, 800);
    restoreState(settings.value(StateKey).toByteArray());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
}

} // namespace infralab
