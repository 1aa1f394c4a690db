#include "document/commands/renamenodecommand.h"

#include "document/commands/commandids.h"
#include "document/document.h"

#include <QCoreApplication>

namespace infralab {

RenameNodeCommand::RenameNodeCommand(Document *document, const QString &id, const QString &name,
                                     int session)
    : QUndoCommand(QCoreApplication::translate("RenameNodeCommand", "Rename %1").arg(id))
    , m_document(document)
    , m_id(id)
    , m_after(name)
    , m_session(session)
{
    const Node *node = document->topology().findNode(id);
    Q_ASSERT(node);
    if (node)
        m_before = node->name;
}

int RenameNodeCommand::id() const
{
    return commandId(CommandId::Rename);
}

bool RenameNodeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *rename = static_cast<const RenameNodeCommand *>(other);
    if (m_session == 0 || rename->m_session != m_session || rename->m_id != m_id)
        return false;
    m_after = rename->m_after;
    setObsolete(m_after == m_before);
    return true;
}

void RenameNodeCommand::redo()
{
    apply(m_after);
}

void RenameNodeCommand::undo()
{
    apply(m_before);
}

void RenameNodeCommand::apply(const QString &name)
{
    const Node *node = m_document->topology().findNode(m_id);
    if (!node)
        return;
    Node renamed = *node;
    renamed.name = name;
    m_document->setNode(renamed);
}

int RenameNodeCommand::nextSession()
{
    static int session = 0;
    return ++session;
}

} // namespace infralab
