#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QUndoCommand>

#include <optional>
#include <utility>

namespace infralab {

class Document;

// SetNodeConfigCommand for links: sets or resets (removes) one key of the link settings of
// one or more links, each identified by its (from, to) pair. One edit session merges.
class SetLinkConfigCommand final : public QUndoCommand
{
public:
    using LinkKey = std::pair<QString, QString>;

    // session 0 never merges.
    SetLinkConfigCommand(Document *document, const QList<LinkKey> &links, const QString &key,
                         const std::optional<QJsonValue> &value, int session);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

private:
    void apply(bool after);

    Document *m_document;
    QList<LinkKey> m_links;
    QString m_key;
    QList<std::optional<QJsonValue>> m_before; // per link; nullopt: the key was not set
    std::optional<QJsonValue> m_after;
    int m_session;
};

} // namespace infralab
