#include "canvas/nodeitem.h"
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "docks/editordocks.h"
#include "docks/palettedock.h"
#include "document/document.h"
#include "format/topologyreader.h"
#include "format/topologywriter.h"
#include "inspector/inspectordock.h"
#include "inspector/scalareditors.h"
#include "mainwindow/fileactions.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QDropEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

// Issue 3's "done means", as a user does it: from an empty window, the three-tier example is
// built with palette drops and link drags on the canvas and settings typed into the
// inspector; it is saved, reopened in a second window (the same file, byte for byte), and
// every step is undone back to the empty document.
using namespace infralab;

namespace {

QMimeData *paletteMimeData(PaletteDock *palette, const QString &kind)
{
    QTreeWidgetItem *item = palette->kindItem(kind);
    const QModelIndex index = palette->tree()->indexFromItem(item);
    return palette->tree()->model()->mimeData({index});
}

bool dropOnCanvas(TopologyView *view, QMimeData *data, const QPoint &pos)
{
    QWidget *viewport = view->viewport();
    QDragEnterEvent enter(pos, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(pos, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &drop);
    return drop.isAccepted();
}

void mouse(QWidget *viewport, QEvent::Type type, QPoint pos, Qt::MouseButton button,
           Qt::MouseButtons buttons)
{
    QMouseEvent event(type, QPointF(pos), QPointF(viewport->mapToGlobal(pos)), button, buttons,
                      Qt::NoModifier);
    QApplication::sendEvent(viewport, &event);
}

void drag(QWidget *viewport, QPoint from, QPoint to)
{
    mouse(viewport, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 6; ++i)
        mouse(viewport, QEvent::MouseMove, from + (to - from) * i / 6, Qt::NoButton,
              Qt::LeftButton);
    mouse(viewport, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

} // namespace

class tst_BuildTopology : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void buildSaveReopenUndo()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Document *document = window.document();
        TopologyView *view = window.view();
        TopologyScene *scene = window.scene();
        const QByteArray empty = TopologyWriter::serialize(document->topology());
        QList<QByteArray> states{empty};
        const auto step = [&] {
            states.append(TopologyWriter::serialize(document->topology()));
        };

        // Seven drops from the palette, left to right by tier.
        view->resetZoom();
        view->zoomBy(0.6);
        const QList<std::pair<QString, QPointF>> drops
            = {{"traffic-generator", {0, 140}}, {"load-balancer", {220, 140}},
               {"web-server", {440, 0}},        {"web-server", {440, 140}},
               {"web-server", {440, 280}},      {"app-server", {660, 140}},
               {"database", {880, 140}}};
        view->centerOn(440, 140);
        for (const auto &[kind, scenePos] : drops) {
            std::unique_ptr<QMimeData> data(paletteMimeData(window.docks()->palette(), kind));
            QVERIFY(dropOnCanvas(view, data.get(), view->mapFromScene(scenePos)));
            step();
        }
        QStringList ids;
        for (const Node &node : document->topology().nodes)
            ids.append(node.id);
        QCOMPARE(ids, QStringList({"load-1", "lb-1", "web-1", "web-2", "web-3", "app-1", "db-1"}));

        // Eight links, each dragged from the caller's handle onto the callee.
        const QList<std::pair<QString, QString>> links
            = {{"load-1", "lb-1"}, {"lb-1", "web-1"},  {"lb-1", "web-2"},  {"lb-1", "web-3"},
               {"web-1", "app-1"}, {"web-2", "app-1"}, {"web-3", "app-1"}, {"app-1", "db-1"}};
        for (const auto &[from, to] : links) {
            const QPoint handle
                = view->mapFromScene(scene->nodeItem(from)->mapToScene(NodeItem::handleCenter()));
            drag(view->viewport(), handle, view->mapFromScene(scene->nodeItem(to)->pos()));
            QVERIFY2(document->topology().indexOfLink(from, to) >= 0, qPrintable(from + "→" + to));
            step();
        }

        // The balancer listens on 8080 and the users get a name, through the inspector.
        scene->selectNodes({"lb-1"});
        InspectorDock *inspector = window.docks()->inspector();
        auto *port = qobject_cast<NumberEditor *>(inspector->form()->editor("port"));
        port->spinBox()->setFocus();
        port->spinBox()->selectAll();
        QTest::keyClicks(port->spinBox(), "8080");
        QTest::keyClick(port->spinBox(), Qt::Key_Return);
        step();
        scene->selectNodes({"load-1"});
        inspector->nameEdit()->setFocus();
        inspector->nameEdit()->selectAll();
        QTest::keyClicks(inspector->nameEdit(), "Users");
        step();
        QCOMPARE(document->undoStack()->count(), states.size() - 1);
        QCOMPARE(document->topology().findNode(u"lb-1")->config.value("port").toInt(), 8080);
        QCOMPARE(document->topology().links.size(), 8);

        // Saved, reopened: the same topology, byte for byte.
        const QString file = dir.filePath("three-tier.infralab.json");
        QVERIFY(window.fileActions()->saveTo(file));
        QVERIFY(!document->isModified());
        MainWindow reopened;
        QVERIFY(reopened.openFile(file));
        QCOMPARE(TopologyWriter::serialize(reopened.document()->topology()), states.last());
        QCOMPARE(reopened.scene()->nodeItems().size(), 7);
        QCOMPARE(reopened.scene()->linkItems().size(), 8);

        // Every step undone, in order, back to the empty document.
        QUndoStack *stack = document->undoStack();
        for (qsizetype i = states.size() - 1; i > 0; --i) {
            stack->undo();
            QCOMPARE(TopologyWriter::serialize(document->topology()), states.at(i - 1));
        }
        QVERIFY(!stack->canUndo());
        QCOMPARE(TopologyWriter::serialize(document->topology()), empty);
        QVERIFY(scene->nodeItems().isEmpty());
        document->markSaved();
    }
};

QTEST_MAIN(tst_BuildTopology)
#include "tst_buildtopology.moc"
