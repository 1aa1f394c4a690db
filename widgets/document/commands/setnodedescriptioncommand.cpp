#include "document/commands/setnodedescriptioncommand.h"

#include "document/commands/commandids.h"
#include "document/document.h"

#include <QCoreApplication>

namespace infralab {

SetNodeDescriptionCommand::SetNodeDescriptionCommand(Document *document, const QString &id,
                                                     const QString &description, int session)
    : QUndoCommand(QCoreApplication::translate("SetNodeDescriptionCommand", "Describe %1").arg(id))
    , m_document(document)
    , m_id(id)
    , m_after(description)
    , m_session(session)
{
    const Node *node = document->topology().findNode(id);
    Q_ASSERT(node);
    if (node)
        m_before = node->description;
}

int SetNodeDescriptionCommand::id() const
{
    return commandId(CommandId::SetDescription);
}

bool SetNodeDescriptionCommand::mergeWith(const QUndoCommand *other)
{
    const auto *set = static_cast<const SetNodeDescriptionCommand *>(other);
    if (m_session == 0 || set->m_session != m_session || set->m_id != m_id)
        return false;
    m_after = set->m_after;
    setObsolete(m_after == m_before);
    return true;
}

void SetNodeDescriptionCommand::redo()
{
    apply(m_after);
}

void SetNodeDescriptionCommand::undo()
{
    apply(m_before);
}

void SetNodeDescriptionCommand::apply(const QString &description)
{
    const Node *node = m_document->topology().findNode(m_id);
    if (!node)
        return;
    Node changed = *node;
    changed.description = description;
    m_document->setNode(changed);
}

} // namespace infralab
