#include "actions/editactions.h"
#include "canvas/linkitem.h"
#include "canvas/nameeditor.h"
#include "canvas/nodeitem.h"
#include "canvas/overviewview.h"
#include "canvas/selecttool.h"
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "document/commands/movenodescommand.h"
#include "document/commands/removeitemscommand.h"
#include "document/document.h"
#include "document/documentvalidation.h"
#include "format/topologyreader.h"
#include "format/topologywriter.h"
#include "mainwindow/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleOptionGraphicsItem>
#include <QTest>

// The canvas editor driven like a user drives it: real mouse and key events on the main
// window's view, actions triggered as menus and shortcuts do, and the saved JSON compared
// byte for byte after every undo and redo.
using namespace infralab;

namespace {

const char *topologyJson = R"({
  "format": "infralab-topology",
  "version": 1,
  "name": "Small",
  "nodes": [
    { "id": "gen", "kind": "traffic-generator", "position": { "x": -300, "y": 0 } },
    { "id": "lb", "kind": "load-balancer", "name": "Edge LB", "position": { "x": 0, "y": 0 } },
    { "id": "web-1", "kind": "web-server", "position": { "x": 300, "y": -120 } },
    { "id": "web-2", "kind": "web-server" },
    { "id": "app-1", "kind": "app-server", "position": { "x": 0, "y": 300 } },
    { "id": "db-1", "kind": "database", "position": { "x": 300, "y": 300 } }
  ],
  "links": [
    { "from": "gen", "to": "lb" },
    { "from": "lb", "to": "web-1", "config": { "weight": 2 } },
    { "from": "lb", "to": "web-2" }
  ]
}
)";

void mouse(QWidget *viewport, QEvent::Type type, QPoint pos, Qt::MouseButton button,
           Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(type, QPointF(pos), QPointF(viewport->mapToGlobal(pos)), button, buttons,
                      modifiers);
    QApplication::sendEvent(viewport, &event);
}

void drag(QWidget *viewport, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = {})
{
    mouse(viewport, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, modifiers);
    const int steps = 6;
    for (int i = 1; i <= steps; ++i) {
        const QPoint p = from + (to - from) * i / steps;
        mouse(viewport, QEvent::MouseMove, p, Qt::NoButton, Qt::LeftButton, modifiers);
    }
    mouse(viewport, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, modifiers);
}

} // namespace

class tst_CanvasEditing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 800);
        const ReadResult read = TopologyReader::parse(topologyJson);
        QVERIFY(read.ok());
        m_window->document()->reset(read.topology, QString());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        m_window->view()->setFocus();
        m_window->view()->resetZoom();
        m_window->view()->centerOn(0, 100);
        m_original = json();
    }

    void cleanup()
    {
        // Undo everything: the file comes back byte for byte.
        QUndoStack *stack = m_window->document()->undoStack();
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(json(), m_original);
        m_window->document()->markSaved(); // no "save changes?" prompt on close
        m_window.reset();
    }

    void dragMoveIsOneUndoStep()
    {
        NodeItem *lb = scene()->nodeItem("lb");
        const QPoint start = viewPos(lb->pos() + QPointF(-30, 20));
        drag(viewport(), start, start + QPoint(100, 50));
        QCOMPARE(stack()->count(), 1);
        const QPointF moved = *node("lb")->position;
        QCOMPARE(moved, QPointF(96, 48)); // snapped to the 24 px grid
        QCOMPARE(lb->pos(), moved);
        QVERIFY(lb->isSelected());

        // A second drag is a second step; without snapping the exact offset.
        m_window->editActions()->snapAction()->setChecked(false);
        drag(viewport(), viewPos(lb->pos()), viewPos(lb->pos()) + QPoint(-10, 13));
        QCOMPARE(stack()->count(), 2);
        QCOMPARE(*node("lb")->position, QPointF(86, 61));
        m_window->editActions()->snapAction()->setChecked(true);
    }

    // A drag moves cards and nothing else: no validation (a position cannot change validity),
    // so no Problems, inspector or live sync work, however many nodes move.
    void dragValidatesNothing_data()
    {
        QTest::addColumn<QStringList>("selection");
        QTest::addColumn<QString>("grab");
        QTest::newRow("one node") << QStringList() << "lb";
        QTest::newRow("selection") << QStringList{"gen", "lb", "web-1"} << "web-1";
        QTest::newRow("unplaced node") << QStringList() << "web-2";
    }
    void dragValidatesNothing()
    {
        QFETCH(QStringList, selection);
        QFETCH(QString, grab);
        scene()->selectNodes(selection);
        DocumentValidation *validation = m_window->document()->validation();
        QSignalSpy validated(validation, &DocumentValidation::validationChanged);
        NodeItem *item = scene()->nodeItem(grab);
        const QPointF before = item->pos();
        const std::optional<QPointF> placed = node(grab)->position;
        drag(viewport(), viewPos(before), viewPos(before) + QPoint(48, 72));
        QCOMPARE(stack()->count(), 1);
        QVERIFY(item->pos() != before);
        QCOMPARE(*node(grab)->position, item->pos());
        for (const QString &id : selection)
            QCOMPARE(*node(id)->position, scene()->nodeItem(id)->pos());
        QVERIFY(!validation->isPending());
        QCOMPARE(validated.count(), 0);
        // Undo moves it back, still without validating.
        stack()->undo();
        QCOMPARE(node(grab)->position, placed);
        if (placed) // an unplaced node's card stays where it was dropped
            QCOMPARE(item->pos(), before);
        QVERIFY(!validation->isPending());
        QCOMPARE(validated.count(), 0);
    }

    void dragMovesTheWholeSelectionAndUnplacedNodes()
    {
        scene()->selectNodes({"gen", "web-2"});
        NodeItem *web2 = scene()->nodeItem("web-2");
        QVERIFY(!node("web-2")->position);
        const QPointF genBefore = *node("gen")->position;
        const QPointF web2Before = web2->pos();
        drag(viewport(), viewPos(web2->pos()), viewPos(web2->pos()) + QPoint(0, 72));
        QCOMPARE(stack()->count(), 1);
        QVERIFY(node("web-2")->position);
        // The pressed card snaps to the grid; the others keep their distance to it.
        QCOMPARE(*node("gen")->position - genBefore, *node("web-2")->position - web2Before);
        QVERIFY(node("web-2")->position->y() > web2Before.y() + 40);
        stack()->undo();
        QVERIFY(!node("web-2")->position); // unplaced again, so the file is unchanged
    }

    void keyboardMove()
    {
        scene()->selectNodes({"lb"});
        QTest::keyClick(m_window->view(), Qt::Key_Right);
        QCOMPARE(*node("lb")->position, QPointF(24, 0));
        QTest::keyClick(m_window->view(), Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(*node("lb")->position, QPointF(24, 120));
        QCOMPARE(stack()->count(), 2);
    }

    void clickCtrlClickAndSelectAll()
    {
        QTest::mouseClick(viewport(), Qt::LeftButton, {}, viewPos(scene()->nodeItem("gen")->pos()));
        QCOMPARE(scene()->selectedNodeIds(), QStringList{"gen"});
        QTest::mouseClick(viewport(), Qt::LeftButton, Qt::ControlModifier,
                          viewPos(scene()->nodeItem("lb")->pos()));
        QCOMPARE(scene()->selectedNodeIds(), QStringList({"gen", "lb"}));
        QTest::mouseClick(viewport(), Qt::LeftButton, Qt::ControlModifier,
                          viewPos(scene()->nodeItem("gen")->pos()));
        QCOMPARE(scene()->selectedNodeIds(), QStringList{"lb"});
        m_window->editActions()->selectAllAction()->trigger();
        QCOMPARE(scene()->selectedNodeIds().size(), 6);
        QCOMPARE(scene()->selectedLinks().size(), 3);
        QCOMPARE(stack()->count(), 0);
    }

    void deleteCascadesToLinks()
    {
        scene()->selectNodes({"lb"});
        m_window->editActions()->deleteAction()->trigger();
        QVERIFY(!node("lb"));
        QVERIFY(m_window->document()->topology().links.isEmpty());
        QVERIFY(!scene()->nodeItem("lb"));
        QCOMPARE(scene()->linkItems().size(), 0);
        stack()->undo();
        QCOMPARE(json(), m_original);
        QCOMPARE(scene()->linkItems().size(), 3);
        stack()->redo();
        QCOMPARE(m_window->document()->topology().nodes.size(), 5);
    }

    void deleteSelectedLink()
    {
        scene()->clearSelection();
        scene()->linkItem("lb", "web-1")->setSelected(true);
        m_window->editActions()->deleteAction()->trigger();
        QCOMPARE(m_window->document()->topology().links.size(), 2);
        QCOMPARE(m_window->document()->topology().nodes.size(), 6);
    }

    void linkByDraggingTheHandle()
    {
        NodeItem *app = scene()->nodeItem("app-1");
        NodeItem *db = scene()->nodeItem("db-1");
        drag(viewport(), viewPos(app->mapToScene(NodeItem::handleCenter())), viewPos(db->pos()));
        QVERIFY(m_window->document()->topology().indexOfLink(u"app-1", u"db-1") >= 0);
        QVERIFY(scene()->linkItem("app-1", "db-1"));
        QCOMPARE(stack()->count(), 1);
        QCOMPARE(db->highlight(), NodeItem::Highlight::None);

        // The same link again is refused.
        drag(viewport(), viewPos(app->mapToScene(NodeItem::handleCenter())), viewPos(db->pos()));
        QCOMPARE(stack()->count(), 1);
        QVERIFY(m_window->statusBar()->currentMessage().contains("already calls"));
    }

    // The band along the inside of a card's border starts a link too; a click there selects.
    void linkByDraggingTheCardEdge()
    {
        NodeItem *app = scene()->nodeItem("app-1");
        NodeItem *db = scene()->nodeItem("db-1");
        const QPointF edge(-NodeItem::Width / 2 + NodeItem::EdgeBand / 2, 10); // left edge
        QVERIFY(NodeItem::isOnEdge(edge));
        QVERIFY(!NodeItem::isOnEdge(QPointF(0, 0)));
        QVERIFY(!NodeItem::isOnEdge(edge - QPointF(NodeItem::EdgeBand, 0))); // outside the card
        scene()->clearSelection();
        QTest::mouseClick(viewport(), Qt::LeftButton, {}, viewPos(app->mapToScene(edge)));
        QCOMPARE(scene()->selectedNodeIds(), QStringList{"app-1"});
        QCOMPARE(stack()->count(), 0);
        scene()->clearSelection();
        drag(viewport(), viewPos(app->mapToScene(edge)), viewPos(db->pos()));
        QVERIFY(m_window->document()->topology().indexOfLink(u"app-1", u"db-1") >= 0);
        QCOMPARE(stack()->count(), 1);
        QCOMPARE(node("app-1")->position, std::optional<QPointF>(QPointF(0, 300))); // not moved
        QVERIFY(scene()->selectedNodeIds().isEmpty()); // a link drag selects nothing
        // The handle is larger than it was (6 px), and forgiving around it.
        QVERIFY(NodeItem::HandleRadius >= 9);
        QVERIFY(NodeItem::isOnHandle(NodeItem::handleCenter() + QPointF(NodeItem::HandleRadius + 4, 0)));
    }

    // Over a card the status bar tells how links are drawn, until the user has drawn one; over
    // the edge band or the handle the card marks where a drag starts a link.
    void linkHintOnHover()
    {
        QSignalSpy hints(scene(), &TopologyScene::linkHintRequested);
        NodeItem *app = scene()->nodeItem("app-1");
        const auto hover = [this](QPoint pos) {
            mouse(viewport(), QEvent::MouseMove, pos, Qt::NoButton, Qt::NoButton);
        };
        hover(viewPos(QPointF(-150, 150))); // the empty canvas
        QCOMPARE(hints.count(), 0);
        hover(viewPos(app->pos()));
        QCOMPARE(hints.count(), 1);
        QCOMPARE(m_window->statusBar()->currentMessage(), TopologyScene::linkHint());
        QVERIFY(!app->linkZoneHovered());
        hover(viewPos(app->pos() + QPointF(10, 10))); // the middle again: once is enough
        QCOMPARE(hints.count(), 1);
        const QPointF edge(0, NodeItem::Height / 2 - NodeItem::EdgeBand / 2); // bottom edge
        hover(viewPos(app->mapToScene(edge)));
        QVERIFY(app->linkZoneHovered());
        QCOMPARE(app->cursor().shape(), Qt::CrossCursor);
        QCOMPARE(hints.count(), 2);
        hover(viewPos(app->mapToScene(NodeItem::handleCenter())));
        QVERIFY(app->linkZoneHovered());
        QCOMPARE(hints.count(), 2); // still the same zone
        hover(viewPos(QPointF(-150, 150)));
        QVERIFY(!app->linkZoneHovered());
        QVERIFY(!app->hasCursor());

        // Once a link is drawn, hovering stays quiet.
        drag(viewport(), viewPos(app->mapToScene(NodeItem::handleCenter())),
             viewPos(scene()->nodeItem("db-1")->pos()));
        QCOMPARE(stack()->count(), 1);
        hints.clear();
        hover(viewPos(app->mapToScene(edge)));
        hover(viewPos(QPointF(-150, 150)));
        hover(viewPos(scene()->nodeItem("web-1")->mapToScene(edge)));
        QCOMPARE(hints.count(), 0);
    }

    void forbiddenLinkIsRefusedWhileDragging()
    {
        NodeItem *db = scene()->nodeItem("db-1");
        NodeItem *web = scene()->nodeItem("web-1");
        const QPoint from = viewPos(db->mapToScene(NodeItem::handleCenter()));
        const QPoint to = viewPos(web->pos());
        mouse(viewport(), QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        mouse(viewport(), QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton);
        mouse(viewport(), QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
        QCOMPARE(web->highlight(), NodeItem::Highlight::Refuse);
        QCOMPARE(m_window->statusBar()->currentMessage(),
                 QString("A database cannot call a web server"));
        mouse(viewport(), QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(web->highlight(), NodeItem::Highlight::None);
        QCOMPARE(stack()->count(), 0);
        QCOMPARE(json(), m_original);
    }

    void duplicate()
    {
        scene()->selectNodes({"lb", "web-1"});
        m_window->editActions()->duplicateAction()->trigger();
        QCOMPARE(stack()->count(), 1);
        const Topology &topology = m_window->document()->topology();
        QCOMPARE(topology.nodes.size(), 8);
        QCOMPARE(topology.nodes.at(6).id, QString("lb-1"));
        QCOMPARE(topology.nodes.at(7).id, QString("web-3"));
        QCOMPARE(*topology.nodes.at(7).position, QPointF(348, -72));
        // The link between the copies comes along, with its settings; none to the outside.
        QCOMPARE(topology.links.size(), 4);
        QCOMPARE(topology.links.last().from, QString("lb-1"));
        QCOMPARE(topology.links.last().to, QString("web-3"));
        QCOMPARE(topology.links.last().config.value("weight").toInt(), 2);
        QCOMPARE(scene()->selectedNodeIds(), QStringList({"lb-1", "web-3"}));
        QCOMPARE(scene()->linkItem("lb-1", "web-3")->label(), QString("weight 2"));
    }

    void copyPasteAsJsonText()
    {
        scene()->selectNodes({"web-2"});
        m_window->editActions()->copyAction()->trigger();
        const QString text = QGuiApplication::clipboard()->text();
        QVERIFY(text.contains("\"infralab-topology\""));
        QVERIFY(text.contains("\"web-2\""));
        m_window->editActions()->pasteAction()->trigger();
        m_window->editActions()->pasteAction()->trigger();
        QCOMPARE(stack()->count(), 2);
        QVERIFY(node("web-3"));
        QVERIFY(node("web-4"));
        QCOMPARE(node("web-4")->position->x() - node("web-3")->position->x(), 24.0);

        // Text from any editor: a fragment written by hand.
        QGuiApplication::clipboard()->setText(
            R"({"format":"infralab-topology","version":1,"nodes":[
                {"id":"a","kind":"cache","position":{"x":10,"y":10}},
                {"id":"b","kind":"app-server"}],
                "links":[{"from":"b","to":"a"}]})");
        m_window->editActions()->pasteAction()->trigger();
        QVERIFY(node("cache-1"));
        QVERIFY(node("app-2"));
        QVERIFY(m_window->document()->topology().indexOfLink(u"app-2", u"cache-1") >= 0);
    }

    void invalidClipboardChangesNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain text") << "hello";
        QTest::newRow("other json") << R"({"a": 1})";
        QTest::newRow("bad kind")
            << R"({"format":"infralab-topology","version":1,"nodes":[{"id":"x","kind":"toaster"}]})";
        QTest::newRow("no nodes") << R"({"format":"infralab-topology","version":1,"nodes":[]})";
    }

    void invalidClipboardChangesNothing()
    {
        QFETCH(QString, text);
        QGuiApplication::clipboard()->setText(text);
        m_window->editActions()->pasteAction()->trigger();
        QCOMPARE(stack()->count(), 0);
        QCOMPARE(json(), m_original);
        QVERIFY(m_window->statusBar()->currentMessage().startsWith("The clipboard holds no"));
    }

    void cutThenPaste()
    {
        scene()->selectNodes({"web-1"});
        m_window->editActions()->cutAction()->trigger();
        QVERIFY(!node("web-1"));
        QCOMPARE(m_window->document()->topology().links.size(), 2);
        m_window->editActions()->pasteAction()->trigger();
        QVERIFY(node("web-1"));                                 // the id is free again
        QCOMPARE(*node("web-1")->position, QPointF(300, -120)); // where it was
    }

    void renameInPlace()
    {
        scene()->selectNodes({"lb"});
        m_window->editActions()->renameAction()->trigger();
        NameEditor *editor = scene()->selectTool()->nameEditor();
        QVERIFY(editor);
        QVERIFY(editor->hasFocus());
        QTest::keyClicks(m_window->view(), "Front");
        QCOMPARE(node("lb")->name, QString("Front"));
        QCOMPARE(scene()->nodeItem("lb")->title(), QString("Front"));
        QTest::keyClick(m_window->view(), Qt::Key_Return);
        QTRY_VERIFY(!scene()->selectTool()->nameEditor());
        QCOMPARE(stack()->count(), 1); // five keystrokes, one step
        stack()->undo();
        QCOMPARE(node("lb")->name, QString("Edge LB"));
        stack()->redo();
        QCOMPARE(node("lb")->name, QString("Front"));
    }

    void renameEscapeRestores()
    {
        scene()->selectNodes({"gen"});
        QTest::keyClick(m_window->view(), Qt::Key_F2);
        QVERIFY(scene()->selectTool()->nameEditor());
        QTest::keyClicks(m_window->view(), "zzz");
        QTest::keyClick(m_window->view(), Qt::Key_Escape);
        QTRY_VERIFY(!scene()->selectTool()->nameEditor());
        QCOMPARE(node("gen")->name, QString()); // unnamed stays unnamed
        QCOMPARE(stack()->count(), 0);
        QCOMPARE(json(), m_original);
    }

    void everyUndoRedoPairRestoresTheJson()
    {
        QList<QByteArray> states{json()};
        auto record = [&] {
            states.append(json());
        };
        scene()->selectNodes({"lb"});
        QTest::keyClick(m_window->view(), Qt::Key_Left);
        record();
        drag(viewport(), viewPos(scene()->nodeItem("gen")->pos()),
             viewPos(scene()->nodeItem("gen")->pos()) + QPoint(0, -60));
        record();
        drag(viewport(), viewPos(scene()->nodeItem("app-1")->mapToScene(NodeItem::handleCenter())),
             viewPos(scene()->nodeItem("db-1")->pos()));
        record();
        scene()->selectNodes({"web-1", "lb"});
        m_window->editActions()->duplicateAction()->trigger();
        record();
        scene()->selectNodes({"web-2"});
        m_window->editActions()->deleteAction()->trigger();
        record();
        scene()->selectNodes({"db-1"});
        m_window->editActions()->renameAction()->trigger();
        QTest::keyClicks(m_window->view(), "Main DB");
        QTest::keyClick(m_window->view(), Qt::Key_Return);
        record();
        QCOMPARE(stack()->count(), states.size() - 1);
        for (qsizetype i = states.size() - 1; i > 0; --i) {
            stack()->undo();
            QCOMPARE(json(), states.at(i - 1));
        }
        for (qsizetype i = 1; i < states.size(); ++i) {
            stack()->redo();
            QCOMPARE(json(), states.at(i));
        }
    }

    void runStateAndBadgeArePainted()
    {
        NodeItem *item = scene()->nodeItem("lb");
        const auto render = [item] {
            QImage image(220, 140, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter painter(&image);
            painter.translate(100, 60);
            QStyleOptionGraphicsItem option;
            item->paint(&painter, &option, nullptr);
            return image;
        };
        QCOMPARE(item->runState(), NodeItem::RunState::None);
        const QImage designing = render();
        // The state dot sits in the top-right corner of the card.
        const QPoint dot(100 + int(NodeItem::Width / 2) - 12, 60 - int(NodeItem::Height / 2) + 13);
        item->setRunState(NodeItem::RunState::Running);
        QCOMPARE(render().pixelColor(dot), NodeItem::runStateColor(NodeItem::RunState::Running));
        item->setRunState(NodeItem::RunState::Failed);
        QCOMPARE(render().pixelColor(dot), NodeItem::runStateColor(NodeItem::RunState::Failed));
        QVERIFY(designing.pixelColor(dot) != render().pixelColor(dot));
        // The badge is a pill across the bottom edge, inside the item's bounds.
        item->setBadge("1.2k req/s");
        QCOMPARE(item->badge(), "1.2k req/s");
        const QImage badged = render();
        const int bottom = 60 + int(NodeItem::Height / 2);
        QVERIFY(badged.pixelColor(100, bottom + 4) != designing.pixelColor(100, bottom + 4));
        QVERIFY(item->boundingRect().bottom() >= NodeItem::Height / 2 + 8);
        item->setBadge({});
        item->setRunState(NodeItem::RunState::None);
        QCOMPARE(render(), designing);
    }

    void wheelZoomKeepsThePointUnderTheCursor()
    {
        TopologyView *view = m_window->view();
        const QPoint cursor(200, 150);
        const QPointF before = view->mapToScene(cursor);
        const qreal zoom = view->zoom();
        QWheelEvent wheel(QPointF(cursor), QPointF(viewport()->mapToGlobal(cursor)), QPoint(),
                          QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport(), &wheel);
        QVERIFY(view->zoom() > zoom);
        const QPointF after = view->mapToScene(cursor);
        QVERIFY2(QLineF(before, after).length() < 2.0, qPrintable(QString("%1,%2 → %3,%4")
                                                                      .arg(before.x())
                                                                      .arg(before.y())
                                                                      .arg(after.x())
                                                                      .arg(after.y())));
        m_window->editActions()->resetZoomAction()->trigger();
        QCOMPARE(view->zoom(), 1.0);
        m_window->editActions()->zoomOutAction()->trigger();
        QVERIFY(view->zoom() < 1.0);
    }

    void middleButtonPans()
    {
        TopologyView *view = m_window->view();
        const int h = view->horizontalScrollBar()->value();
        const QPoint from(600, 700); // empty canvas
        mouse(viewport(), QEvent::MouseButtonPress, from, Qt::MiddleButton, Qt::MiddleButton);
        mouse(viewport(), QEvent::MouseMove, from + QPoint(-80, 0), Qt::NoButton, Qt::MiddleButton);
        QVERIFY(view->isPanning());
        mouse(viewport(), QEvent::MouseButtonRelease, from + QPoint(-80, 0), Qt::MiddleButton,
              Qt::NoButton);
        QCOMPARE(view->horizontalScrollBar()->value(), h + 80);
        QCOMPARE(stack()->count(), 0);
    }

    void spaceDragPans()
    {
        TopologyView *view = m_window->view();
        const int v = view->verticalScrollBar()->value();
        const QPoint from(40, viewport()->height() - 40); // empty canvas, whatever the docks
        QTest::keyPress(view, Qt::Key_Space);
        drag(viewport(), from, from + QPoint(0, -60));
        QTest::keyRelease(view, Qt::Key_Space);
        QCOMPARE(view->verticalScrollBar()->value(), v + 60);
        QVERIFY(scene()->selectedNodeIds().isEmpty()); // no rubber band selection either

        // Without Space the same drag draws a rubber band instead.
        const QPoint topLeft = viewPos(QPointF(-400, -200));
        drag(viewport(), topLeft, viewPos(QPointF(100, 100)));
        QCOMPARE(view->verticalScrollBar()->value(), v + 60);
        QCOMPARE(scene()->selectedNodeIds(), QStringList({"gen", "lb"}));
    }

    void contextMenus_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QStringList>("actions");
        QTest::newRow("node") << "web-1"
                              << QStringList{"&Rename", "D&uplicate", "Cu&t", "&Copy", "&Delete"};
        QTest::newRow("link") << "link" << QStringList{"&Delete"};
        QTest::newRow("empty canvas") << "" << QStringList{"&Paste", "Select &All", "&Fit to View"};
    }

    void contextMenus()
    {
        QFETCH(QString, target);
        QFETCH(QStringList, actions);
        QPointF scenePos(-300, 400); // nothing there
        if (target == "link")
            scenePos = scene()->linkItem("gen", "lb")->path().pointAtPercent(0.5);
        else if (!target.isEmpty())
            scenePos = scene()->nodeItem(target)->pos();
        const QPoint pos = viewPos(scenePos);
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, viewport()->mapToGlobal(pos));
        QApplication::sendEvent(viewport(), &event);
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = m_window->findChild<QMenu *>(QString(), Qt::FindDirectChildrenOnly),
                     menu && menu->isVisible()));
        QStringList texts;
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator())
                texts.append(action->text());
        }
        QCOMPARE(texts, actions);
        if (target == "web-1")
            QCOMPARE(scene()->selectedNodeIds(), QStringList{"web-1"});
        if (target == "link")
            QCOMPARE(scene()->selectedLinks().size(), 1);
        menu->close();
    }

    void overviewMovesTheView()
    {
        TopologyView *view = m_window->view();
        QAction *action = m_window->editActions()->overviewAction();
        // Small topologies open without it unless the fit cannot show all of it legibly at
        // this size; the check mark says which.
        QCOMPARE(view->overview()->isVisible(), !view->fitShowsAll());
        QCOMPARE(action->isChecked(), view->overview()->isVisible());
        action->setChecked(false);
        QVERIFY(!view->overview()->isVisible());
        action->setChecked(true);
        OverviewView *overview = view->overview();
        QVERIFY(overview->isVisible());
        QVERIFY(view->viewport()->geometry().contains(overview->geometry()));
        const QPointF target = scene()->nodeItem("db-1")->pos();
        const auto centre = [view] {
            return view->mapToScene(view->viewport()->rect().center());
        };
        const qreal before = QLineF(centre(), target).length();
        QTest::mouseClick(overview->viewport(), Qt::LeftButton, {}, overview->mapFromScene(target));
        QVERIFY2(QLineF(centre(), target).length() < before - 100,
                 qPrintable(QString::number(QLineF(centre(), target).length())));
        QCOMPARE(stack()->count(), 0);
    }

private:
    TopologyScene *scene() const { return m_window->scene(); }
    QUndoStack *stack() const { return m_window->document()->undoStack(); }
    QWidget *viewport() const { return m_window->view()->viewport(); }
    QPoint viewPos(const QPointF &scenePos) const
    {
        return m_window->view()->mapFromScene(scenePos);
    }
    const Node *node(const QString &id) const
    {
        return m_window->document()->topology().findNode(id);
    }
    QByteArray json() const { return TopologyWriter::serialize(m_window->document()->topology()); }

    std::unique_ptr<MainWindow> m_window;
    QByteArray m_original;
};

QTEST_MAIN(tst_CanvasEditing)
#include "tst_canvasediting.moc"
