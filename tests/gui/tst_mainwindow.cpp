#include "canvas/kindstyle.h"
#include "canvas/linkitem.h"
#include "canvas/nodeitem.h"
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "catalogue/componentcatalogue.h"
#include "docks/editordocks.h"
#include "docks/problemsdock.h"
#include "document/document.h"
#include "format/topologyreader.h"
#include "live/livedocks.h"
#include "live/runactions.h"
#include "mainwindow/fileactions.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/recentfiles.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoCommand>

using namespace infralab;

namespace {

// Records every message box instead of exec()'ing it, and answers with `answer`.
struct DialogRecorder
{
    int calls = 0;
    QString text;
    QString informativeText;
    QString detailedText;
    int answer = QMessageBox::Ok;

    void attach(MainWindow &window)
    {
        window.fileActions()->setMessageBoxRunner([this](QMessageBox &box) {
            ++calls;
            text = box.text();
            informativeText = box.informativeText();
            detailedText = box.detailedText();
            return answer;
        });
    }
};

// An edit that changes nothing, to make the document "modified".
class DirtyCommand : public QUndoCommand
{
public:
    DirtyCommand() { setText("dirty"); }
    void undo() override {}
    void redo() override {}
};

const char *validTopology = R"({
  "format": "infralab-topology",
  "version": 1,
  "name": "Small",
  "nodes": [
    { "id": "gen", "kind": "traffic-generator", "position": { "x": -300, "y": 0 } },
    { "id": "lb", "kind": "load-balancer", "name": "Edge LB", "position": { "x": 0, "y": 0 } },
    { "id": "web-1", "kind": "web-server", "position": { "x": 300, "y": -80 } },
    { "id": "web-2", "kind": "web-server" }
  ],
  "links": [
    { "from": "gen", "to": "lb" },
    { "from": "lb", "to": "web-1" },
    { "from": "lb", "to": "web-2" }
  ]
}
)";

QStringList exampleFiles()
{
    const QDir dir(QStringLiteral(INFRALAB_SOURCE_DIR "/resources/examples"));
    QStringList files;
    for (const QString &name : dir.entryList({"*.infralab.json"}, QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    return files;
}

} // namespace

// The main window end to end: examples open onto the canvas, broken files are refused without
// touching the open document, recent files and geometry persist, save/reopen round-trips.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(bytes);
        return path;
    }

    // One NodeItem per node at its position (when it has one), one LinkItem per link.
    static void verifyCanvasMirrors(const MainWindow &window)
    {
        const Topology &topology = window.document()->topology();
        const TopologyScene *scene = window.scene();
        int nodeItems = 0;
        int linkItems = 0;
        for (QGraphicsItem *item : scene->items()) {
            nodeItems += qgraphicsitem_cast<NodeItem *>(item) != nullptr;
            linkItems += qgraphicsitem_cast<LinkItem *>(item) != nullptr;
        }
        QCOMPARE(nodeItems, topology.nodes.size());
        QCOMPARE(linkItems, topology.links.size());
        for (const Node &node : topology.nodes) {
            const NodeItem *item = scene->nodeItem(node.id);
            QVERIFY2(item, qPrintable(node.id));
            QCOMPARE(item->title(), node.displayName());
            QCOMPARE(item->kind(), node.kind);
            if (node.position)
                QCOMPARE(item->pos(), *node.position);
        }
        for (const Link &link : topology.links) {
            const LinkItem *item = scene->linkItem(link.from, link.to);
            QVERIFY2(item, qPrintable(link.from + " -> " + link.to));
            QCOMPARE(item->fromItem(), scene->nodeItem(link.from));
            QCOMPARE(item->toItem(), scene->nodeItem(link.to));
        }
        // Auto-placed nodes never cover one another (nor placed ones).
        const QList<NodeItem *> items = scene->nodeItems();
        for (qsizetype i = 0; i < items.size(); ++i) {
            for (qsizetype j = i + 1; j < items.size(); ++j) {
                const QRectF a = NodeItem::cardRect().translated(items.at(i)->pos());
                const QRectF b = NodeItem::cardRect().translated(items.at(j)->pos());
                QVERIFY2(!a.intersects(b),
                         qPrintable(items.at(i)->id() + " overlaps " + items.at(j)->id()));
            }
        }
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

    void examplesOpen_data()
    {
        QTest::addColumn<QString>("fileName");
        const QStringList files = exampleFiles();
        if (files.isEmpty())
            QTest::newRow("no examples") << QString(); // fails below rather than passing empty
        for (const QString &file : files)
            QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
    }
    void examplesOpen()
    {
        QFETCH(QString, fileName);
        QVERIFY2(!fileName.isEmpty(), "no examples in resources/examples");
        MainWindow window;
        DialogRecorder dialogs;
        dialogs.attach(window);
        QVERIFY(window.openFile(fileName));
        QCOMPARE(dialogs.calls, 0);
        QVERIFY(!window.document()->topology().nodes.isEmpty());
        QCOMPARE(window.document()->topology(), TopologyReader::readFile(fileName).topology);
        verifyCanvasMirrors(window);
        QCOMPARE(window.windowTitle(), QFileInfo(fileName).fileName() + "[*] — InfraLab");
        QVERIFY(!window.isWindowModified());
    }

    void iconsExistForEveryKind()
    {
        const KindStyle style(ComponentCatalogue::instance(), {});
        for (const KindInfo &info : ComponentCatalogue::instance().kinds())
            QVERIFY2(style.icon(info.kind), qPrintable(info.icon));
    }

    void opensAndMirrors()
    {
        const QString path = writeFile("small.infralab.json", validTopology);
        MainWindow window;
        DialogRecorder dialogs;
        dialogs.attach(window);
        QVERIFY(window.openFile(path));
        QCOMPARE(window.document()->topology().nodes.size(), 4);
        verifyCanvasMirrors(window);
        QCOMPARE(window.document()->fileName(), QFileInfo(path).absoluteFilePath());
        QVERIFY(window.windowTitle().startsWith("small.infralab.json[*]"));
        const auto *counts = window.statusBar()->findChild<QLabel *>();
        QVERIFY(counts);
        QCOMPARE(counts->text(), "4 nodes, 3 links");
    }

    void invalidFileLeavesDocument_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected"); // part of the dialog's problem list
        QTest::newRow("not json") << QByteArray("{ nodes: ") << QString();
        QTest::newRow("empty file") << QByteArray() << QString();
        QTest::newRow("wrong format")
            << QByteArray(R"({"format":"something-else","version":1,"nodes":[],"links":[]})")
            << QString("format");
        QTest::newRow("node is not an object")
            << QByteArray(R"({"format":"infralab-topology","version":1,"nodes":[42]})")
            << QString("nodes[0]");
        QTest::newRow("duplicate id")
            << QByteArray(R"({"format":"infralab-topology","version":1,"nodes":[)"
                          R"({"id":"a","kind":"cache"},{"id":"a","kind":"cache"}]})")
            << QString("nodes[1].id: duplicate id");
        QTest::newRow("newer version")
            << QByteArray(R"({"format":"infralab-topology","version":99,"nodes":[],"links":[]})")
            << QString("version");
        QTest::newRow("link to nowhere")
            << QByteArray(R"({"format":"infralab-topology","version":1,"nodes":[)"
                          R"({"id":"a","kind":"web-server"}],"links":[{"from":"a","to":"b"}]})")
            << QString("links[0]");
    }
    void invalidFileLeavesDocument()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const QString good = writeFile("good.infralab.json", validTopology);
        const QString bad = writeFile("bad.infralab.json", bytes);
        MainWindow window;
        DialogRecorder dialogs;
        dialogs.attach(window);
        QVERIFY(window.openFile(good));
        const Topology before = window.document()->topology();
        const QString title = window.windowTitle();

        QVERIFY(!window.openFile(bad));
        QCOMPARE(dialogs.calls, 1);
        QVERIFY(dialogs.text.contains("bad.infralab.json"));
        QVERIFY(!dialogs.informativeText.isEmpty());
        if (!expected.isEmpty())
            QVERIFY2(dialogs.informativeText.contains(expected),
                     qPrintable(dialogs.informativeText));
        QCOMPARE(window.document()->topology(), before);
        QCOMPARE(window.document()->fileName(), QFileInfo(good).absoluteFilePath());
        QCOMPARE(window.windowTitle(), title);
        verifyCanvasMirrors(window);
        QVERIFY(!window.recentFiles()->files().contains(QFileInfo(bad).absoluteFilePath()));
    }

    // A topology with validation errors is the user's work: it opens with its problems listed,
    // Run refuses naming them, and saving keeps it (with a warning) so it opens again.
    void fileWithProblemsOpens_data()
    {
        QTest::addColumn<QByteArray>("nodes");
        QTest::addColumn<QString>("problem"); // the Problems dock's first error, `path: message`
        QTest::newRow("port used twice")
            << QByteArray(R"({"id":"a","kind":"web-server","config":{"port":8080}},)"
                          R"({"id":"b","kind":"web-server","config":{"port":8080}})")
            << QString("nodes[1].config.port: port 8080 is already used by nodes[0]");
        QTest::newRow("unknown kind") << QByteArray(R"({"id":"a","kind":"mainframe"})")
                                      << QString("nodes[0].kind: unknown kind \"mainframe\"");
        QTest::newRow("port out of range")
            << QByteArray(R"({"id":"a","kind":"cache","config":{"port":70000}})")
            << QString("nodes[0].config.port: 70000 is outside 0..65535");
        QTest::newRow("invalid id") << QByteArray(R"({"id":"Web_1","kind":"web-server"})")
                                    << QString("nodes[0].id: \"Web_1\" is not a valid id");
    }
    void fileWithProblemsOpens()
    {
        QFETCH(QByteArray, nodes);
        QFETCH(QString, problem);
        const QString path
            = writeFile("problems.infralab.json",
                        R"({"format":"infralab-topology","version":1,"nodes":[)" + nodes + "]}");
        MainWindow window;
        DialogRecorder dialogs;
        dialogs.attach(window);
        QVERIFY(window.openFile(path));
        QCOMPARE(dialogs.calls, 0);
        QCOMPARE(window.document()->fileName(), QFileInfo(path).absoluteFilePath());
        verifyCanvasMirrors(window);
        QVERIFY2(window.statusBar()->currentMessage().contains(
                     "problems.infralab.json with 1 problem — see Problems"),
                 qPrintable(window.statusBar()->currentMessage()));

        ProblemsDock *dock = window.docks()->problems();
        QTRY_VERIFY(!dock->problems().isEmpty());
        QVERIFY2(dock->problems().first().toString().startsWith(problem),
                 qPrintable(dock->problems().first().toString()));
        QVERIFY(dock->problems().first().isError());
        QVERIFY(dock->tree()->topLevelItemCount() >= 1);

        // Run refuses, saying what to fix.
        QVERIFY(!window.live()->actions()->start());
        QVERIFY2(window.statusBar()->currentMessage().contains(problem),
                 qPrintable(window.statusBar()->currentMessage()));

        // Saving is the user's choice: the file is written, with a warning.
        window.document()->undoStack()->push(new DirtyCommand);
        const QString copy = m_dir.filePath("problems-copy.infralab.json");
        QVERIFY(window.fileActions()->saveTo(copy));
        QCOMPARE(dialogs.calls, 0);
        QVERIFY(!window.document()->isModified());
        QCOMPARE(window.statusBar()->currentMessage(),
                 "Saved problems-copy.infralab.json with 1 problem — see Problems");
        MainWindow reopened;
        QVERIFY(reopened.openFile(copy));
        QCOMPARE(reopened.document()->topology(), window.document()->topology());
    }

    void savingValidTopologySaysNothingMore()
    {
        const QString path = writeFile("small.infralab.json", validTopology);
        MainWindow window;
        QVERIFY(window.openFile(path));
        QCOMPARE(window.statusBar()->currentMessage(), "Opened small.infralab.json");
        window.document()->undoStack()->push(new DirtyCommand);
        QVERIFY(window.fileActions()->save());
        QCOMPARE(window.statusBar()->currentMessage(), "Saved small.infralab.json");
    }

    void missingFileIsReported()
    {
        MainWindow window;
        DialogRecorder dialogs;
        dialogs.attach(window);
        QVERIFY(!window.openFile(m_dir.filePath("does-not-exist.infralab.json")));
        QCOMPARE(dialogs.calls, 1);
        QVERIFY(window.document()->topology().nodes.isEmpty());
        QVERIFY(window.document()->fileName().isEmpty());
    }

    void unsavedChangesPrompt()
    {
        const QString path = writeFile("small.infralab.json", validTopology);
        MainWindow window;
        DialogRecorder dialogs;
        dialogs.attach(window);
        window.document()->undoStack()->push(new DirtyCommand);
        QVERIFY(window.isWindowModified());

        dialogs.answer = QMessageBox::Cancel;
        QVERIFY(!window.openFile(path));
        QCOMPARE(dialogs.calls, 1);
        QVERIFY(window.document()->topology().nodes.isEmpty());
        QVERIFY(window.isWindowModified());

        dialogs.answer = QMessageBox::Discard;
        QVERIFY(window.openFile(path));
        QCOMPARE(dialogs.calls, 2);
        QCOMPARE(window.document()->topology().nodes.size(), 4);
        QVERIFY(!window.isWindowModified());

        QVERIFY(window.fileActions()->newFile()); // clean: no prompt
        QCOMPARE(dialogs.calls, 2);
        QVERIFY(window.document()->topology().nodes.isEmpty());
        QVERIFY(window.windowTitle().startsWith("Untitled[*]"));
    }

    void recentFilesPersist()
    {
        const QString a = writeFile("a.infralab.json", validTopology);
        const QString b = writeFile("b.infralab.json", validTopology);
        {
            MainWindow window;
            QVERIFY(window.openFile(a));
            QVERIFY(window.openFile(b));
            QVERIFY(window.openFile(a));
        }
        MainWindow window;
        const QStringList expected
            = {QFileInfo(a).absoluteFilePath(), QFileInfo(b).absoluteFilePath()};
        QCOMPARE(window.recentFiles()->files(), expected);

        QVERIFY(QFile::remove(b)); // missing files drop out
        QCOMPARE(window.recentFiles()->files(), QStringList{expected.first()});

        for (int i = 0; i < RecentFiles::MaxFiles + 3; ++i)
            window.recentFiles()->add(writeFile(QString("n%1.infralab.json").arg(i), "{}"));
        QCOMPARE(window.recentFiles()->files().size(), RecentFiles::MaxFiles);
        QVERIFY(window.recentFiles()->files().first().endsWith("n12.infralab.json"));

        window.recentFiles()->clear();
        QVERIFY(MainWindow().recentFiles()->files().isEmpty());
    }

    void saveThenReopen()
    {
        const QString path = writeFile("small.infralab.json", validTopology);
        const QString copy = m_dir.filePath("copy.infralab.json");
        MainWindow window;
        DialogRecorder dialogs;
        dialogs.attach(window);
        QVERIFY(window.openFile(path));
        window.document()->undoStack()->push(new DirtyCommand);
        QVERIFY(window.fileActions()->saveTo(copy));
        QCOMPARE(dialogs.calls, 0);
        QVERIFY(!window.isWindowModified());
        QCOMPARE(window.document()->fileName(), copy);
        QVERIFY(window.windowTitle().startsWith("copy.infralab.json[*]"));
        QCOMPARE(window.recentFiles()->files().first(), copy);

        MainWindow reopened;
        QVERIFY(reopened.openFile(copy));
        QCOMPARE(reopened.document()->topology(), window.document()->topology());
    }

    void saveFailureIsReported()
    {
        MainWindow window;
        DialogRecorder dialogs;
        dialogs.attach(window);
        window.document()->undoStack()->push(new DirtyCommand);
        QVERIFY(!window.fileActions()->saveTo(m_dir.filePath("no/such/dir/x.infralab.json")));
        QCOMPARE(dialogs.calls, 1);
        QVERIFY(dialogs.text.contains("x.infralab.json"));
        QVERIFY(window.isWindowModified());
        QVERIFY(window.document()->fileName().isEmpty());
    }

    void geometryPersists()
    {
        {
            MainWindow window;
            window.show();
            window.resize(900, 640);
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.close());
        }
        MainWindow window;
        QCOMPARE(window.size(), QSize(900, 640));
    }

    void closeWithUnsavedChangesCanBeCancelled()
    {
        MainWindow window;
        DialogRecorder dialogs;
        dialogs.attach(window);
        window.show();
        window.document()->undoStack()->push(new DirtyCommand);
        dialogs.answer = QMessageBox::Cancel;
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        dialogs.answer = QMessageBox::Discard;
        QVERIFY(window.close());
    }

    // The scene follows the document's by-id signals, as undo commands will drive it.
    void sceneFollowsDocumentEdits()
    {
        MainWindow window;
        Document *document = window.document();
        TopologyScene *scene = window.scene();
        document->insertNode(-1, Node{"lb", "load-balancer", {}, {}, QPointF(0, 0)});
        document->insertNode(-1, Node{"web-1", "web-server", {}, {}, QPointF(300, 0)});
        document->insertLink(-1, Link{"lb", "web-1"});
        QVERIFY(scene->nodeItem("lb"));
        QVERIFY(scene->linkItem("lb", "web-1"));
        const QRectF before = scene->linkItem("lb", "web-1")->path().boundingRect();

        document->setNodePosition("web-1", QPointF(300, 200));
        QCOMPARE(scene->nodeItem("web-1")->pos(), QPointF(300, 200));
        QVERIFY(scene->linkItem("lb", "web-1")->path().boundingRect() != before);

        Node renamed = *document->topology().findNode(u"lb");
        renamed.name = "Front door";
        document->setNode(renamed);
        QCOMPARE(scene->nodeItem("lb")->title(), "Front door");

        document->takeLink("lb", "web-1");
        QVERIFY(!scene->linkItem("lb", "web-1"));
        QVERIFY(scene->nodeItem("web-1")->links().isEmpty());
        document->takeNode("web-1");
        QVERIFY(!scene->nodeItem("web-1"));
        verifyCanvasMirrors(window);
    }

    // Not a check: renders the window in a light and a dark palette for a human to look at,
    // when INFRALAB_SCREENSHOT_DIR names a folder.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("INFRALAB_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set INFRALAB_SCREENSHOT_DIR to render screenshots");
        for (const QString &file : exampleFiles()) {
            for (const bool dark : {false, true}) {
                MainWindow window;
                if (dark) {
                    QPalette palette;
                    palette.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
                    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
                    palette.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
                    palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
                    palette.setColor(QPalette::Button, QColor(0x3c, 0x3f, 0x41));
                    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
                    window.setPalette(palette);
                }
                window.resize(1280, 720);
                window.show();
                QVERIFY(QTest::qWaitForWindowExposed(&window));
                QVERIFY(window.openFile(file));
                window.statusBar()->showMessage("Opened " + QFileInfo(file).fileName());
                QCoreApplication::processEvents();
                const QString name = QFileInfo(file).completeBaseName().section('.', 0, 0)
                                     + (dark ? "-dark.png" : "-light.png");
                QVERIFY(window.grab().save(QDir(dir).filePath(name)));
                QVERIFY(window.document()->undoStack()->isClean());
            }
        }
    }

    void countsText_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("links");
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << 0 << 0 << "0 nodes, 0 links";
        QTest::newRow("one each") << 1 << 1 << "1 node, 1 link";
        QTest::newRow("several") << 3 << 2 << "3 nodes, 2 links";
    }
    void countsText()
    {
        QFETCH(int, nodes);
        QFETCH(int, links);
        QFETCH(QString, text);
        QCOMPARE(MainWindow::countsText(nodes, links), text);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
