#pragma once

#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <QUndoCommand>

#include <optional>

namespace infralab {

class Document;

// Sets one configuration key on one or more nodes (an inspector edit applies to the whole
// selection as one step), or resets it: without a value the key is removed, so the node takes
// the catalogue's default again. Commands of one edit session on the same nodes and key merge,
// so typing into a field is one undo step; undo restores each node's key exactly as it was,
// absent keys included.
class SetNodeConfigCommand final : public QUndoCommand
{
public:
    // session 0 never merges (a combo box choice, a check box click, a reset).
    SetNodeConfigCommand(Document *document, const QStringList &ids, const QString &key,
                         const std::optional<QJsonValue> &value, int session);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

private:
    void apply(bool after);

    Document *m_document;
    QStringList m_ids;
    QString m_key;
    QList<std::optional<QJsonValue>> m_before; // per id; nullopt: the key was not set
    std::optional<QJsonValue> m_after;
    int m_session;
};

} // namespace infralab
