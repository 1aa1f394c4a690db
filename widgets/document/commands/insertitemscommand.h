#pragma once

#include "model/topology.h"

#include <QList>
#include <QUndoCommand>

namespace infralab {

class Document;

// Adds a set of nodes and the links among them (paste, duplicate), appended to the file's
// lists. The caller gives the nodes fresh ids first (TopologyFragment::prepareForInsert).
class InsertItemsCommand final : public QUndoCommand
{
public:
    InsertItemsCommand(Document *document, const QList<Node> &nodes, const QList<Link> &links,
                       const QString &text, QUndoCommand *parent = nullptr);

    const QList<Node> &nodes() const { return m_nodes; }
    void undo() override;
    void redo() override;

private:
    Document *m_document;
    QList<Node> m_nodes;
    QList<Link> m_links;
};

} // namespace infralab
