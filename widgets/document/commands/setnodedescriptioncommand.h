#pragma once

#include <QString>
#include <QUndoCommand>

namespace infralab {

class Document;

// Sets a node's description (the inspector's description field). Keystrokes of one edit
// session merge into one undo step, as renames do.
class SetNodeDescriptionCommand final : public QUndoCommand
{
public:
    // session 0 never merges.
    SetNodeDescriptionCommand(Document *document, const QString &id, const QString &description,
                              int session);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

private:
    void apply(const QString &description);

    Document *m_document;
    QString m_id;
    QString m_before;
    QString m_after;
    int m_session;
};

} // namespace infralab
