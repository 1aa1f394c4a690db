#include "canvas/selecttool.h"

#include "canvas/linkdrag.h"
#include "canvas/nameeditor.h"
#include "canvas/nodeitem.h"
#include "canvas/topologyscene.h"
#include "document/commands/movenodescommand.h"
#include "document/commands/renamenodecommand.h"
#include "document/document.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QTextCursor>
#include <QTextDocument>

namespace infralab {

SelectTool::SelectTool(TopologyScene *scene)
    : AbstractTool(scene)
{}

SelectTool::~SelectTool()
{
    closeEditor();
}

void SelectTool::closeEditor()
{
    if (!m_editor)
        return;
    QObject::disconnect(m_editor, nullptr, nullptr, nullptr);
    delete m_editor;
}

bool SelectTool::mousePressed(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    NodeItem *item = scene()->nodeItemAt(event->scenePos());
    if (!item)
        return false; // the empty canvas or a link: default selection, rubber band
    if (m_editor)
        m_editor->clearFocus(); // commits the rename

    m_pressPos = event->scenePos();
    m_pressedId = item->id();
    const QPointF itemPos = item->mapFromScene(event->scenePos());
    if (NodeItem::isOnHandle(itemPos)) {
        startLink(item, event->scenePos());
        event->accept();
        return true;
    }
    m_pressedWasSelected = item->isSelected();
    if (NodeItem::isOnEdge(itemPos)) {
        // A drag from here draws a link, a click selects: decided when the pointer moves.
        m_mode = Mode::EdgePressed;
        event->accept();
        return true;
    }
    selectOnPress(item, event->modifiers());
    m_mode = Mode::Pressed;
    event->accept();
    return true;
}

void SelectTool::selectOnPress(NodeItem *item, Qt::KeyboardModifiers modifiers)
{
    if (modifiers & Qt::ControlModifier) {
        item->setSelected(!item->isSelected());
    } else if (!item->isSelected()) {
        scene()->clearSelection();
        item->setSelected(true);
    }
}

void SelectTool::startLink(NodeItem *caller, const QPointF &scenePos)
{
    m_mode = Mode::Linking;
    caller->setLinkZoneHovered(false);
    m_hoveredId.clear();
    m_linkDrag = std::make_unique<LinkDrag>(scene(), caller);
    m_linkDrag->moveTo(scenePos);
}

void SelectTool::hover(const QPointF &scenePos)
{
    NodeItem *item = scene()->nodeItemAt(scenePos);
    const bool inZone = item
                        && (NodeItem::isOnHandle(item->mapFromScene(scenePos))
                            || NodeItem::isOnEdge(item->mapFromScene(scenePos)));
    const QString zoneId = inZone ? item->id() : QString();
    if (zoneId != m_hoveredId) {
        if (NodeItem *previous = scene()->nodeItem(m_hoveredId))
            previous->setLinkZoneHovered(false);
        m_hoveredId = zoneId;
        if (inZone) {
            item->setLinkZoneHovered(true);
            if (!m_linkDrawn)
                scene()->requestLinkHint();
        }
    }
    // The first card the pointer meets tells how links are drawn, once.
    if (item && !inZone && !m_hintedCard && !m_linkDrawn) {
        m_hintedCard = true;
        scene()->requestLinkHint();
    }
}

bool SelectTool::mouseMoved(QGraphicsSceneMouseEvent *event)
{
    switch (m_mode) {
    case Mode::Idle:
        if (event->buttons() == Qt::NoButton)
            hover(event->scenePos());
        return false; // hover events, the rubber band
    case Mode::Linking: m_linkDrag->moveTo(event->scenePos()); return true;
    case Mode::EdgePressed: {
        const QPointF travel = event->screenPos() - event->buttonDownScreenPos(Qt::LeftButton);
        if (travel.manhattanLength() < QApplication::startDragDistance())
            return true;
        if (NodeItem *caller = scene()->nodeItem(m_pressedId))
            startLink(caller, event->scenePos());
        else
            m_mode = Mode::Idle;
        return true;
    }
    case Mode::Pressed: {
        const QPointF travel = event->screenPos() - event->buttonDownScreenPos(Qt::LeftButton);
        if (travel.manhattanLength() < QApplication::startDragDistance())
            return true;
        NodeItem *pressed = scene()->nodeItem(m_pressedId);
        if (!pressed || !pressed->isSelected()) {
            m_mode = Mode::Idle; // Ctrl-click just unselected it
            return true;
        }
        m_startPositions.clear();
        for (const QString &id : scene()->selectedNodeIds())
            m_startPositions.insert(id, scene()->nodeItem(id)->pos());
        m_gesture = MoveNodesCommand::nextGesture();
        m_mode = Mode::Moving;
        moveSelectionTo(event->scenePos());
        return true;
    }
    case Mode::Moving: moveSelectionTo(event->scenePos()); return true;
    }
    return false;
}

bool SelectTool::mouseReleased(QGraphicsSceneMouseEvent *event)
{
    const Mode mode = m_mode;
    m_mode = Mode::Idle;
    switch (mode) {
    case Mode::Idle: return false;
    case Mode::Linking:
        if (m_linkDrag->finish(event->scenePos()))
            m_linkDrawn = true;
        m_linkDrag.reset();
        return true;
    case Mode::EdgePressed:
        // A click on the edge band: the same selection as a click anywhere on the card.
        if (NodeItem *item = scene()->nodeItem(m_pressedId)) {
            if (!(event->modifiers() & Qt::ControlModifier) && m_pressedWasSelected)
                scene()->selectNodes({m_pressedId});
            else
                selectOnPress(item, event->modifiers());
        }
        return true;
    case Mode::Pressed:
        // A plain click on a card of a multi-selection selects just that card.
        if (!(event->modifiers() & Qt::ControlModifier) && m_pressedWasSelected)
            scene()->selectNodes({m_pressedId});
        return true;
    case Mode::Moving: m_startPositions.clear(); return true;
    }
    return false;
}

void SelectTool::moveSelectionTo(const QPointF &scenePos)
{
    // The pressed card snaps; the others keep their distance to it.
    const QPointF start = m_startPositions.value(m_pressedId);
    const QPointF delta = scene()->snapped(start + scenePos - m_pressPos) - start;
    QHash<QString, QPointF> positions;
    for (auto it = m_startPositions.cbegin(); it != m_startPositions.cend(); ++it)
        positions.insert(it.key(), it.value() + delta);
    Document *document = scene()->document();
    document->undoStack()->push(new MoveNodesCommand(document, positions, m_gesture));
}

void SelectTool::moveSelectionBy(const QPointF &delta)
{
    QHash<QString, QPointF> positions;
    for (const QString &id : scene()->selectedNodeIds())
        positions.insert(id, scene()->nodeItem(id)->pos() + delta);
    if (positions.isEmpty())
        return;
    Document *document = scene()->document();
    document->undoStack()->push(new MoveNodesCommand(document, positions, 0));
}

bool SelectTool::keyPressed(QKeyEvent *event)
{
    const qreal step = (scene()->snapToGrid() ? TopologyScene::GridSize : KeyStep)
                       * (event->modifiers() & Qt::ShiftModifier ? 5 : 1);
    QPointF delta;
    switch (event->key()) {
    case Qt::Key_Left: delta = QPointF(-step, 0); break;
    case Qt::Key_Right: delta = QPointF(step, 0); break;
    case Qt::Key_Up: delta = QPointF(0, -step); break;
    case Qt::Key_Down: delta = QPointF(0, step); break;
    case Qt::Key_F2: {
        const QStringList ids = scene()->selectedNodeIds();
        if (ids.size() != 1)
            return false;
        startRename(ids.constFirst());
        event->accept();
        return true;
    }
    default: return false;
    }
    if (scene()->selectedNodeIds().isEmpty())
        return false;
    moveSelectionBy(delta);
    event->accept();
    return true;
}

void SelectTool::startRename(const QString &id)
{
    NodeItem *item = scene()->nodeItem(id);
    const Node *node = scene()->document()->topology().findNode(id);
    if (!item || !node)
        return;
    closeEditor();
    scene()->selectNodes({id});
    auto *editor
        = new NameEditor(id, node->name.isEmpty() ? node->id : node->name, NodeItem::Width - 16);
    m_editor = editor;
    m_renameSession = RenameNodeCommand::nextSession();
    scene()->addItem(editor);
    editor->setPos(item->pos() + QPointF(-(NodeItem::Width - 16) / 2, 2));
    const bool unnamed = node->name.isEmpty();
    QObject::connect(
        editor->document(), &QTextDocument::contentsChanged, editor, [this, editor, unnamed] {
            Document *document = scene()->document();
            if (!document->topology().findNode(editor->nodeId()))
                return;
            // An unnamed node shows its id; keeping the id keeps it unnamed.
            QString name = editor->toPlainText().trimmed();
            if (unnamed && name == editor->nodeId())
                name.clear();
            document->undoStack()->push(
                new RenameNodeCommand(document, editor->nodeId(), name, m_renameSession));
        });
    QObject::connect(editor, &NameEditor::finished, editor,
                     [this](bool accepted) { finishRename(accepted); });
    editor->setFocus();
    QTextCursor cursor = editor->textCursor();
    cursor.select(QTextCursor::Document);
    editor->setTextCursor(cursor);
}

void SelectTool::finishRename(bool accepted)
{
    NameEditor *editor = m_editor;
    if (!editor)
        return;
    m_editor.clear();
    if (!accepted) {
        // Back to the old name: the merged command becomes obsolete and leaves the stack.
        const Node *node = scene()->document()->topology().findNode(editor->nodeId());
        if (node && editor->toPlainText() != editor->originalName())
            editor->setPlainText(editor->originalName());
    }
    editor->hide();
    editor->deleteLater(); // we are inside its own event handler
}

} // namespace infralab
