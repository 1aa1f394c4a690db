#include "document/commands/addlinkcommand.h"

#include "document/document.h"

#include <QCoreApplication>

namespace infralab {

AddLinkCommand::AddLinkCommand(Document *document, const Link &link, QUndoCommand *parent)
    : QUndoCommand(
        QCoreApplication::translate("AddLinkCommand", "Link %1 to %2").arg(link.from, link.to),
        parent)
    , m_document(document)
    , m_link(link)
{}

void AddLinkCommand::redo()
{
    m_document->insertLink(-1, m_link);
}

void AddLinkCommand::undo()
{
    m_document->takeLink(m_link.from, m_link.to);
}

} // namespace infralab
