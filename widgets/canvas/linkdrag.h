#pragma once

#include <QCoreApplication>
#include <QPointF>
#include <QString>

class QGraphicsPathItem;

namespace infralab {

class NodeItem;
class TopologyScene;

// One link being drawn from a caller's handle: a dashed preview curve to the cursor, the card
// under the cursor highlighted green (allowed) or red (refused, with the reason in the status
// bar). finish() ends it with an AddLinkCommand when the target is allowed.
class LinkDrag final
{
    Q_DISABLE_COPY_MOVE(LinkDrag)
    Q_DECLARE_TR_FUNCTIONS(LinkDrag)

public:
    LinkDrag(TopologyScene *scene, NodeItem *caller);
    ~LinkDrag();

    void moveTo(const QPointF &scenePos);
    bool finish(const QPointF &scenePos); // true when a link was added

    // Why `caller` may not link to `callee`; empty when it may.
    static QString refusal(const TopologyScene *scene, const QString &caller,
                           const QString &callee);

private:
    void setTarget(NodeItem *target);

    TopologyScene *m_scene;
    NodeItem *m_caller;
    NodeItem *m_target = nullptr;
    QGraphicsPathItem *m_preview;
    QString m_lastMessage;
};

} // namespace infralab
