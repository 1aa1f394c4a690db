#pragma once

#include "canvas/kindstyle.h"

#include <QGraphicsScene>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <utility>

namespace infralab {

class Document;
class LinkItem;
class NodeItem;
class SelectTool;

// The canvas's scene: mirrors the document's topology by node id. It keeps id → item maps and
// creates, syncs or removes items only in slots fired by the document's signals, so undo
// commands and file loads go through the same path. Nodes without a position are placed by
// AutoLayout (for display only; the model keeps them unplaced until the user moves them).
class TopologyScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyScene)

public:
    explicit TopologyScene(Document *document, QObject *parent = nullptr);
    ~TopologyScene() override;

    Document *document() const { return m_document; }
    const KindStyle &kindStyle() const { return m_style; }

    NodeItem *nodeItem(const QString &id) const { return m_nodes.value(id); }
    LinkItem *linkItem(const QString &from, const QString &to) const;
    QList<NodeItem *> nodeItems() const { return m_nodes.values(); }
    QList<LinkItem *> linkItems() const { return m_links.values(); }

    // The bounding rectangle of every node and link, empty when there is nothing.
    QRectF contentRect() const;

    // Selected node ids in file order, and selected links as (from, to).
    QStringList selectedNodeIds() const;
    QList<std::pair<QString, QString>> selectedLinks() const;
    NodeItem *nodeItemAt(const QPointF &scenePos) const;
    void selectNodes(const QStringList &ids); // replaces the selection

    // Moving snaps card centres to the grid when on.
    static constexpr qreal GridSize = 24;
    bool snapToGrid() const { return m_snapToGrid; }
    void setSnapToGrid(bool snap) { m_snapToGrid = snap; }
    QPointF snapped(const QPointF &pos) const;

    SelectTool *selectTool() const { return m_selectTool.get(); }

    // Emits linkHintRequested with the text telling how links are drawn (the select tool asks
    // when the pointer first meets a card and over a card's link zone, until a link is drawn).
    void requestLinkHint();
    static QString linkHint();

signals:
    void contentReset(); // after the document's topology was replaced and items rebuilt
    void statusMessage(const QString &message);         // a tool explains what it did or refused
    void contextMenuRequested(const QPoint &screenPos); // the selection says for what
    // A first-use hint for the status bar: how to draw a link (see requestLinkHint()).
    void linkHintRequested(const QString &hint);
    // The scene went from no node to some, or back (the view's empty-canvas hint follows).
    void emptyChanged(bool empty);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    using LinkKey = std::pair<QString, QString>;

    void rebuild();
    void addNodeItem(const QString &id);
    void removeNodeItem(const QString &id);
    void syncNodeItem(const QString &id);
    void syncLinkItem(const QString &from, const QString &to);
    void addLinkItem(const QString &from, const QString &to);
    void removeLinkItem(const QString &from, const QString &to);
    void deleteLinkItem(LinkItem *link);
    void rerouteIncoming(NodeItem *callee); // incoming arrows share the callee's sides
    void clearItems();
    void growSceneRect();
    void noteEmptiness();

    Document *m_document;
    KindStyle m_style;
    QHash<QString, NodeItem *> m_nodes;
    QHash<LinkKey, LinkItem *> m_links;
    bool m_snapToGrid = true;
    bool m_empty = true;
    std::unique_ptr<SelectTool> m_selectTool;
};

} // namespace infralab
