#include "document/commands/removeitemscommand.h"

#include "document/document.h"

#include <QCoreApplication>

namespace infralab {

RemoveItemsCommand::RemoveItemsCommand(Document *document, const QStringList &nodeIds,
                                       const QList<LinkKey> &links, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
{
    const Topology &topology = document->topology();
    for (int i = 0; i < topology.nodes.size(); ++i) {
        if (nodeIds.contains(topology.nodes.at(i).id))
            m_nodes.append({i, topology.nodes.at(i)});
    }
    for (int i = 0; i < topology.links.size(); ++i) {
        const Link &link = topology.links.at(i);
        if (nodeIds.contains(link.from) || nodeIds.contains(link.to)
            || links.contains(LinkKey(link.from, link.to)))
            m_links.append({i, link});
    }
    if (m_nodes.isEmpty() && m_links.size() == 1)
        setText(QCoreApplication::translate("RemoveItemsCommand", "Remove link"));
    else if (m_nodes.size() == 1)
        setText(QCoreApplication::translate("RemoveItemsCommand", "Remove %1")
                    .arg(m_nodes.constFirst().second.displayName()));
    else
        setText(QCoreApplication::translate("RemoveItemsCommand", "Remove %n items", nullptr,
                                            int(m_nodes.size() + m_links.size())));
}

void RemoveItemsCommand::redo()
{
    // Links first (they point at the nodes), highest index first so the others stay valid.
    for (auto it = m_links.crbegin(); it != m_links.crend(); ++it)
        m_document->takeLink(it->second.from, it->second.to);
    for (auto it = m_nodes.crbegin(); it != m_nodes.crend(); ++it)
        m_document->takeNode(it->second.id);
}

void RemoveItemsCommand::undo()
{
    for (const auto &[index, node] : std::as_const(m_nodes))
        m_document->insertNode(index, node);
    for (const auto &[index, link] : std::as_const(m_links))
        m_document->insertLink(index, link);
}

} // namespace infralab
