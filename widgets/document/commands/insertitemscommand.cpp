#include "document/commands/insertitemscommand.h"

#include "document/document.h"

namespace infralab {

InsertItemsCommand::InsertItemsCommand(Document *document, const QList<Node> &nodes,
                                       const QList<Link> &links, const QString &text,
                                       QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_nodes(nodes)
    , m_links(links)
{}

void InsertItemsCommand::redo()
{
    for (const Node &node : std::as_const(m_nodes))
        m_document->insertNode(-1, node);
    for (const Link &link : std::as_const(m_links))
        m_document->insertLink(-1, link);
}

void InsertItemsCommand::undo()
{
    for (auto it = m_links.crbegin(); it != m_links.crend(); ++it)
        m_document->takeLink(it->from, it->to);
    for (auto it = m_nodes.crbegin(); it != m_nodes.crend(); ++it)
        m_document->takeNode(it->id);
}

} // namespace infralab
