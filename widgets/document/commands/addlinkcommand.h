#pragma once

#include "model/topology.h"

#include <QUndoCommand>

namespace infralab {

class Document;

// Links a caller to a callee (appended to the file's link list). The tool checks the catalogue
// before pushing it; the command trusts it.
class AddLinkCommand final : public QUndoCommand
{
public:
    AddLinkCommand(Document *document, const Link &link, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    Document *m_document;
    Link m_link;
};

} // namespace infralab
