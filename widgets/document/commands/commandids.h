#pragma once

namespace infralab {

// The merge ids of every undo command (QUndoCommand::id()), in one place so no two commands
// share one by accident (Tiled's undocommands.h). Commands that never merge return -1 and are
// not listed. Append new ids at the end.
enum class CommandId : int {
    Move = 1,       // MoveNodesCommand: one drag or one run of arrow-key presses
    SetNodeConfig,  // SetNodeConfigCommand: typing into one inspector field
    SetLinkConfig,  // SetLinkConfigCommand: the same for a link's settings
    Rename,         // RenameNodeCommand: a run of keystrokes in one node's name
    SetPositions,   // SetPositionsCommand: never merges, listed for completeness
    SetDescription, // SetNodeDescriptionCommand: typing into the inspector's description
};

constexpr int commandId(CommandId id)
{
    return static_cast<int>(id);
}

// A fresh edit session number: every command pushed with the same one by the same editor
// merges (the keystrokes typed into one inspector field). 0 is "never merge".
int nextEditSession();

} // namespace infralab
