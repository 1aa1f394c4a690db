#pragma once

#include "model/topology.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace infralab {

class Document;

// Adds one node (from the palette: a drop or a double-click). Undo takes it out again; the
// node is the whole state, so redo after undo restores exactly what was added.
class AddNodeCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddNodeCommand)

public:
    AddNodeCommand(Document *document, const Node &node, QUndoCommand *parent = nullptr);

    // A new node of `kind` at `position` with a fresh id (`web-1`) and a name ("Web 1") from the
    // catalogue's id prefix and display name; an unknown kind gives an empty node.
    static Node newNode(const Topology &topology, const QString &kind, const QPointF &position);

    const Node &node() const { return m_node; }
    void undo() override;
    void redo() override;

private:
    Document *m_document;
    Node m_node;
};

} // namespace infralab
