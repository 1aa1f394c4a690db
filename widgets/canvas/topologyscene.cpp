#include "canvas/topologyscene.h"

#include "canvas/autolayout.h"
#include "canvas/linkitem.h"
#include "canvas/nodeitem.h"
#include "catalogue/componentcatalogue.h"
#include "document/document.h"

namespace infralab {

namespace {

// Free room around the content, so the user can scroll past the outermost cards.
constexpr qreal SceneMargin = 400;

} // namespace

TopologyScene::TopologyScene(Document *document, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
    , m_style(ComponentCatalogue::instance())
{
    connect(document, &Document::topologyReset, this, &TopologyScene::rebuild);
    connect(document, &Document::nodeAdded, this, &TopologyScene::addNodeItem);
    connect(document, &Document::nodeRemoved, this, &TopologyScene::removeNodeItem);
    connect(document, &Document::nodeChanged, this, &TopologyScene::syncNodeItem);
    connect(document, &Document::linkAdded, this, &TopologyScene::addLinkItem);
    connect(document, &Document::linkRemoved, this, &TopologyScene::removeLinkItem);
    rebuild();
}

TopologyScene::~TopologyScene()
{
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
    for (LinkItem *link : std::as_const(m_links))
        deleteLinkItem(link);
    m_links.clear();
    qDeleteAll(m_nodes);
    m_nodes.clear();
}

void TopologyScene::growSceneRect()
{
    const QRectF wanted
        = contentRect().adjusted(-SceneMargin, -SceneMargin, SceneMargin, SceneMargin);
    if (!sceneRect().contains(wanted))
        setSceneRect(sceneRect().united(wanted));
}

} // namespace infralab
