#pragma once

#include "model/topology.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUndoCommand>

namespace infralab {

class Document;

// Removes nodes and links; removing a node removes every link that ends at it. Undo puts each
// node and link back at its old index, so the topology (and its saved file) is identical.
class RemoveItemsCommand final : public QUndoCommand
{
public:
    using LinkKey = QPair<QString, QString>; // (from, to)

    RemoveItemsCommand(Document *document, const QStringList &nodeIds, const QList<LinkKey> &links,
                       QUndoCommand *parent = nullptr);

    bool isEmpty() const { return m_nodes.isEmpty() && m_links.isEmpty(); }
    void undo() override;
    void redo() override;

private:
    Document *m_document;
    QList<QPair<int, Node>> m_nodes; // ascending index
    QList<QPair<int, Link>> m_links; // ascending index
};

} // namespace infralab
