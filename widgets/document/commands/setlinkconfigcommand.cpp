#include "document/commands/setlinkconfigcommand.h"

#include "document/commands/commandids.h"
#include "document/document.h"

#include <QCoreApplication>

#include <algorithm>

namespace infralab {

namespace {

QString commandText(const QList<SetLinkConfigCommand::LinkKey> &links, const QString &key,
                    bool reset)
{
    if (links.size() == 1) {
        const auto &[from, to] = links.constFirst();
        return (reset ? QCoreApplication::translate("SetLinkConfigCommand", "Reset %1 of %2 → %3")
                      : QCoreApplication::translate("SetLinkConfigCommand", "Set %1 of %2 → %3"))
            .arg(key, from, to);
    }
    const int n = int(links.size());
    return (reset ? QCoreApplication::translate("SetLinkConfigCommand", "Reset %1 of %n links",
                                                nullptr, n)
                  : QCoreApplication::translate("SetLinkConfigCommand", "Set %1 of %n links",
                                                nullptr, n))
        .arg(key);
}

} // namespace

SetLinkConfigCommand::SetLinkConfigCommand(Document *document, const QList<LinkKey> &links,
                                           const QString &key,
                                           const std::optional<QJsonValue> &value, int session)
    : QUndoCommand(commandText(links, key, !value))
    , m_document(document)
    , m_links(links)
    , m_key(key)
    , m_after(value)
    , m_session(session)
{
    const Topology &topology = document->topology();
    for (const auto &[from, to] : links) {
        const int index = topology.indexOfLink(from, to);
        Q_ASSERT(index >= 0);
        const QJsonObject config = index >= 0 ? topology.links.at(index).config : QJsonObject();
        const auto it = config.constFind(key);
        if (it != config.constEnd())
            m_before.append(it.value());
        else
            m_before.append(std::nullopt);
    }
}

int SetLinkConfigCommand::id() const
{
    return commandId(CommandId::SetLinkConfig);
}

bool SetLinkConfigCommand::mergeWith(const QUndoCommand *other)
{
    const auto *set = static_cast<const SetLinkConfigCommand *>(other);
    if (m_session == 0 || set->m_session != m_session || set->m_links != m_links
        || set->m_key != m_key)
        return false;
    m_after = set->m_after;
    setText(commandText(m_links, m_key, !m_after));
    setObsolete(std::all_of(m_before.cbegin(), m_before.cend(),
                            [this](const std::optional<QJsonValue> &v) { return v == m_after; }));
    return true;
}

void SetLinkConfigCommand::redo()
{
    apply(true);
}

void SetLinkConfigCommand::undo()
{
    apply(false);
}

void SetLinkConfigCommand::apply(bool after)
{
    const Topology &topology = m_document->topology();
    for (qsizetype i = 0; i < m_links.size(); ++i) {
        const int index = topology.indexOfLink(m_links.at(i).first, m_links.at(i).second);
        if (index < 0)
            continue;
        Link changed = topology.links.at(index);
        const std::optional<QJsonValue> &value = after ? m_after : m_before.at(i);
        if (value)
            changed.config.insert(m_key, *value);
        else
            changed.config.remove(m_key);
        m_document->setLink(changed);
    }
}

} // namespace infralab
