#include "document/commands/setnodeconfigcommand.h"

#include "document/commands/commandids.h"
#include "document/document.h"

#include <QCoreApplication>

#include <algorithm>

namespace infralab {

namespace {

QString commandText(const QStringList &ids, const QString &key, bool reset)
{
    if (ids.size() == 1) {
        return (reset ? QCoreApplication::translate("SetNodeConfigCommand", "Reset %1 of %2")
                      : QCoreApplication::translate("SetNodeConfigCommand", "Set %1 of %2"))
            .arg(key, ids.constFirst());
    }
    const int n = int(ids.size());
    return (reset ? QCoreApplication::translate("SetNodeConfigCommand", "Reset %1 of %n nodes",
                                                nullptr, n)
                  : QCoreApplication::translate("SetNodeConfigCommand", "Set %1 of %n nodes",
                                                nullptr, n))
        .arg(key);
}

} // namespace

int nextEditSession()
{
    static int session = 0;
    return ++session;
}

SetNodeConfigCommand::SetNodeConfigCommand(Document *document, const QStringList &ids,
                                           const QString &key,
                                           const std::optional<QJsonValue> &value, int session)
    : QUndoCommand(commandText(ids, key, !value))
    , m_document(document)
    , m_ids(ids)
    , m_key(key)
    , m_after(value)
    , m_session(session)
{
    for (const QString &id : ids) {
        const Node *node = document->topology().findNode(id);
        Q_ASSERT(node);
        const auto it = node ? node->config.constFind(key) : QJsonObject::const_iterator();
        if (node && it != node->config.constEnd())
            m_before.append(it.value());
        else
            m_before.append(std::nullopt);
    }
}

int SetNodeConfigCommand::id() const
{
    return commandId(CommandId::SetNodeConfig);
}

bool SetNodeConfigCommand::mergeWith(const QUndoCommand *other)
{
    const auto *set = static_cast<const SetNodeConfigCommand *>(other);
    if (m_session == 0 || set->m_session != m_session || set->m_ids != m_ids || set->m_key != m_key)
        return false;
    m_after = set->m_after;
    setText(commandText(m_ids, m_key, !m_after));
    setObsolete(std::all_of(m_before.cbegin(), m_before.cend(),
                            [this](const std::optional<QJsonValue> &v) { return v == m_after; }));
    return true;
}

void SetNodeConfigCommand::redo()
{
    apply(true);
}

void SetNodeConfigCommand::undo()
{
    apply(false);
}

void SetNodeConfigCommand::apply(bool after)
{
    for (qsizetype i = 0; i < m_ids.size(); ++i) {
        const Node *node = m_document->topology().findNode(m_ids.at(i));
        if (!node)
            continue;
        Node changed = *node;
        const std::optional<QJsonValue> &value = after ? m_after : m_before.at(i);
        if (value)
            changed.config.insert(m_key, *value);
        else
            changed.config.remove(m_key);
        m_document->setNode(changed);
    }
}

} // namespace infralab
