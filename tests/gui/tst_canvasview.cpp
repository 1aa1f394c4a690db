// The canvas view as a new user meets it: Fit to View keeps names readable however large the
// topology, the empty-canvas hint goes with the first node and comes back with an empty
// canvas, and a selected card's outline stays visible over the live state ring.
#include "actions/editactions.h"
#include "canvas/nodeitem.h"
#include "canvas/overviewview.h"
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "document/commands/addnodecommand.h"
#include "document/commands/removeitemscommand.h"
#include "document/document.h"
#include "format/topologyreader.h"
#include "live/nodestatusitem.h"
#include "mainwindow/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QFontInfo>
#include <QPaintEvent>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleOptionGraphicsItem>
#include <QTest>

#include <cmath>

using namespace infralab;

namespace {

// `count` web servers in a grid of `columns`, 240 px apart horizontally and 160 vertically.
Topology grid(int count, int columns)
{
    Topology topology;
    for (int i = 0; i < count; ++i) {
        Node node;
        node.id = QStringLiteral("web-%1").arg(i + 1);
        node.kind = QStringLiteral("web-server");
        node.position = QPointF((i % columns) * 240.0, (i / columns) * 160.0);
        topology.nodes.append(node);
    }
    return topology;
}

// Counts the viewport's paint events whose region covers a given point.
class PaintWatcher : public QObject
{
public:
    explicit PaintWatcher(QWidget *widget, QPoint point)
        : m_point(point)
    {
        widget->installEventFilter(this);
    }
    int covering = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint
            && static_cast<QPaintEvent *>(event)->region().contains(m_point))
            ++covering;
        return false;
    }

private:
    QPoint m_point;
};

// The card (and its children: the live ring) rendered as the view renders them, at 1:1.
QImage render(NodeItem *card, bool selected)
{
    const QRectF bounds = card->boundingRect().united(card->childrenBoundingRect());
    QImage image(bounds.size().toSize() + QSize(2, 2), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.translate(-bounds.topLeft() + QPointF(1, 1));
    QStyleOptionGraphicsItem option;
    option.exposedRect = bounds;
    if (selected)
        option.state |= QStyle::State_Selected;
    card->paint(&painter, &option, nullptr);
    for (QGraphicsItem *child : card->childItems()) {
        painter.save();
        painter.translate(child->pos());
        child->paint(&painter, &option, nullptr);
        painter.restore();
    }
    painter.end();
    return image;
}

} // namespace

class tst_CanvasView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window->document()->markSaved();
        m_window.reset();
    }

    // At the floor a card's name is still text, not a texture.
    void legibleZoomKeepsNamesReadable()
    {
        const QFontInfo font(m_window->view()->font());
        QVERIFY2(font.pixelSize() * TopologyView::LegibleZoom >= 7,
                 qPrintable(QString("%1 px at %2").arg(font.pixelSize())
                                .arg(TopologyView::LegibleZoom)));
    }

    void fitToViewKeepsNamesLegible_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("columns");
        QTest::addColumn<bool>("showsAll");
        QTest::addColumn<QString>("firstSeen"); // a node wholly in view after the fit
        QTest::newRow("small: all of it, at most 100 %") << 3 << 3 << true << "web-1";
        QTest::newRow("wide: the floor, from its left") << 30 << 30 << false << "web-1";
        QTest::newRow("tall: its width, from its top") << 14 << 1 << false << "web-1";
        QTest::newRow("large grid: the floor, top left") << 120 << 12 << false << "web-1";
    }

    void fitToViewKeepsNamesLegible()
    {
        QFETCH(int, count);
        QFETCH(int, columns);
        QFETCH(bool, showsAll);
        QFETCH(QString, firstSeen);
        m_window->document()->reset(grid(count, columns), QString());
        TopologyView *view = m_window->view();
        view->fitToContent();
        QVERIFY2(view->zoom() >= TopologyView::LegibleZoom - 1e-9,
                 qPrintable(QString::number(view->zoom())));
        QVERIFY(view->zoom() <= 1.0 + 1e-9);
        QCOMPARE(view->fitShowsAll(), showsAll);
        const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
        QVERIFY(visible.contains(m_window->scene()->nodeItem(firstSeen)->sceneBoundingRect()));
        if (showsAll) {
            QVERIFY(visible.contains(m_window->scene()->contentRect()));
            QVERIFY(!view->overview()->isVisible());
        } else {
            QVERIFY(!visible.contains(m_window->scene()->contentRect()));
            QVERIFY(view->overview()->isVisible()); // the overview shows the rest
            // View › Overview shows the check mark for it, and one click hides it.
            QAction *overview = nullptr;
            for (QAction *action : m_window->findChildren<QAction *>())
                if (action->text() == QLatin1String("&Overview"))
                    overview = action;
            QVERIFY(overview);
            QVERIFY(overview->isChecked());
            overview->trigger();
            QVERIFY(!overview->isChecked());
            QVERIFY(!view->overview()->isVisible());
        }
    }

    // A wide topology fitted by its width when that is legible: the whole width in view.
    void fitToViewFitsTheWidthWhenThatReads()
    {
        TopologyView *view = m_window->view();
        const QSize area = view->viewport()->size();
        // As wide as the view at 75 %, and three times as high as it is.
        const int columns = int((area.width() / 0.75 - 96 - NodeItem::Width) / 240) + 1;
        const int rows = int(area.height() / 0.75 * 3 / 160);
        m_window->document()->reset(grid(columns * rows, columns), QString());
        view->fitToContent();
        QVERIFY(!view->fitShowsAll());
        QVERIFY2(view->zoom() > TopologyView::LegibleZoom && view->zoom() < 1.0,
                 qPrintable(QString::number(view->zoom())));
        const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
        const QRectF content = m_window->scene()->contentRect();
        QVERIFY(visible.left() <= content.left() && visible.right() >= content.right());
        QVERIFY(visible.top() <= content.top() && visible.bottom() < content.bottom());
    }

    void placeholderFollowsTheNodes()
    {
        TopologyView *view = m_window->view();
        QVERIFY(view->placeholderShown());
        QVERIFY(view->placeholderText().contains("File › Open Example"));
        // Two cards far left and right of the hint in the middle of the view: a repaint of
        // just the cards would leave the hint as it was.
        Topology topology = grid(2, 2);
        topology.nodes[0].position = QPointF(-600, 0);
        topology.nodes[1].position = QPointF(600, 0);
        m_window->document()->reset(topology, QString());
        QVERIFY(!view->placeholderShown());
        m_window->view()->centerOn(0, 0);
        const QPoint centre = view->viewport()->rect().center();
        QVERIFY(!m_window->scene()->nodeItemAt(view->mapToScene(centre)));
        QSignalSpy empty(m_window->scene(), &TopologyScene::emptyChanged);
        QTest::qWait(0);
        PaintWatcher watcher(view->viewport(), centre);
        QUndoStack *stack = m_window->document()->undoStack();
        stack->push(new RemoveItemsCommand(m_window->document(), {"web-1", "web-2"}, {}));
        QCOMPARE(empty.count(), 1);
        QCOMPARE(empty.at(0).at(0).toBool(), true);
        QVERIFY(view->placeholderShown());
        QTRY_VERIFY(watcher.covering > 0); // the hint is drawn again
        watcher.covering = 0;
        stack->undo();
        QCOMPARE(empty.count(), 2);
        QCOMPARE(empty.at(1).at(0).toBool(), false);
        QVERIFY(!view->placeholderShown());
        QTRY_VERIFY(watcher.covering > 0); // and wiped
        // A new node on an empty canvas takes it away too.
        stack->push(new RemoveItemsCommand(m_window->document(), {"web-1", "web-2"}, {}));
        Node node;
        node.id = "web-3";
        node.kind = "web-server";
        node.position = QPointF(-600, 0);
        stack->push(new AddNodeCommand(m_window->document(), node));
        QCOMPARE(empty.count(), 4);
        QVERIFY(!view->placeholderShown());
        while (stack->canUndo())
            stack->undo();
    }

    // The selection outline lies outside the live state ring: selecting a running card changes
    // pixels the ring leaves alone, in the highlight colour, and the ring stays as it was.
    void selectionOutlineShowsOverTheStateRing()
    {
        m_window->document()->reset(grid(1, 1), QString());
        NodeItem *card = m_window->scene()->nodeItem("web-1");
        auto *ring = new NodeStatusItem(card);
        ring->setState(LiveState::Running);
        card->setRunState(NodeItem::RunState::Running);
        const QImage plain = render(card, false);
        const QImage selected = render(card, true);
        QVERIFY(card->boundingRect().contains(
            NodeItem::cardRect().adjusted(-NodeItem::SelectionOffset - 1,
                                          -NodeItem::SelectionOffset - 1,
                                          NodeItem::SelectionOffset + 1,
                                          NodeItem::SelectionOffset + 1)));
        const QRectF bounds = card->boundingRect().united(card->childrenBoundingRect());
        const auto pixel = [&bounds](const QImage &image, QPointF itemPos) {
            const QPointF at = itemPos - bounds.topLeft() + QPointF(1, 1);
            return image.pixelColor(int(std::floor(at.x())), int(std::floor(at.y())));
        };
        const QColor highlight = QApplication::palette().color(QPalette::Highlight);
        const QColor ringColor = liveStateColor(LiveState::Running);
        // Middle of the left edge: the ring at 1.5 px outside the card, the outline at
        // SelectionOffset.
        // (Pixels whose whole square lies under the pen, so antialiasing leaves them alone.)
        const QPointF ringAt(NodeItem::cardRect().left() - 2, 0);
        const QPointF outlineAt(NodeItem::cardRect().left() - NodeItem::SelectionOffset, 0);
        QCOMPARE(pixel(plain, ringAt), ringColor);
        QCOMPARE(pixel(selected, ringAt), ringColor);
        QCOMPARE(pixel(plain, outlineAt), QColor(Qt::white));
        QCOMPARE(pixel(selected, outlineAt), highlight);
        delete ring;
    }

    // A node the running lab skips reads apart from a stopped one.
    void skippedLooksUnlikeStopped()
    {
        Topology topology = grid(1, 1);
        topology.nodes[0].kind = "app-server"; // not run in this version
        m_window->document()->reset(topology, QString());
        NodeItem *card = m_window->scene()->nodeItem("web-1");
        QVERIFY(!card->runs());
        card->setRunState(NodeItem::RunState::Stopped);
        const QImage stopped = render(card, false);
        card->setRunState(NodeItem::RunState::Skipped);
        const QImage skipped = render(card, false);
        QVERIFY(stopped != skipped);
        QVERIFY(NodeItem::runStateColor(NodeItem::RunState::Skipped)
                != NodeItem::runStateColor(NodeItem::RunState::Stopped));
        // The state dot: filled grey when stopped, hollow (the card's fill) when skipped.
        const QRectF bounds = card->boundingRect().united(card->childrenBoundingRect());
        const QPointF at = QPointF(NodeItem::cardRect().right() - 12 - 2,
                                   NodeItem::cardRect().top() + 13 - 2)
                           - bounds.topLeft() + QPointF(1, 1);
        const QPoint dot(int(std::floor(at.x())), int(std::floor(at.y())));
        QCOMPARE(stopped.pixelColor(dot), NodeItem::runStateColor(NodeItem::RunState::Stopped));
        QVERIFY(skipped.pixelColor(dot) != NodeItem::runStateColor(NodeItem::RunState::Stopped));
        // While the lab skips it the card still says why, in a pill where a live figure goes.
        const QRect pill(int(-bounds.left() + 1 - 40), int(NodeItem::cardRect().bottom()
                                                           - bounds.top() - 6),
                         80, 12);
        QVERIFY(stopped.copy(pill) != skipped.copy(pill));
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(tst_CanvasView)
#include "tst_canvasview.moc"
