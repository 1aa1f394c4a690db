#pragma once

#include <QString>
#include <QUndoCommand>

namespace infralab {

class Document;

// Sets a node's display name. The in-place editor pushes one per keystroke with the same
// session number; those merge, so a whole rename is one undo step.
class RenameNodeCommand final : public QUndoCommand
{
public:
    // session 0 never merges.
    RenameNodeCommand(Document *document, const QString &id, const QString &name, int session);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

    static int nextSession();

private:
    void apply(const QString &name);

    Document *m_document;
    QString m_id;
    QString m_before;
    QString m_after;
    int m_session;
};

} // namespace infralab
