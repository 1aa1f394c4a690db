// The main window stays out of the way and tells the truth (issue 14): the first-run layout
// gives the canvas most of the window and the user's layout persists; selecting a node or
// starting the lab never resizes or opens a dock; status messages give way to the outcome;
// Restart only for running nodes; opening another file while the lab runs asks first and
// leaves nothing of the old lab; the Events dock follows new entries; Open Recent tells
// same-named files apart; Open Example lists the bundled examples; the Help menu explains the
// link gesture.

#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "dashboard/dashboarddock.h"
#include "dashboard/livechart.h"
#include "dashboard/seriesstore.h"
#include "docks/editordocks.h"
#include "docks/eventsdock.h"
#include "docks/palettedock.h"
#include "docks/problemsdock.h"
#include "docks/statisticsdock.h"
#include "docks/statisticsmodel.h"
#include "document/document.h"
#include "format/topologyreader.h"
#include "inspector/inspectordock.h"
#include "live/labsession.h"
#include "live/livedocks.h"
#include "live/nodedetaildock.h"
#include "live/runactions.h"
#include "mainwindow/fileactions.h"
#include "mainwindow/filedrophandler.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/recentfiles.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace infralab;
using infralab::live::LabSession;
using infralab::runtime::NodeState;

namespace {

constexpr int StartTimeoutMs = 15000;

// Records the window's message boxes instead of exec()'ing them and answers with `answer`.
struct DialogRecorder
{
    int calls = 0;
    QStringList texts;
    int answer = QMessageBox::Ok;

    void attach(MainWindow &window)
    {
        window.fileActions()->setMessageBoxRunner([this](QMessageBox &box) {
            ++calls;
            texts.append(box.text());
            return answer;
        });
    }
};

// A generator sending `rate` req/s of GET / to a web server (`web-1`, both on free ports),
// or, without a generator, two web servers.
QByteArray topologyJson(const QString &name, bool withGenerator, int rate = 50)
{
    QJsonArray nodes;
    QJsonArray links;
    if (withGenerator) {
        nodes.append(QJsonObject{
            {"id", "gen"},
            {"kind", "traffic-generator"},
            {"position", QJsonObject{{"x", -250}, {"y", 0}}},
            {"config",
             QJsonObject{{"mode", "open"},
                         {"rate", rate},
                         {"requests", QJsonArray{QJsonObject{
                                          {"method", "GET"}, {"path", "/"}, {"weight", 1}}}}}}});
        links.append(QJsonObject{{"from", "gen"}, {"to", "web-1"}});
    }
    nodes.append(QJsonObject{{"id", "web-1"},
                             {"kind", "web-server"},
                             {"position", QJsonObject{{"x", 0}, {"y", 0}}},
                             {"config", QJsonObject{{"port", 0}}}});
    if (!withGenerator) {
        nodes.append(QJsonObject{{"id", "web-2"},
                                 {"kind", "web-server"},
                                 {"position", QJsonObject{{"x", 0}, {"y", 160}}},
                                 {"config", QJsonObject{{"port", 0}}}});
    }
    const QJsonObject root{{"format", "infralab-topology"},
                           {"version", 1},
                           {"name", name},
                           {"nodes", nodes},
                           {"links", links}};
    return QJsonDocument(root).toJson();
}

bool allRunning(const LabSession &session, const Topology &topology)
{
    if (session.phase() != LabSession::Phase::Running)
        return false;
    for (const Node &node : topology.nodes) {
        if (session.state(node.id) != NodeState::Running)
            return false;
    }
    return true;
}

// Where the canvas and each dock area are, and which docks are open: what must not move.
struct Layout
{
    QRect canvas;
    QMap<int, QRect> areas; // Qt::DockWidgetArea -> the united geometry of its visible docks
    QStringList hidden;     // docks the user closed

    bool operator==(const Layout &) const = default;
};

Layout layoutOf(MainWindow &window)
{
    Layout layout;
    layout.canvas = window.view()->geometry();
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        if (dock->isHidden()) {
            layout.hidden.append(dock->objectName());
            continue;
        }
        // A tab behind another is moved out of the window rather than hidden.
        if (dock->isVisible() && window.rect().contains(dock->geometry())) {
            QRect &area = layout.areas[window.dockWidgetArea(dock)];
            area = area.isNull() ? dock->geometry() : area.united(dock->geometry());
        }
    }
    layout.hidden.sort();
    return layout;
}

QString describe(const Layout &layout)
{
    QStringList parts;
    parts << QString("canvas %1x%2+%3+%4")
                 .arg(layout.canvas.width())
                 .arg(layout.canvas.height())
                 .arg(layout.canvas.x())
                 .arg(layout.canvas.y());
    for (auto it = layout.areas.cbegin(); it != layout.areas.cend(); ++it)
        parts << QString("area %1: %2x%3")
                     .arg(it.key())
                     .arg(it.value().width())
                     .arg(it.value().height());
    parts << "hidden: " + layout.hidden.join(',');
    return parts.join("; ");
}

void settle()
{
    // Layout changes land in posted events.
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(10);
    }
}

QAction *findAction(QMenu *menu, const QString &objectName)
{
    for (QAction *action : menu->actions()) {
        if (action->objectName() == objectName)
            return action;
    }
    return nullptr;
}

QStringList bundledExampleFiles()
{
    return QDir(QStringLiteral(INFRALAB_SOURCE_DIR "/resources/examples"))
        .entryList({"*.infralab.json"}, QDir::Files, QDir::Name);
}

} // namespace

class TestWindowState : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &relative, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(bytes);
        return QFileInfo(path).absoluteFilePath();
    }

    static bool startAndWait(MainWindow &window)
    {
        LabSession *session = window.live()->session();
        if (!window.live()->actions()->start())
            return false;
        const Topology topology = window.document()->topology();
        return QTest::qWaitFor([&] { return allRunning(*session, topology); }, StartTimeoutMs);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("InfraLab");
        QCoreApplication::setApplicationName("InfraLab");
        QVERIFY(m_dir.isValid());
    }

    void init() { QSettings().clear(); }

    // Without saved settings: 1280×800, and the canvas gets at least 60 % of the width.
    void firstRunLayout()
    {
        MainWindow window;
        QCOMPARE(window.size(), QSize(1280, 800));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        settle();
        const int canvas = window.view()->width();
        QVERIFY2(canvas >= 0.6 * window.width(),
                 qPrintable(QString("the canvas is %1 of %2 px wide").arg(canvas).arg(window.width())));
        for (QDockWidget *dock : {static_cast<QDockWidget *>(window.docks()->palette()),
                                  static_cast<QDockWidget *>(window.docks()->inspector()),
                                  static_cast<QDockWidget *>(window.docks()->problems())})
            QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
        // Editing first: the Inspector is the right column's front tab, not Node Detail.
        QVERIFY(window.rect().contains(window.docks()->inspector()->geometry()));
        QVERIFY(!window.rect().contains(window.live()->detail()->geometry()));
    }

    // The user's dock sizes and closed docks come back; a state of another layout version
    // gives way to the first-run layout.
    void layoutPersists()
    {
        int paletteWidth = 0;
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            settle();
            window.resizeDocks({window.docks()->palette()}, {260}, Qt::Horizontal);
            window.live()->events()->close();
            settle();
            paletteWidth = window.docks()->palette()->width();
            QVERIFY(window.close());
        }
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            settle();
            QCOMPARE(window.docks()->palette()->width(), paletteWidth);
            QVERIFY(window.live()->events()->isHidden());
        }
        // A state saved by an older layout: not restored.
        {
            MainWindow window;
            QSettings().setValue("mainWindow/state", window.saveState(MainWindow::LayoutVersion - 1));
        }
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        settle();
        QVERIFY(!window.live()->events()->isHidden());
        QVERIFY(window.docks()->palette()->width() < paletteWidth);
    }

    // Selecting nodes (stopped and running, Inspector or Node Detail in front) and starting the
    // lab leave the canvas and every dock area where they were.
    void selectionAndStartKeepTheLayout()
    {
        const QString path = writeFile("layout/lab.infralab.json", topologyJson("Layout", true));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        settle();
        const QStringList ids{"gen", "web-1"};

        const Layout before = layoutOf(window);
        for (QDockWidget *front : {static_cast<QDockWidget *>(window.docks()->inspector()),
                                   static_cast<QDockWidget *>(window.live()->detail())}) {
            front->raise();
            settle();
            for (const QString &id : ids) {
                window.scene()->selectNodes({id});
                settle();
                QVERIFY2(layoutOf(window).canvas == before.canvas,
                         qPrintable(id + ": " + describe(layoutOf(window)) + " instead of "
                                    + describe(before)));
            }
            window.scene()->clearSelection();
            settle();
        }
        window.docks()->inspector()->raise();
        window.docks()->problems()->raise();
        settle();
        const Layout stopped = layoutOf(window);

        QVERIFY(startAndWait(window));
        settle();
        const Layout running = layoutOf(window);
        QVERIFY2(running.canvas == stopped.canvas && running.areas == stopped.areas
                     && running.hidden == stopped.hidden,
                 qPrintable(describe(running) + " instead of " + describe(stopped)));

        // Running, the Node Detail shows tables and controls: still no dock moves.
        window.live()->detail()->raise();
        settle();
        const Layout detail = layoutOf(window);
        for (const QString &id : ids) {
            window.scene()->selectNodes({id});
            QTest::qWait(600); // a snapshot or two fill the detail in
            QVERIFY2(layoutOf(window) == detail,
                     qPrintable(id + ": " + describe(layoutOf(window)) + " instead of "
                                + describe(detail)));
        }
        window.live()->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(window.live()->session()->phase(), LabSession::Phase::Stopped,
                                  10000);
    }

    // A dock the user closed stays closed when the lab starts; the status bar says where it is.
    void startLeavesClosedDocksClosed()
    {
        const QString path = writeFile("closed/lab.infralab.json", topologyJson("Closed", false));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        window.live()->dashboard()->close();
        window.live()->detail()->close();
        settle();
        const Layout before = layoutOf(window);
        QVERIFY(startAndWait(window));
        settle();
        QVERIFY(window.live()->dashboard()->isHidden());
        QVERIFY(window.live()->detail()->isHidden());
        QCOMPARE(layoutOf(window), before);
        QTRY_VERIFY(window.statusBar()->currentMessage().contains("Window › Dashboard"));
        window.live()->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(window.live()->session()->phase(), LabSession::Phase::Stopped,
                                  10000);
    }

    // "Starting 2 nodes…" gives way to the outcome, "Stopping…" to "Lab stopped".
    void statusFollowsThePhase()
    {
        const QString path = writeFile("status/lab.infralab.json", topologyJson("Status", false));
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(path));
        QVERIFY(window.live()->actions()->start());
        QCOMPARE(window.statusBar()->currentMessage(), "Starting 2 nodes…");
        QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(), "Lab running: 2 nodes",
                                  StartTimeoutMs);
        window.live()->actions()->stop();
        QCOMPARE(window.statusBar()->currentMessage(), "Stopping the lab, callers first…");
        QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(), "Lab stopped", 10000);

        // A node that does not run in this version is not counted as running.
        Topology topology = window.document()->topology();
        topology.nodes[1].kind = "database";
        topology.nodes[1].config = {};
        window.document()->reset(topology, QString());
        QVERIFY(window.live()->actions()->start());
        QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(),
                                  "Lab running: 1 of 2 nodes; 1 does not run in this version",
                                  StartTimeoutMs);
        window.live()->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(window.live()->session()->phase(), LabSession::Phase::Stopped,
                                  10000);
    }

    // Restart is offered for a running node only; a stopped one offers Start.
    void restartOnlyWhenRunning()
    {
        const QString path = writeFile("restart/lab.infralab.json", topologyJson("Restart", false));
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(path));
        QVERIFY(startAndWait(window));
        LabSession *session = window.live()->session();
        window.live()->actions()->stopNodes({"web-1"});
        QTRY_COMPARE_WITH_TIMEOUT(session->state("web-1"), NodeState::Stopped, 10000);

        struct Case
        {
            QString node;
            bool start, stop, restart;
        };
        for (const Case &c : {Case{"web-1", true, false, false}, Case{"web-2", false, true, true}}) {
            window.scene()->selectNodes({c.node});
            QMenu menu;
            window.live()->actions()->addNodeActions(&menu);
            QAction *start = findAction(&menu, "startNode");
            QAction *stop = findAction(&menu, "stopNode");
            QAction *restart = findAction(&menu, "restartNode");
            QVERIFY(start && stop && restart);
            QCOMPARE(start->isEnabled(), c.start);
            QCOMPARE(stop->isEnabled(), c.stop);
            QVERIFY2(restart->isEnabled() == c.restart, qPrintable(c.node));
        }
        window.live()->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(session->phase(), LabSession::Phase::Stopped, 10000);
    }

    // Every way of opening another document asks while the lab runs: Cancel keeps the lab and
    // the document, Stop stops the lab and opens the new one.
    void openWhileRunningAsks_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("answer");
        QTest::newRow("open, cancel") << "open" << int(QMessageBox::Cancel);
        QTest::newRow("open, stop") << "open" << int(QMessageBox::Ok);
        QTest::newRow("recent, stop") << "recent" << int(QMessageBox::Ok);
        QTest::newRow("example, cancel") << "example" << int(QMessageBox::Cancel);
        QTest::newRow("example, stop") << "example" << int(QMessageBox::Ok);
        QTest::newRow("drop, stop") << "drop" << int(QMessageBox::Ok);
        QTest::newRow("new, cancel") << "new" << int(QMessageBox::Cancel);
    }
    void openWhileRunningAsks()
    {
        QFETCH(QString, how);
        QFETCH(int, answer);
        const QString a = writeFile("ask/a.infralab.json", topologyJson("A", false));
        const QString b = writeFile("ask/b.infralab.json", topologyJson("B", true));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.recentFiles()->add(b);
        QVERIFY(window.openFile(a));
        QVERIFY(startAndWait(window));
        DialogRecorder dialogs;
        dialogs.answer = answer;
        dialogs.attach(window);

        const FileActions::Example example = FileActions::examples().value(0);
        QString expected = "b.infralab.json";
        if (how == "open") {
            QCOMPARE(window.openFile(b), answer == QMessageBox::Ok);
        } else if (how == "recent") {
            QMenu *menu = window.recentFiles()->menu();
            emit menu->aboutToShow();
            QAction *action = nullptr;
            for (QAction *candidate : menu->actions()) {
                if (candidate->toolTip() == QDir::toNativeSeparators(b))
                    action = candidate;
            }
            QVERIFY(action);
            action->trigger();
        } else if (how == "example") {
            QVERIFY(!example.path.isEmpty());
            expected = example.name;
            QCOMPARE(window.fileActions()->openExample(example.path), answer == QMessageBox::Ok);
        } else if (how == "drop") {
            auto *mime = new QMimeData;
            mime->setUrls({QUrl::fromLocalFile(b)});
            QWidget *viewport = window.view()->viewport();
            const QPointF at(viewport->width() / 2.0, viewport->height() / 2.0);
            QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, mime, Qt::LeftButton,
                                  Qt::NoModifier);
            QApplication::sendEvent(viewport, &enter);
            QVERIFY(enter.isAccepted());
            QDropEvent drop(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(viewport, &drop);
            QVERIFY(drop.isAccepted());
            QTRY_COMPARE(dialogs.calls, 1);
            delete mime;
        } else if (how == "new") {
            expected = "a new topology";
            QCOMPARE(window.fileActions()->newFile(), answer == QMessageBox::Ok);
        }
        QCOMPARE(dialogs.calls, 1);
        QCOMPARE(dialogs.texts.value(0), QString("Stop the lab and open %1?").arg(expected));

        LabSession *session = window.live()->session();
        if (answer == QMessageBox::Cancel) {
            QCOMPARE(session->phase(), LabSession::Phase::Running);
            QCOMPARE(window.document()->fileName(), a);
            QCOMPARE(window.document()->topology().nodes.size(), 2);
            window.live()->actions()->stop();
            QTRY_COMPARE_WITH_TIMEOUT(session->phase(), LabSession::Phase::Stopped, 10000);
        } else {
            // Stopped before the new document came in.
            QCOMPARE(session->phase(), LabSession::Phase::Stopped);
            if (how == "example") {
                QVERIFY(window.document()->fileName().isEmpty());
                QCOMPARE(window.document()->topology(),
                         TopologyReader::readFile(example.path).topology);
            } else {
                QCOMPARE(window.document()->fileName(), b);
            }
        }
    }

    // After opening another file (both have a `web-1`), nothing of the old lab shows: no
    // events, statistics, chart lines or Node Detail numbers, also once `web-1` is selected.
    void nothingOfTheOldLabRemains()
    {
        const QString a = writeFile("stale/a.infralab.json", topologyJson("A", true, 100));
        const QString b = writeFile("stale/b.infralab.json", topologyJson("B", false));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        DialogRecorder dialogs;
        dialogs.attach(window);
        QVERIFY(window.openFile(a));
        LiveDocks *live = window.live();
        live->detail()->raise();
        QVERIFY(startAndWait(window));
        window.scene()->selectNodes({"web-1"});
        QTRY_VERIFY_WITH_TIMEOUT(live->statistics()->model()->row("web-1")
                                     && live->statistics()->model()->row("web-1")->requests > 0,
                                 8000);
        QTRY_VERIFY(!live->detail()->numbersText().isEmpty());
        live->dashboard()->refresh();
        QVERIFY(live->dashboard()->requestsChart()->series("web-1"));
        QVERIFY(live->events()->model()->rowCount() > 0);
        live->events()->setNodeFilter("web-1");

        QVERIFY(window.openFile(b));
        QCOMPARE(dialogs.calls, 1); // the stop question
        QCOMPARE(live->session()->phase(), LabSession::Phase::Stopped);
        settle();
        QCOMPARE(live->events()->model()->rowCount(), 0);
        QCOMPARE(live->events()->visibleCount(), 0);
        QCOMPARE(live->events()->findChildren<QComboBox *>().value(0)->count(), 1); // "All nodes"
        QVERIFY(live->statistics()->model()->rows().isEmpty());
        QVERIFY(live->store()->nodeIds().isEmpty());
        QVERIFY(live->dashboard()->requestsChart()->seriesNames().isEmpty());
        QVERIFY(live->dashboard()->latencyNode().isEmpty());
        QVERIFY(live->detail()->nodeId().isEmpty());
        QVERIFY(live->detail()->numbersText().isEmpty());

        // The new file's web-1 is another node: none of the old one's numbers.
        window.scene()->selectNodes({"web-1"});
        settle();
        QCOMPARE(live->detail()->nodeId(), "web-1");
        QVERIFY2(live->detail()->numbersText().isEmpty(), qPrintable(live->detail()->numbersText()));
    }

    // The Events table follows new entries at the bottom, stays put when the user scrolled
    // up, and follows again once back at the bottom; also for entries that came while hidden.
    void eventsFollowNewEntries()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        EventsDock *events = window.live()->events();
        events->raise();
        settle();
        LabSession *session = window.live()->session();
        quint64 sequence = 0;
        const auto log = [&](int count) {
            for (int i = 0; i < count; ++i) {
                runtime::LabEvent event;
                event.sequence = ++sequence;
                event.time = QDateTime::currentDateTimeUtc();
                event.nodeId = QString("web-%1").arg(sequence % 3);
                event.type = "running";
                event.message = QString("event %1").arg(sequence);
                emit session->eventLogged(event);
            }
        };
        QScrollBar *bar = events->table()->verticalScrollBar();
        const auto atBottom = [bar] { return bar->maximum() > 0 && bar->value() == bar->maximum(); };
        for (int round = 0; round < 3; ++round) {
            log(40);
            QTRY_VERIFY2(atBottom(), qPrintable(QString("round %1: %2 of %3")
                                                    .arg(round)
                                                    .arg(bar->value())
                                                    .arg(bar->maximum())));
        }
        // The dock gets shorter (the user drags its edge): still at the newest.
        window.resizeDocks({events}, {events->height() - 60}, Qt::Vertical);
        settle();
        log(5);
        QTRY_VERIFY2(atBottom(), qPrintable(QString("after a resize: %1 of %2")
                                                 .arg(bar->value())
                                                 .arg(bar->maximum())));
        bar->setValue(0); // the user scrolls back
        log(40);
        settle();
        QCOMPARE(bar->value(), 0);
        bar->setValue(bar->maximum());
        log(40);
        QTRY_VERIFY(atBottom());

        window.docks()->problems()->raise(); // entries arrive behind another tab
        log(80);
        settle();
        events->raise();
        QTRY_VERIFY(atBottom());
        const QModelIndex last = events->table()->model()->index(
            events->table()->model()->rowCount() - 1, EventsModel::MessageColumn);
        QCOMPARE(last.data().toString(), QString("event %1").arg(sequence));
        QVERIFY(events->table()->visualRect(last).intersects(events->table()->viewport()->rect()));
    }

    void recentLabels_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("labels");
        const auto native = [](const QString &s) { return QDir::toNativeSeparators(s); };
        QTest::newRow("different names")
            << QStringList{"/x/a/lab.json", "/x/b/other.json"}
            << QStringList{"lab.json", "other.json"};
        QTest::newRow("parents differ")
            << QStringList{"/x/a/b/lab.json", "/x/c/d/lab.json", "/x/e/f/solo.json"}
            << QStringList{"lab.json — b", "lab.json — d", "solo.json"};
        QTest::newRow("grandparents differ")
            << QStringList{"/x/a/b/lab.json", "/x/c/b/lab.json"}
            << QStringList{"lab.json — " + native("a/b"), "lab.json — " + native("c/b")};
        QTest::newRow("one is the other's suffix")
            << QStringList{"/a/lab.json", "/b/a/lab.json"}
            << QStringList{"lab.json — " + native("/a"), "lab.json — " + native("/b/a")};
        QTest::newRow("three, two alike")
            << QStringList{"/x/p/q/lab.json", "/x/r/q/lab.json", "/x/s/t/lab.json"}
            << QStringList{"lab.json — " + native("p/q"), "lab.json — " + native("r/q"),
                           "lab.json — t"};
    }
    void recentLabels()
    {
        QFETCH(QStringList, files);
        QFETCH(QStringList, labels);
        QCOMPARE(RecentFiles::labels(files), labels);
    }

    // The menu itself: two lab.infralab.json in different folders tell their folder.
    void recentMenuTellsSameNamesApart()
    {
        const QString one = writeFile("recent/one/lab.infralab.json", topologyJson("1", false));
        const QString two = writeFile("recent/two/lab.infralab.json", topologyJson("2", false));
        MainWindow window;
        window.recentFiles()->add(one);
        window.recentFiles()->add(two);
        QMenu *menu = window.recentFiles()->menu();
        emit menu->aboutToShow();
        QStringList texts;
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator())
                texts.append(action->text());
        }
        QCOMPARE(texts, (QStringList{"&1 lab.infralab.json — two", "&2 lab.infralab.json — one",
                                     "&Clear Recent Files"}));
    }

    // File › Open Example lists exactly the bundled examples (resources/examples), by name with
    // the description as tooltip and status tip; picking one opens it untitled and unmodified.
    void openExampleMenu()
    {
        MainWindow window;
        QMenu *menu = window.examplesMenu();
        QVERIFY(menu);
        QVERIFY(window.menuBar()->actions().value(0)->menu()->actions().contains(menu->menuAction()));
        const QStringList files = bundledExampleFiles();
        QVERIFY(!files.isEmpty());
        const QList<QAction *> actions = menu->actions();
        QCOMPARE(actions.size(), files.size());
        for (qsizetype i = 0; i < files.size(); ++i) {
            const Topology topology
                = TopologyReader::readFile(QString(INFRALAB_SOURCE_DIR "/resources/examples/")
                                           + files.at(i))
                      .topology;
            QAction *action = actions.at(i);
            QCOMPARE(QFileInfo(action->data().toString()).fileName(), files.at(i));
            QCOMPARE(action->text(), topology.name);
            QVERIFY(!topology.description.isEmpty());
            QCOMPARE(action->toolTip(), topology.description);
            QCOMPARE(action->statusTip(), topology.description);
        }
        QVERIFY(menu->toolTipsVisible());

        actions.constFirst()->trigger();
        QVERIFY(window.document()->fileName().isEmpty());
        QVERIFY(!window.document()->isModified());
        QCOMPARE(window.document()->topology().name, actions.constFirst()->text());
        QVERIFY(window.statusBar()->currentMessage().contains(actions.constFirst()->text()));
        // The empty-canvas hint points there.
        QVERIFY(window.view()->placeholderText().contains("File › Open Example"));
    }

    // Not a check: under a real display (Xvfb at 1280×800) and INFRALAB_SCREENSHOT_DIR,
    // screenshots of the first-run window stopped, running with a node selected, and with
    // File › Open Example open, for a human to look at.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("INFRALAB_SCREENSHOT_DIR");
        if (dir.isEmpty() || QGuiApplication::platformName() == "offscreen")
            QSKIP("set INFRALAB_SCREENSHOT_DIR and run under a display to render screenshots");
        QFile source(INFRALAB_SOURCE_DIR "/resources/examples/three-tier.infralab.json");
        QVERIFY(source.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(source.readAll()).object();
        QJsonArray nodes = root.value("nodes").toArray();
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            QJsonObject node = nodes.at(i).toObject();
            QJsonObject config = node.value("config").toObject();
            if (config.contains("port"))
                config.insert("port", 0);
            node.insert("config", config);
            nodes[i] = node;
        }
        root.insert("nodes", nodes);
        const QString path
            = writeFile("shots/three-tier.infralab.json", QJsonDocument(root).toJson());
        MainWindow window;
        window.move(0, 0);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(path));
        settle();
        const auto shoot = [&](const QString &name) {
            settle();
            QTest::qWait(300);
            QVERIFY(QGuiApplication::primaryScreen()->grabWindow(0).save(QDir(dir).filePath(name)));
        };
        shoot("window-stopped.png");
        QVERIFY(window.live()->actions()->start());
        QTest::qWait(2500);
        window.scene()->selectNodes({"lb"});
        QTest::qWait(1000);
        shoot("window-running.png");
        window.live()->actions()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(window.live()->session()->phase(), LabSession::Phase::Stopped,
                                  10000);
        QMenu *file = window.menuBar()->actions().value(0)->menu();
        file->popup(window.mapToGlobal(QPoint(0, window.menuBar()->height())));
        QTRY_VERIFY(file->isVisible());
        file->setActiveAction(window.examplesMenu()->menuAction());
        window.examplesMenu()->popup(
            file->mapToGlobal(file->actionGeometry(window.examplesMenu()->menuAction()).topRight()));
        QTRY_VERIFY(window.examplesMenu()->isVisible());
        window.examplesMenu()->setActiveAction(window.examplesMenu()->actions().value(1));
        shoot("window-examples-menu.png");
        window.examplesMenu()->close();
        file->close();
    }

    // Help › Canvas Gestures explains linking.
    void helpExplainsLinking()
    {
        MainWindow window;
        QMenu *help = window.menuBar()->actions().constLast()->menu();
        QVERIFY(help);
        QAction *gestures = findAction(help, "canvasGestures");
        QVERIFY(gestures);
        gestures->trigger();
        auto *box = window.findChild<QMessageBox *>("gesturesBox");
        QVERIFY(box);
        QVERIFY(box->text().contains("Link two nodes"));
        QVERIFY(box->text().contains("handle"));
        QVERIFY(box->text().contains("Drag from the handle, or from anywhere along the border, onto the card"));
        box->close();
    }
};

QTEST_MAIN(TestWindowState)
#include "tst_windowstate.moc"
