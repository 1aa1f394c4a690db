#pragma once

#include <QString>

class QGraphicsSceneMouseEvent;
class QKeyEvent;

namespace infralab {

class TopologyScene;

// A way of editing the canvas (Tiled's AbstractTool). The scene hands it the mouse and key
// events; the tool turns gestures into undo commands on the document's stack. A handler
// returns false to let the scene do its default (hover, rubber band on the empty canvas).
class AbstractTool
{
public:
    explicit AbstractTool(TopologyScene *scene)
        : m_scene(scene)
    {}
    virtual ~AbstractTool() = default;
    Q_DISABLE_COPY_MOVE(AbstractTool)

    virtual bool mousePressed(QGraphicsSceneMouseEvent *event) = 0;
    virtual bool mouseMoved(QGraphicsSceneMouseEvent *event) = 0;
    virtual bool mouseReleased(QGraphicsSceneMouseEvent *event) = 0;
    virtual bool keyPressed(QKeyEvent *event) = 0;

protected:
    TopologyScene *scene() const { return m_scene; }

private:
    TopologyScene *m_scene;
};

} // namespace infralab
