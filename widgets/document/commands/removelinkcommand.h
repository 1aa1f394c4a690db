#pragma once

#include "model/topology.h"

#include <QUndoCommand>

namespace infralab {

class Document;

// Unlinks a caller from a callee; undo puts the link back at its old index with its settings.
class RemoveLinkCommand final : public QUndoCommand
{
public:
    RemoveLinkCommand(Document *document, const QString &from, const QString &to,
                      QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    Document *m_document;
    int m_index;
    Link m_link;
};

} // namespace infralab
