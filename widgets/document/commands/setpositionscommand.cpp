#include "document/commands/setpositionscommand.h"

#include "document/document.h"

namespace infralab {

SetPositionsCommand::SetPositionsCommand(Document *document,
                                         const QHash<QString, QPointF> &positions,
                                         const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_after(positions)
{
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        const Node *node = document->topology().findNode(it.key());
        Q_ASSERT(node);
        m_before.insert(it.key(), node ? node->position : std::nullopt);
    }
}

void SetPositionsCommand::undo()
{
    for (auto it = m_before.cbegin(); it != m_before.cend(); ++it) {
        if (it.value()) {
            m_document->setNodePosition(it.key(), *it.value());
        } else if (const Node *node = m_document->topology().findNode(it.key())) {
            Node unplaced = *node;
            unplaced.position.reset();
            m_document->setNode(unplaced);
        }
    }
}

void SetPositionsCommand::redo()
{
    for (auto it = m_after.cbegin(); it != m_after.cend(); ++it)
        m_document->setNodePosition(it.key(), it.value());
}

} // namespace infralab
