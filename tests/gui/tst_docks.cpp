#include "canvas/nodeitem.h"
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "catalogue/componentcatalogue.h"
#include "docks/editordocks.h"
#include "docks/historydock.h"
#include "docks/palettedock.h"
#include "docks/problemsdock.h"
#include "document/commands/addlinkcommand.h"
#include "document/commands/addnodecommand.h"
#include "document/commands/commandids.h"
#include "document/commands/movenodescommand.h"
#include "document/commands/removeitemscommand.h"
#include "document/commands/renamenodecommand.h"
#include "document/commands/setlinkconfigcommand.h"
#include "document/commands/setnodeconfigcommand.h"
#include "document/commands/setnodedescriptioncommand.h"
#include "document/commands/setpositionscommand.h"
#include "document/document.h"
#include "document/documentvalidation.h"
#include "export/pictureexport.h"
#include "format/topologyreader.h"
#include "format/topologywriter.h"
#include "layout/tierlayout.h"
#include "mainwindow/mainwindow.h"
#include "validation/designlints.h"
#include "validation/validator.h"

#include <QDir>
#include <QDropEvent>
#include <QImage>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
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

    // The three-tier example's app server and database do not run yet: the Problems dock
    // warns before Start, their cards and the palette say so, the kinds that run do not.
    void kindsThatDoNotRunSaySo()
    {
        MainWindow window;
        QVERIFY(window.openFile(examplePath("three-tier.infralab.json")));
        QStringList warned;
        for (const Problem &p : window.docks()->problems()->problems()) {
            if (p.message.contains("does not run in this version yet")) {
                QVERIFY(!p.isError());
                warned.append(p.nodeId);
            }
        }
        warned.sort();
        QStringList expected;
        for (const Node &node : window.document()->topology().nodes) {
            if (node.kind == "app-server" || node.kind == "database")
                expected.append(node.id);
        }
        expected.sort();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(warned, expected);
        QCOMPARE(window.docks()->problems()->windowTitle(),
                 QString("Problems (%1 warnings)").arg(expected.size()));
        for (const Node &node : window.document()->topology().nodes) {
            NodeItem *item = window.scene()->nodeItem(node.id);
            QVERIFY(item);
            QCOMPARE(item->runs(), !expected.contains(node.id));
            QCOMPARE(item->toolTip().contains("does not run in this version yet"),
                     expected.contains(node.id));
        }
        PaletteDock *palette = window.docks()->palette();
        QCOMPARE(palette->kindItem("database")->text(0), "Database (coming)");
        QVERIFY(palette->kindItem("database")->toolTip(0).contains("Start skips it"));
        QCOMPARE(palette->kindItem("web-server")->text(0), "Web server");
    }

    void problemsUpdateAndSelect()
    {
        MainWindow window;
        QVERIFY(window.openFile(examplePath("three-tier.infralab.json")));
        ProblemsDock *problems = window.docks()->problems();
        const qsizetype initial = problems->problems().size();

        // A lone cache beside the topology: isolated (a design lint) after the debounce, and
        // not runnable in this version.
        Document *document = window.document();
        window.docks()->palette()->addAtViewCentre("cache");
        const QString id = document->topology().nodes.last().id;
        QCOMPARE(id, "cache-1");
        QTRY_COMPARE(problems->problems().size(), initial + 2);
        QCOMPARE(problems->tree()->topLevelItemCount(), int(initial + 2));
        QStringList messages;
        int row = -1;
        for (int i = 0; i < problems->problems().size(); ++i) {
            if (problems->problems().at(i).nodeId != id)
                continue;
            messages.append(problems->problems().at(i).message);
            if (row < 0)
                row = i;
        }
        QCOMPARE(messages.size(), 2);
        QVERIFY2(messages.filter("isolated").size() == 1, qPrintable(messages.join('\n')));
        QVERIFY2(messages.filter("does not run in this version yet").size() == 1,
                 qPrintable(messages.join('\n')));

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

    // Every edit is validated once, and the Problems dock, inspector and live sync read that
    // one result; edits that cannot change validity (a move, a description) validate nothing.
    // `edit` runs on the three-tier example; the dock's list is then what a fresh validation of
    // the edited topology says.
    void oneValidationPerEdit_data()
    {
        using Edit = std::function<void(Document *)>;
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<int>("validations");
        const auto move = [](QStringList ids, QPointF by) {
            return [ids, by](Document *document) {
                QHash<QString, QPointF> positions;
                for (const QString &id : ids)
                    positions.insert(id, *document->topology().findNode(id)->position + by);
                // One gesture of six mouse moves, merged into one step as a drag does.
                const int gesture = nextEditSession();
                for (int step = 1; step <= 6; ++step) {
                    QHash<QString, QPointF> at;
                    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
                        at.insert(it.key(), it.value() - by + by * step / 6);
                    document->undoStack()->push(new MoveNodesCommand(document, at, gesture));
                }
            };
        };
        const auto setConfig = [](QString id, QString key, QJsonValue value) {
            return [id, key, value](Document *document) {
                document->undoStack()->push(
                    new SetNodeConfigCommand(document, {id}, key, value, nextEditSession()));
            };
        };
        QTest::newRow("drag one node") << Edit(move({"web-1"}, {48, 24})) << 0;
        QTest::newRow("drag three nodes") << Edit(move({"web-1", "web-2", "lb"}, {0, 96})) << 0;
        QTest::newRow("describe") << Edit([](Document *document) {
            document->undoStack()->push(
                new SetNodeDescriptionCommand(document, "db", "the data", nextEditSession()));
        }) << 0;
        QTest::newRow("config edit") << Edit(setConfig("web-1", "gzip", false)) << 1;
        QTest::newRow("bad port") << Edit(setConfig("lb", "port", 70000)) << 1;
        QTest::newRow("typing a port") << Edit([](Document *document) {
            const int session = nextEditSession(); // keystrokes merge into one step
            for (const int port : {8, 80, 808, 8081})
                document->undoStack()->push(
                    new SetNodeConfigCommand(document, {"web-2"}, "port", port, session));
        }) << 1;
        QTest::newRow("rename") << Edit([](Document *document) {
            // Lint messages name the node, so a rename revalidates.
            document->undoStack()->push(
                new RenameNodeCommand(document, "db", "Orders", RenameNodeCommand::nextSession()));
        }) << 1;
        QTest::newRow("link weight") << Edit([](Document *document) {
            document->undoStack()->push(new SetLinkConfigCommand(document, {{"lb", "web-1"}},
                                                                 "weight", 5, nextEditSession()));
        }) << 1;
        QTest::newRow("add and link a node") << Edit([](Document *document) {
            const Node web = AddNodeCommand::newNode(document->topology(), "web-server", {0, 0});
            document->undoStack()->push(new AddNodeCommand(document, web));
            document->undoStack()->push(new AddLinkCommand(document, Link{"lb", web.id, {}, {}}));
        }) << 1;
        QTest::newRow("remove a node") << Edit([](Document *document) {
            document->undoStack()->push(new RemoveItemsCommand(document, {"web-3"}, {}));
        }) << 1;
    }
    void oneValidationPerEdit()
    {
        QFETCH(std::function<void(Document *)>, edit);
        QFETCH(int, validations);
        MainWindow window;
        QVERIFY(window.openFile(examplePath("three-tier.infralab.json")));
        Document *document = window.document();
        window.scene()->selectNodes({"web-1"}); // the inspector shows a node's problems too
        DocumentValidation *validation = document->validation();
        QVERIFY(!validation->isPending());
        const int before = validation->validationCount();
        QSignalSpy validated(validation, &DocumentValidation::validationChanged);
        QSignalSpy listed(window.docks()->problems(), &ProblemsDock::problemsChanged);

        edit(document);
        QCOMPARE(validation->isPending(), validations > 0);
        QTRY_VERIFY(!validation->isPending());
        QCOMPARE(validated.count(), validations);
        QCOMPARE(validation->validationCount() - before, validations);
        QCOMPARE(listed.count(), validations);
        const Topology &topology = document->topology();
        QCOMPARE(window.docks()->problems()->problems(),
                 validateTopology(topology) + DocumentValidation::lint(topology));

        // Undoing it is one more change of the same kind.
        document->undoStack()->undo();
        QTRY_VERIFY(!validation->isPending());
        QCOMPARE(validated.count(), 2 * validations);
        QCOMPARE(window.docks()->problems()->problems(),
                 validateTopology(topology) + DocumentValidation::lint(topology));
    }

    // The one position the validator refuses (not finite) is validated when a move makes it
    // and when a move mends it; on a bare document, since no canvas takes such a place.
    void nonFinitePositionIsValidated()
    {
        Document document;
        document.reset(TopologyReader::readFile(examplePath("three-tier.infralab.json")).topology,
                       QString());
        DocumentValidation *validation = document.validation();
        QVERIFY(!validation->hasErrors());
        QSignalSpy validated(validation, &DocumentValidation::validationChanged);
        const auto positionErrors = [validation] {
            return std::count_if(validation->problems().cbegin(), validation->problems().cend(),
                                 [](const Problem &p) { return p.path.endsWith(".position"); });
        };
        document.undoStack()->push(
            new SetPositionsCommand(&document, {{"app", QPointF(qInf(), 0)}}, "Move"));
        QVERIFY(validation->isPending());
        QTRY_VERIFY(!validation->isPending());
        QCOMPARE(validated.count(), 1);
        QCOMPARE(positionErrors(), 1);
        // Moving another node does not revalidate; mending the broken one does.
        document.setNodePosition("db", {24, 24});
        QVERIFY(!validation->isPending());
        document.undoStack()->undo();
        QVERIFY(validation->isPending());
        QCOMPARE(validation->upToDate().problems(), validateTopology(document.topology()));
        QCOMPARE(validated.count(), 2);
        QCOMPARE(positionErrors(), 0);
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
