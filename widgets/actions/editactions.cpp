#include "actions/editactions.h"

#include "canvas/nodeitem.h"
#include "canvas/selecttool.h"
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "document/commands/insertitemscommand.h"
#include "document/commands/removeitemscommand.h"
#include "document/commands/topologyfragment.h"
#include "document/document.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QSignalBlocker>
#include <QUndoStack>

namespace infralab {

namespace {

constexpr int OverviewThreshold = 20;

} // namespace

EditActions::EditActions(Document *document, TopologyScene *scene, TopologyView *view,
                         QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_scene(scene)
    , m_view(view)
    , m_window(window)
{
    m_undo = document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcut(QKeySequence::Redo);
    m_cut = makeAction(tr("Cu&t"), QKeySequence::Cut, &EditActions::cut);
    m_copy = makeAction(tr("&Copy"), QKeySequence::Copy, &EditActions::copy);
    m_paste = makeAction(tr("&Paste"), QKeySequence::Paste, &EditActions::paste);
    m_duplicate
        = makeAction(tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), &EditActions::duplicate);
    m_delete = makeAction(tr("&Delete"), QKeySequence::Delete, &EditActions::deleteSelection);
    m_selectAll = makeAction(tr("Select &All"), QKeySequence::SelectAll, &EditActions::selectAll);
    m_rename = makeAction(tr("&Rename"), QKeySequence(Qt::Key_F2), &EditActions::rename);

    m_zoomIn = new QAction(tr("Zoom &In"), this);
    m_zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(m_zoomIn, &QAction::triggered, this, [this] { m_view->zoomBy(1.25); });
    m_zoomOut = new QAction(tr("Zoom &Out"), this);
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOut, &QAction::triggered, this, [this] { m_view->zoomBy(0.8); });
    m_resetZoom = new QAction(tr("&Actual Size"), this);
    m_resetZoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_resetZoom, &QAction::triggered, m_view, &TopologyView::resetZoom);
    m_fit = new QAction(tr("&Fit to View"), this);
    m_fit->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_fit, &QAction::triggered, m_view, &TopologyView::fitToContent);
    m_snap = new QAction(tr("&Snap to Grid"), this);
    m_snap->setCheckable(true);
    m_snap->setChecked(m_scene->snapToGrid());
    connect(m_snap, &QAction::toggled, m_scene, &TopologyScene::setSnapToGrid);
    m_overview = new QAction(tr("&Overview"), this);
    m_overview->setCheckable(true);
    connect(m_overview, &QAction::toggled, m_view, &TopologyView::setOverviewVisible);
    connect(m_view, &TopologyView::overviewShownChanged, m_overview, [this](bool shown) {
        const QSignalBlocker blocker(m_overview); // showing it is not the user's choice
        m_overview->setChecked(shown);
    });
    // Large topologies open with the overview shown; the user may hide it again.
    connect(m_scene, &TopologyScene::contentReset, this,
            [this] { m_overview->setChecked(m_scene->nodeItems().size() >= OverviewThreshold); });

    // Shortcuts work while the menus are closed (the window holds the actions).
    window->addActions({m_undo, m_redo, m_cut, m_copy, m_paste, m_duplicate, m_delete, m_selectAll,
                        m_rename, m_zoomIn, m_zoomOut, m_resetZoom, m_fit});

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &EditActions::updateActions);
    connect(m_scene, &TopologyScene::contextMenuRequested, this, &EditActions::showContextMenu);
    updateActions();
}

QAction *EditActions::makeAction(const QString &text, const QKeySequence &shortcut,
                                 void (EditActions::*slot)())
{
    auto *action = new QAction(text, this);
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void EditActions::fillEditMenu(QMenu *menu) const
{
    menu->addActions({m_undo, m_redo});
    menu->addSeparator();
    menu->addActions({m_cut, m_copy, m_paste, m_duplicate, m_delete});
    menu->addSeparator();
    menu->addActions({m_selectAll, m_rename});
}

void EditActions::fillViewMenu(QMenu *menu) const
{
    menu->addActions({m_zoomIn, m_zoomOut, m_resetZoom, m_fit});
    menu->addSeparator();
    menu->addActions({m_snap, m_overview});
}

void EditActions::updateActions()
{
    const bool nodes = !m_scene->selectedNodeIds().isEmpty();
    const bool links = !m_scene->selectedLinks().isEmpty();
    m_cut->setEnabled(nodes);
    m_copy->setEnabled(nodes);
    m_duplicate->setEnabled(nodes);
    m_delete->setEnabled(nodes || links);
    m_rename->setEnabled(m_scene->selectedNodeIds().size() == 1);
}

void EditActions::copy()
{
    const QStringList ids = m_scene->selectedNodeIds();
    if (ids.isEmpty())
        return;
    QHash<QString, QPointF> displayed;
    for (const QString &id : ids)
        displayed.insert(id, m_scene->nodeItem(id)->pos());
    const Topology fragment = TopologyFragment::extract(m_document->topology(), ids, displayed);
    QGuiApplication::clipboard()->setText(QString::fromUtf8(TopologyFragment::toJson(fragment)));
    m_pasteCount = 0;
    emit statusMessage(tr("Copied %n node(s)", nullptr, int(ids.size())));
}

void EditActions::cut()
{
    const QStringList ids = m_scene->selectedNodeIds();
    if (ids.isEmpty())
        return;
    copy();
    auto *command = new RemoveItemsCommand(m_document, ids, {});
    command->setText(tr("Cut"));
    m_document->undoStack()->push(command);
    m_pasteCount = -1; // the first paste goes back where the cut nodes were
}

void EditActions::paste()
{
    pasteText(QGuiApplication::clipboard()->text().toUtf8());
}

bool EditActions::pasteText(const QByteArray &text)
{
    ++m_pasteCount;
    const qreal step = TopologyScene::GridSize * m_pasteCount;
    return insertFragment(text, QPointF(step, step), tr("Paste"));
}

void EditActions::duplicate()
{
    const QStringList ids = m_scene->selectedNodeIds();
    if (ids.isEmpty())
        return;
    QHash<QString, QPointF> displayed;
    for (const QString &id : ids)
        displayed.insert(id, m_scene->nodeItem(id)->pos());
    const Topology fragment = TopologyFragment::extract(m_document->topology(), ids, displayed);
    const qreal step = 2 * TopologyScene::GridSize;
    insertFragment(TopologyFragment::toJson(fragment), QPointF(step, step), tr("Duplicate"));
}

bool EditActions::insertFragment(const QByteArray &json, const QPointF &offset, const QString &text)
{
    Topology fragment;
    QString error;
    if (!TopologyFragment::fromJson(json, &fragment, &error)) {
        emit statusMessage(error);
        return false;
    }
    const Topology prepared
        = TopologyFragment::prepareForInsert(fragment, m_document->topology(), offset);
    m_document->undoStack()->push(
        new InsertItemsCommand(m_document, prepared.nodes, prepared.links, text));
    QStringList ids;
    for (const Node &node : prepared.nodes)
        ids.append(node.id);
    m_scene->selectNodes(ids);
    emit statusMessage(tr("Added %n node(s)", nullptr, int(ids.size())));
    return true;
}

void EditActions::deleteSelection()
{
    QList<RemoveItemsCommand::LinkKey> links;
    for (const auto &[from, to] : m_scene->selectedLinks())
        links.append({from, to});
    auto *command = new RemoveItemsCommand(m_document, m_scene->selectedNodeIds(), links);
    if (command->isEmpty()) {
        delete command;
        return;
    }
    m_document->undoStack()->push(command);
}

void EditActions::selectAll()
{
    for (QGraphicsItem *item : m_scene->items())
        item->setSelected(item->flags() & QGraphicsItem::ItemIsSelectable);
}

void EditActions::rename()
{
    const QStringList ids = m_scene->selectedNodeIds();
    if (ids.size() == 1)
        m_scene->selectTool()->startRename(ids.constFirst());
}

void EditActions::showContextMenu(const QPoint &screenPos)
{
    auto *menu = new QMenu(m_window);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_scene->selectedNodeIds().isEmpty()) {
        menu->addActions({m_rename, m_duplicate});
        menu->addSeparator();
        menu->addActions({m_cut, m_copy, m_delete});
    } else if (!m_scene->selectedLinks().isEmpty()) {
        menu->addAction(m_delete);
    } else {
        menu->addActions({m_paste, m_selectAll});
        menu->addSeparator();
        menu->addAction(m_fit);
    }
    emit contextMenuAboutToShow(menu);
    menu->popup(screenPos);
}

} // namespace infralab
