#pragma once

#include "document/commands/setpositionscommand.h"

namespace infralab {

// Moves nodes by the mouse or the keyboard. Every step of one gesture carries the same
// gesture number, and steps of one gesture on the same nodes merge, so a whole drag is one
// undo step; a drag that ends where it began makes itself obsolete.
class MoveNodesCommand final : public SetPositionsCommand
{
public:
    // gesture 0 never merges (a single arrow-key press).
    MoveNodesCommand(Document *document, const QHash<QString, QPointF> &positions, int gesture);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    // A fresh gesture number for the next drag.
    static int nextGesture();

private:
    int m_gesture;
};

} // namespace infralab
