#include "canvas/nodeitem.h"
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "catalogue/componentcatalogue.h"
#include "docks/editordocks.h"
#include "docks/historydock.h"
#include "docks/palettedock.h"
#include "docks/problemsdock.h"
#include "document/document.h"
#include "export/pictureexport.h"
#include "format/topologyreader.h"
#include "format/topologywriter.h"
#include "layout/tierlayout.h"
#include "mainwindow/mainwindow.h"

#include <QDir>
#include <QDropEvent>
#include <QImage>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoView>

using namespace infralab;

namespace {

QString examplePath(const QString &name)
{
    return QStringLiteral(INFRALAB_SOURCE_DIR "/resources/examples/") + name;
}

// The palette's own drag payload for `kind`, as QTreeWidget builds it when a drag starts.
QMimeData *paletteMimeData(PaletteDock *palette, const QString &kind)
{
    QTreeWidgetItem *item = palette->kindItem(kind);
    if (!item)
        return nullptr;
    QAbstractItemModel *model = palette->tree()->model();
    const QModelIndex index = palette->tree()->indexFromItem(item);
    return model->mimeData({index});
}

// Sends the drag-enter, drag-move and drop events a real drag sends to the canvas's viewport.
bool dropOnCanvas(TopologyView *view, QMimeData *data, const QPoint &pos)
{
    QWidget *viewport = view->viewport();
    QDragEnterEvent enter(pos, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &move);
    QDropEvent drop(QPointF(pos), Qt::CopyAction, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &drop);
    return drop.isAccepted();
}

} // namespace

// The editor's docks on a real main window, offscreen.
class TestDocks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("InfraLab");
        QCoreApplication::setApplicationName("InfraLab");
    }

    void init() { QSettings().clear(); }

    void paletteListsEveryKindByCategory()
    {
        MainWindow window;
        PaletteDock *palette = window.docks()->palette();
        QTreeWidget *tree = palette->tree();
        QCOMPARE(tree->topLevelItemCount(), 4);
        QStringList kinds;
        for (int c = 0; c < tree->topLevelItemCount(); ++c) {
            for (int k = 0; k < tree->topLevelItem(c)->childCount(); ++k) {
                QTreeWidgetItem *item = tree->topLevelItem(c)->child(k);
                QVERIFY(!item->icon(0).isNull());
                QVERIFY(!item->toolTip(0).isEmpty());
                kinds.append(item->data(0, Qt::UserRole).toString());
            }
        }
        QCOMPARE(kinds, ComponentCatalogue::instance().kindNames());
        QCOMPARE(palette->kindItem("load-balancer")->text(0), "Load balancer");
    }

    void paletteFilter()
    {
        MainWindow window;
        PaletteDock *palette = window.docks()->palette();
        palette->filterEdit()->setText("balanc");
        QCOMPARE(palette->visibleKinds(), QStringList{"load-balancer"});
        palette->filterEdit()->setText("REDIS"); // matches the cache's description
        QCOMPARE(palette->visibleKinds(), QStringList{"cache"});
        palette->filterEdit()->setText("no such thing");
        QVERIFY(palette->visibleKinds().isEmpty());
        palette->filterEdit()->clear();
        QCOMPARE(palette->visibleKinds(), ComponentCatalogue::instance().kindNames());
    }

    void dropFromPaletteAddsNodeAtDropPoint()
    {
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Document *document = window.document();
        const QByteArray before = TopologyWriter::serialize(document->topology());

        std::unique_ptr<QMimeData> data(paletteMimeData(window.docks()->palette(), "web-server"));
        QVERIFY(data);
        QVERIFY(data->hasFormat(PaletteDock::MimeType));
        const QPoint pos(120, 90);
        QVERIFY(dropOnCanvas(window.view(), data.get(), pos));

        QCOMPARE(document->topology().nodes.size(), 1);
        const Node node = document->topology().nodes.first();
        QCOMPARE(node.id, "web-1");
        QCOMPARE(node.kind, "web-server");
        QCOMPARE(node.name, "Web server 1");
        QVERIFY(node.position);
        QCOMPARE(*node.position, window.view()->mapToScene(pos));
        QVERIFY(window.scene()->nodeItem("web-1"));
        QCOMPARE(window.scene()->nodeItem("web-1")->pos(), *node.position);

        QVERIFY(dropOnCanvas(window.view(), data.get(), pos + QPoint(200, 0)));
        QCOMPARE(document->topology().nodes.last().id, "web-2");

        document->undoStack()->undo();
        document->undoStack()->undo();
        QVERIFY(document->topology().nodes.isEmpty());
        QVERIFY(!window.scene()->nodeItem("web-1"));
        QCOMPARE(TopologyWriter::serialize(document->topology()), before);
    }

    void foreignDragIsNotTaken()
    {
        MainWindow window;
        QMimeData text;
        text.setText("web-server");
        dropOnCanvas(window.view(), &text, QPoint(10, 10));
        QVERIFY(window.document()->topology().nodes.isEmpty());
    }

    void doubleClickAddsAtViewCentre()
    {
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PaletteDock *palette = window.docks()->palette();
        QTreeWidget *tree = palette->tree();
        QTreeWidgetItem *item = palette->kindItem("database");
        tree->scrollToItem(item);
        const QRect rect = tree->visualItemRect(item);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window.document()->topology().nodes.size(), 1);
        const Node &node = window.document()->topology().nodes.first();
        QCOMPARE(node.id, "db-1");
        const QPointF centre
            = window.view()->mapToScene(window.view()->viewport()->rect().center());
        QCOMPARE(*node.position, centre);
        QCOMPARE(window.document()->undoStack()->count(), 1);
    }

    void problemsUpdateAndSelect()
    {
        MainWindow window;
        QVERIFY(window.openFile(examplePath("three-tier.infralab.json")));
        ProblemsDock *problems = window.docks()->problems();
        const qsizetype initial = problems->problems().size();

        // A lone cache beside the topology: isolated (a design lint) after the debounce.
        Document *document = window.document();
        window.docks()->palette()->addAtViewCentre("cache");
        const QString id = document->topology().nodes.last().id;
        QCOMPARE(id, "cache-1");
        QTRY_COMPARE(problems->problems().size(), initial + 1);
        QCOMPARE(problems->tree()->topLevelItemCount(), int(initial + 1));
        int row = -1;
        for (int i = 0; i < problems->problems().size(); ++i) {
            if (problems->problems().at(i).nodeId == id)
                row = i;
        }
        QVERIFY(row >= 0);
        QVERIFY(problems->problems().at(row).message.contains("isolated"));

        // An invalid value shows the validator's message.
        Node changed = *document->topology().findNode(id);
        changed.config.insert("port", 70000);
        document->setNode(changed);
        QTRY_VERIFY(std::any_of(problems->problems().cbegin(), problems->problems().cend(),
                                [](const Problem &p) {
                                    return p.isError() && p.message.contains("outside 0..65535");
                                }));

        window.scene()->clearSelection();
        QTreeWidgetItem *item = problems->tree()->topLevelItem(row);
        QVERIFY(item);
        problems->tree()->scrollToItem(item);
        QTest::mouseClick(problems->tree()->viewport(), Qt::LeftButton, {},
                          problems->tree()->visualItemRect(item).center());
        const QList<QGraphicsItem *> selected = window.scene()->selectedItems();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(qgraphicsitem_cast<NodeItem *>(selected.first())->id(), id);

        document->undoStack()->undo(); // takes the node out again, with its bad port
        QTRY_COMPARE(problems->problems().size(), initial);
    }

    void historyListsSteps()
    {
        MainWindow window;
        QUndoView *view = window.docks()->history()->undoView();
        QCOMPARE(view->stack(), window.document()->undoStack());
        window.docks()->palette()->addAtViewCentre("web-server");
        window.docks()->palette()->addAtViewCentre("cache");
        QCOMPARE(view->model()->rowCount(), 3); // the empty state plus two steps
        QCOMPARE(view->model()->index(1, 0).data().toString(), "Add Web server 1");
        // Clicking the first row undoes everything.
        view->setCurrentIndex(view->model()->index(0, 0));
        QVERIFY(window.document()->topology().nodes.isEmpty());
    }

    void arrangeByTier_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::newRow("three-tier") << examplePath("three-tier.infralab.json");
        QTest::newRow("api-gateway") << examplePath("api-gateway.infralab.json");
        QTest::newRow("static-site") << examplePath("static-site.infralab.json");
        QTest::newRow("generated 50 nodes") << QString();
    }
    void arrangeByTier()
    {
        QFETCH(QString, fileName);
        MainWindow window;
        Document *document = window.document();
        if (fileName.isEmpty()) {
            // 50 nodes of every kind, each linked to a few legal callees.
            Topology topology;
            const QList<KindInfo> &kinds = ComponentCatalogue::instance().kinds();
            for (int i = 0; i < 50; ++i) {
                Node node;
                node.kind = kinds.at(i % kinds.size()).kind;
                node.id = "n-" + QString::number(i);
                topology.nodes.append(node);
            }
            for (int i = 0; i < 50; ++i) {
                const KindInfo *caller
                    = ComponentCatalogue::instance().find(topology.nodes.at(i).kind);
                for (int j = (i * 7) % 50, n = 0; n < 3; j = (j + 11) % 50, ++n) {
                    if (j != i && caller->mayCall(topology.nodes.at(j).kind)
                        && topology.indexOfLink(topology.nodes.at(i).id, topology.nodes.at(j).id)
                               < 0)
                        topology.links.append(
                            Link{topology.nodes.at(i).id, topology.nodes.at(j).id, {}, {}});
                }
            }
            document->reset(topology, QString());
        } else {
            QVERIFY(window.openFile(fileName));
        }
        const QByteArray before = TopologyWriter::serialize(document->topology());
        // The one-node example may already sit where the layout puts it: then no step at all.
        const bool moved = TierLayout::apply(document);
        QCOMPARE(document->undoStack()->count(), moved ? 1 : 0);

        const Topology &topology = document->topology();
        for (qsizetype i = 0; i < topology.nodes.size(); ++i) {
            QVERIFY(topology.nodes.at(i).position);
            const QRectF a = NodeItem::cardRect().translated(*topology.nodes.at(i).position);
            for (qsizetype j = i + 1; j < topology.nodes.size(); ++j) {
                const QRectF b = NodeItem::cardRect().translated(*topology.nodes.at(j).position);
                QVERIFY2(!a.intersects(b), qPrintable(topology.nodes.at(i).id + " overlaps "
                                                      + topology.nodes.at(j).id));
            }
        }
        // Tiers run left to right: a traffic generator is left of every data node.
        for (const Node &a : topology.nodes) {
            for (const Node &b : topology.nodes) {
                if (a.kind == "traffic-generator" && (b.kind == "database" || b.kind == "cache"))
                    QVERIFY(a.position->x() < b.position->x());
            }
        }
        QVERIFY(!TierLayout::apply(document)); // already arranged: no empty step
        if (moved)
            document->undoStack()->undo();
        QCOMPARE(TopologyWriter::serialize(document->topology()), before);
    }

    void exportPicture()
    {
        MainWindow window;
        QVERIFY(window.openFile(examplePath("three-tier.infralab.json")));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;

        const QString png = dir.filePath("lab.png");
        QVERIFY2(PictureExport::write(window.scene(), png, false, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        const QRectF source = PictureExport::sourceRect(window.scene(), false);
        QCOMPARE(image.size(), (source.size() * PictureExport::PngScale).toSize());
        // Not blank: the cards drew something other than the white background.
        bool drawn = false;
        for (int y = 0; y < image.height() && !drawn; y += 4) {
            for (int x = 0; x < image.width() && !drawn; x += 4)
                drawn = image.pixel(x, y) != qRgb(255, 255, 255);
        }
        QVERIFY(drawn);

        const QString svg = dir.filePath("lab.svg");
        QVERIFY2(PictureExport::write(window.scene(), svg, false, &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svgText = file.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.size() > 1000);

        // The selection alone is smaller, and the selection survives the export.
        NodeItem *item = window.scene()->nodeItems().first();
        item->setSelected(true);
        const QRectF selection = PictureExport::sourceRect(window.scene(), true);
        QVERIFY(selection.width() < source.width());
        QVERIFY(PictureExport::write(window.scene(), dir.filePath("one.png"), true, &error));
        QCOMPARE(QImage(dir.filePath("one.png")).size(),
                 (selection.size() * PictureExport::PngScale).toSize());
        QVERIFY(item->isSelected());
        QVERIFY(item->isVisible());
        for (NodeItem *other : window.scene()->nodeItems())
            QVERIFY(other->isVisible());

        window.scene()->clearSelection();
        MainWindow empty;
        QVERIFY(!PictureExport::write(empty.scene(), dir.filePath("empty.png"), false, &error));
        QVERIFY(!error.isEmpty());
    }

    void windowWithDocksRenders()
    {
        MainWindow window;
        window.resize(1280, 800);
        QVERIFY(window.openFile(examplePath("three-tier.infralab.json")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.view()->fitToContent();
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        const QString dir = qEnvironmentVariable("INFRALAB_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(shot.save(dir + "/docks.png"));
    }
};

QTEST_MAIN(TestDocks)
#include "tst_docks.moc"
