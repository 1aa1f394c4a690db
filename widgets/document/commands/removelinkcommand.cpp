#include "document/commands/removelinkcommand.h"

#include "document/document.h"

#include <QCoreApplication>

namespace infralab {

RemoveLinkCommand::RemoveLinkCommand(Document *document, const QString &from, const QString &to,
                                     QUndoCommand *parent)
    : QUndoCommand(
        QCoreApplication::translate("RemoveLinkCommand", "Unlink %1 from %2").arg(from, to), parent)
    , m_document(document)
    , m_index(document->topology().indexOfLink(from, to))
{
    Q_ASSERT(m_index >= 0);
    if (m_index >= 0)
        m_link = document->topology().links.at(m_index);
}

void RemoveLinkCommand::redo()
{
    m_document->takeLink(m_link.from, m_link.to);
}

void RemoveLinkCommand::undo()
{
    m_document->insertLink(m_index, m_link);
}

} // namespace infralab
