#include "canvas/topologyscene.h"

#include "canvas/autolayout.h"
#include "canvas/linkitem.h"
#include "canvas/nodeitem.h"
#include "canvas/selecttool.h"
#include "catalogue/componentcatalogue.h"
#include "document/document.h"
#include "runtime/componentfactory.h"

#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>

#include <cmath>

namespace infralab {

namespace {

// Free room around the content, so the user can scroll past the outermost cards.
constexpr qreal SceneMargin = 400;

} // namespace

TopologyScene::TopologyScene(Document *document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
    , m_style(ComponentCatalogue::instance(), runtime::ComponentFactory::builtIn().kinds())
{
    connect(document, &Document::topologyReset, this, &TopologyScene::rebuild);
    connect(document, &Document::nodeAdded, this, &TopologyScene::addNodeItem);
    connect(document, &Document::nodeRemoved, this, &TopologyScene::removeNodeItem);
    // A card shows kind, title, tooltip and place; its config is the inspector's business.
    connect(document, &Document::nodeChanged, this, [this](const QString &id, NodeChanges changes) {
        if (changes.testAnyFlags(NodeChange::Kind | NodeChange::Name | NodeChange::Description
                                 | NodeChange::Position))
            syncNodeItem(id);
    });
    connect(document, &Document::linkAdded, this, &TopologyScene::addLinkItem);
    connect(document, &Document::linkRemoved, this, &TopologyScene::removeLinkItem);
    connect(document, &Document::linkChanged, this, &TopologyScene::syncLinkItem);
    m_selectTool = std::make_unique<SelectTool>(this);
    rebuild();
}

TopologyScene::~TopologyScene()
{
    // The tool's editor and preview items go before the items they point at.
    m_selectTool.reset();
    // Links point at their nodes: delete them first rather than in QGraphicsScene's order.
    clearItems();
}

LinkItem *TopologyScene::linkItem(const QString &from, const QString &to) const
{
    return m_links.value(LinkKey(from, to));
}

QRectF TopologyScene::contentRect() const
{
    QRectF rect;
    for (const NodeItem *node : m_nodes)
        rect = rect.united(node->sceneBoundingRect());
    for (const LinkItem *link : m_links)
        rect = rect.united(link->sceneBoundingRect());
    return rect;
}

QStringList TopologyScene::selectedNodeIds() const
{
    QStringList ids;
    for (const Node &node : m_document->topology().nodes) {
        if (const NodeItem *item = m_nodes.value(node.id); item && item->isSelected())
            ids.append(node.id);
    }
    return ids;
}

QList<std::pair<QString, QString>> TopologyScene::selectedLinks() const
{
    QList<std::pair<QString, QString>> links;
    for (const Link &link : m_document->topology().links) {
        if (const LinkItem *item = linkItem(link.from, link.to); item && item->isSelected())
            links.append({link.from, link.to});
    }
    return links;
}

NodeItem *TopologyScene::nodeItemAt(const QPointF &scenePos) const
{
    for (QGraphicsItem *item : items(scenePos)) {
        if (item->type() == NodeItem::Type)
            return static_cast<NodeItem *>(item);
    }
    return nullptr;
}

void TopologyScene::selectNodes(const QStringList &ids)
{
    clearSelection();
    for (const QString &id : ids) {
        if (NodeItem *item = m_nodes.value(id))
            item->setSelected(true);
    }
}

QPointF TopologyScene::snapped(const QPointF &pos) const
{
    if (!m_snapToGrid)
        return pos;
    return QPointF(std::round(pos.x() / GridSize) * GridSize,
                   std::round(pos.y() / GridSize) * GridSize);
}

QString TopologyScene::linkHint()
{
    return tr("To link two nodes, drag from a card's edge or its round handle onto the node it "
              "calls.");
}

void TopologyScene::requestLinkHint()
{
    emit linkHintRequested(linkHint());
}

void TopologyScene::noteEmptiness()
{
    const bool empty = m_nodes.isEmpty();
    if (empty == m_empty)
        return;
    m_empty = empty;
    emit emptyChanged(empty);
}

void TopologyScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_selectTool->mousePressed(event))
        QGraphicsScene::mousePressEvent(event); // focus, clear selection, rubber band
}

void TopologyScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_selectTool->mouseMoved(event))
        QGraphicsScene::mouseMoveEvent(event); // hover
}

void TopologyScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_selectTool->mouseReleased(event))
        QGraphicsScene::mouseReleaseEvent(event);
}

void TopologyScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (NodeItem *item = nodeItemAt(event->scenePos()); item && event->button() == Qt::LeftButton) {
        m_selectTool->startRename(item->id());
        event->accept();
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void TopologyScene::keyPressEvent(QKeyEvent *event)
{
    if (focusItem() || !m_selectTool->keyPressed(event))
        QGraphicsScene::keyPressEvent(event); // the rename editor has focus
}

void TopologyScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    // Right-clicking an unselected item selects just it, as file managers do.
    QGraphicsItem *hit = nullptr;
    for (QGraphicsItem *item : items(event->scenePos())) {
        if (item->type() == NodeItem::Type || item->type() == LinkItem::Type) {
            hit = item;
            break;
        }
    }
    if (!hit)
        clearSelection();
    else if (!hit->isSelected()) {
        clearSelection();
        hit->setSelected(true);
    }
    event->accept();
    emit contextMenuRequested(event->screenPos());
}

void TopologyScene::rebuild()
{
    clearItems();
    const Topology &topology = m_document->topology();
    const QHash<QString, QPointF> placed = AutoLayout::place(topology);
    for (const Node &node : topology.nodes) {
        auto *item = new NodeItem(node.id, &m_style);
        item->sync(node);
        if (!node.position)
            item->setPos(placed.value(node.id));
        addItem(item);
        m_nodes.insert(node.id, item);
    }
    for (const Link &link : topology.links)
        addLinkItem(link.from, link.to);
    setSceneRect(contentRect().adjusted(-SceneMargin, -SceneMargin, SceneMargin, SceneMargin));
    noteEmptiness();
    emit contentReset();
}

void TopologyScene::addNodeItem(const QString &id)
{
    const Node *node = m_document->topology().findNode(id);
    if (!node || m_nodes.contains(id))
        return;
    auto *item = new NodeItem(id, &m_style);
    item->sync(*node);
    if (!node->position)
        item->setPos(AutoLayout::place(m_document->topology()).value(id));
    addItem(item);
    m_nodes.insert(id, item);
    growSceneRect();
    noteEmptiness();
}

void TopologyScene::removeNodeItem(const QString &id)
{
    NodeItem *item = m_nodes.take(id);
    if (!item)
        return;
    // Commands remove a node's links first; this only guards against a stale canvas.
    const QList<LinkItem *> links = item->links();
    for (LinkItem *link : links) {
        m_links.remove(LinkKey(link->fromId(), link->toId()));
        deleteLinkItem(link);
    }
    delete item;
    noteEmptiness();
}

void TopologyScene::syncNodeItem(const QString &id)
{
    NodeItem *item = m_nodes.value(id);
    const Node *node = m_document->topology().findNode(id);
    if (!item || !node)
        return;
    item->sync(*node); // moving the card re-routes its links
    growSceneRect();
}

void TopologyScene::syncLinkItem(const QString &from, const QString &to)
{
    const int index = m_document->topology().indexOfLink(from, to);
    if (LinkItem *link = linkItem(from, to); link && index >= 0)
        link->sync(m_document->topology().links.at(index));
}

void TopologyScene::addLinkItem(const QString &from, const QString &to)
{
    NodeItem *fromItem = m_nodes.value(from);
    NodeItem *toItem = m_nodes.value(to);
    // Links to unknown nodes only exist in invalid files, which never get opened.
    if (!fromItem || !toItem || m_links.contains(LinkKey(from, to)))
        return;
    auto *link = new LinkItem(fromItem, toItem);
    addItem(link);
    m_links.insert(LinkKey(from, to), link);
    syncLinkItem(from, to);
    rerouteIncoming(toItem);
}

void TopologyScene::removeLinkItem(const QString &from, const QString &to)
{
    if (LinkItem *link = m_links.take(LinkKey(from, to))) {
        NodeItem *callee = link->toItem();
        deleteLinkItem(link);
        rerouteIncoming(callee);
    }
}

void TopologyScene::rerouteIncoming(NodeItem *callee)
{
    for (LinkItem *link : callee->links()) {
        if (link->toItem() == callee)
            link->updatePath();
    }
}

void TopologyScene::deleteLinkItem(LinkItem *link)
{
    link->detach();
    delete link;
}

void TopologyScene::clearItems()
{
    // Empty the maps first: deleting a selected item emits selectionChanged, whose listeners
    // ask for the selection.
    const QHash<LinkKey, LinkItem *> links = std::exchange(m_links, {});
    for (LinkItem *link : links)
        deleteLinkItem(link);
    const QHash<QString, NodeItem *> nodes = std::exchange(m_nodes, {});
    qDeleteAll(nodes);
}

void TopologyScene::growSceneRect()
{
    const QRectF wanted
        = contentRect().adjusted(-SceneMargin, -SceneMargin, SceneMargin, SceneMargin);
    if (!sceneRect().contains(wanted))
        setSceneRect(sceneRect().united(wanted));
}

} // namespace infralab
