#include "document/commands/movenodescommand.h"

#include "document/commands/commandids.h"

#include <QCoreApplication>

namespace infralab {

MoveNodesCommand::MoveNodesCommand(Document *document, const QHash<QString, QPointF> &positions,
                                   int gesture)
    : SetPositionsCommand(document, positions,
                          positions.size() == 1
                              ? QCoreApplication::translate("MoveNodesCommand", "Move node")
                              : QCoreApplication::translate("MoveNodesCommand", "Move %n nodes",
                                                            nullptr, int(positions.size())))
    , m_gesture(gesture)
{}

int MoveNodesCommand::id() const
{
    return commandId(CommandId::Move);
}

bool MoveNodesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveNodesCommand *>(other);
    if (m_gesture == 0 || move->m_gesture != m_gesture || move->m_after.size() != m_after.size())
        return false;
    for (auto it = move->m_after.cbegin(); it != move->m_after.cend(); ++it) {
        if (!m_after.contains(it.key()))
            return false;
    }
    m_after = move->m_after;
    bool unchanged = true;
    for (auto it = m_after.cbegin(); it != m_after.cend() && unchanged; ++it)
        unchanged = m_before.value(it.key()) == it.value();
    setObsolete(unchanged);
    return true;
}

int MoveNodesCommand::nextGesture()
{
    static int gesture = 0;
    return ++gesture;
}

} // namespace infralab
