#include "document/document.h"

#include "document/documentvalidation.h"

#include <QFileInfo>

namespace infralab {

Document::Document(QObject *parent)
    : QObject(parent)
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    m_validation = new DocumentValidation(this);
}

Document::~Document()
{
    // The stack's destructor emits cleanChanged; nobody may hear it from a half-destroyed
    // document (listeners such as the main window are mid-destruction too).
    disconnect(&m_undoStack, nullptr, this, nullptr);
}

void Document::setFileName(const QString &fileName)
{
    if (m_fileName == fileName)
        return;
    m_fileName = fileName;
    emit fileNameChanged(fileName);
}

QString Document::displayName() const
{
    return m_fileName.isEmpty() ? tr("Untitled") : QFileInfo(m_fileName).fileName();
}

void Document::reset(const Topology &topology, const QString &fileName)
{
    m_undoStack.clear();
    m_topology = topology;
    setFileName(fileName);
    emit topologyReset();
    emit modifiedChanged(false);
}

void Document::insertNode(int index, const Node &node)
{
    Q_ASSERT(m_topology.indexOfNode(node.id) < 0);
    if (index < 0 || index > m_topology.nodes.size())
        index = int(m_topology.nodes.size());
    m_topology.nodes.insert(index, node);
    emit nodeAdded(node.id);
}

Node Document::takeNode(const QString &id)
{
    const int index = m_topology.indexOfNode(id);
    Q_ASSERT(index >= 0);
    if (index < 0)
        return {};
    emit nodeAboutToBeRemoved(id);
    const Node node = m_topology.nodes.takeAt(index);
    emit nodeRemoved(id);
    return node;
}

void Document::setNode(const Node &node)
{
    Node *existing = m_topology.findNode(node.id);
    Q_ASSERT(existing);
    if (!existing || *existing == node)
        return;
    const ChangedNode change = ChangedNode::between(*existing, node);
    *existing = node;
    emit nodeChanged(node.id, change.changes, change.configKeys);
}

void Document::setNodePosition(const QString &id, const QPointF &position)
{
    Node *node = m_topology.findNode(id);
    Q_ASSERT(node);
    if (!node || node->position == position)
        return;
    node->position = position;
    emit nodeChanged(id, NodeChange::Position, {});
}

void Document::insertLink(int index, const Link &link)
{
    Q_ASSERT(m_topology.indexOfLink(link.from, link.to) < 0);
    if (index < 0 || index > m_topology.links.size())
        index = int(m_topology.links.size());
    m_topology.links.insert(index, link);
    emit linkAdded(link.from, link.to);
}

Link Document::takeLink(const QString &from, const QString &to)
{
    const int index = m_topology.indexOfLink(from, to);
    Q_ASSERT(index >= 0);
    if (index < 0)
        return {};
    const Link link = m_topology.links.takeAt(index);
    emit linkRemoved(from, to);
    return link;
}

void Document::setLink(const Link &link)
{
    const int index = m_topology.indexOfLink(link.from, link.to);
    Q_ASSERT(index >= 0);
    if (index < 0 || m_topology.links.at(index) == link)
        return;
    m_topology.links[index] = link;
    emit linkChanged(link.from, link.to);
}

} // namespace infralab
