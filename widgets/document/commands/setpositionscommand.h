#pragma once

#include <QHash>
#include <QPointF>
#include <QString>
#include <QUndoCommand>

#include <optional>

namespace infralab {

class Document;

// Moves a set of nodes to given positions (auto-layout, arrow keys, the base of a drag). Undo
// gives every node back its exact previous position, including "none" for a node the file
// never placed, so the saved file comes back byte for byte.
class SetPositionsCommand : public QUndoCommand
{
public:
    SetPositionsCommand(Document *document, const QHash<QString, QPointF> &positions,
                        const QString &text, QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

protected:
    Document *m_document;
    QHash<QString, std::optional<QPointF>> m_before;
    QHash<QString, QPointF> m_after;
};

} // namespace infralab
