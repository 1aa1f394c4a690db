#pragma once

#include "canvas/abstracttool.h"
#include "canvas/nameeditor.h"

#include <QHash>
#include <QPointF>
#include <QPointer>
#include <QString>

#include <memory>

namespace infralab {

class LinkDrag;
class NodeItem;

// The canvas's default tool. Click selects a card, Ctrl-click toggles it, a press on the empty
// canvas leaves the rubber band to the view. Dragging cards moves the selection (snapped to
// the grid when on) as one undo step; dragging from a card's handle, or from the band along the
// inside of its border (NodeItem::EdgeBand), draws a link (LinkDrag). Hovering those marks the
// card and, until the first link is drawn, asks the scene for the link hint
// (TopologyScene::linkHintRequested).
// Arrow keys move the selection (Shift: five times as far); F2 or a double-click renames in
// place.
class SelectTool final : public AbstractTool
{
public:
    explicit SelectTool(TopologyScene *scene);
    ~SelectTool() override;

    bool mousePressed(QGraphicsSceneMouseEvent *event) override;
    bool mouseMoved(QGraphicsSceneMouseEvent *event) override;
    bool mouseReleased(QGraphicsSceneMouseEvent *event) override;
    bool keyPressed(QKeyEvent *event) override;

    void startRename(const QString &id);
    NameEditor *nameEditor() const { return m_editor; }

    static constexpr qreal KeyStep = 8;

private:
    enum class Mode { Idle, Pressed, EdgePressed, Moving, Linking };

    void hover(const QPointF &scenePos);
    void selectOnPress(NodeItem *item, Qt::KeyboardModifiers modifiers);
    void startLink(NodeItem *caller, const QPointF &scenePos);

    void moveSelectionTo(const QPointF &scenePos);
    void moveSelectionBy(const QPointF &delta);
    void finishRename(bool accepted);
    void closeEditor();

    Mode m_mode = Mode::Idle;
    QPointF m_pressPos;
    QString m_pressedId;
    bool m_pressedWasSelected = false;
    QHash<QString, QPointF> m_startPositions;
    int m_gesture = 0;
    std::unique_ptr<LinkDrag> m_linkDrag;
    QPointer<NameEditor> m_editor;
    int m_renameSession = 0;
    QString m_hoveredId;         // the card whose link zone the pointer is over
    bool m_hintedCard = false;   // the hint was given on the first card hovered
    bool m_linkDrawn = false;    // no more hints once the user has drawn a link
};

} // namespace infralab
