#include "live/liveeditsync.h"

#include "document/document.h"
#include "live/labsession.h"
#include "live/liveoverlay.h"
#include "validation/validator.h"

#include <QJsonDocument>
#include <QSet>

namespace infralab {

LiveEditSync::LiveEditSync(live::LabSession *session, Document *document, LiveOverlay *overlay,
                           QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_document(document)
    , m_overlay(overlay)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &LiveEditSync::check);
    for (auto signal : {&Document::nodeAdded, &Document::nodeRemoved, &Document::nodeChanged})
        connect(document, signal, this, &LiveEditSync::scheduleCheck);
    for (auto signal : {&Document::linkAdded, &Document::linkRemoved, &Document::linkChanged})
        connect(document, signal, this, &LiveEditSync::scheduleCheck);
    connect(session, &live::LabSession::phaseChanged, this, [this](live::LabSession::Phase phase) {
        if (phase == live::LabSession::Phase::Stopped)
            showMarks({});
        else if (phase == live::LabSession::Phase::Running)
            check(); // edits made while it was starting
    });
}

void LiveEditSync::setApplyLive(bool applyLive)
{
    m_applyLive = applyLive;
    if (applyLive)
        scheduleCheck();
}

void LiveEditSync::scheduleCheck()
{
    if (m_session->isActive())
        m_debounce.start();
}

QStringList LiveEditSync::pendingNodes() const
{
    if (!m_session->isActive())
        return {};
    const Topology &edited = m_document->topology();
    const Topology &running = m_session->runningTopology();
    QSet<QString> pending;
    for (const Node &node : edited.nodes) {
        const Node *before = running.findNode(node.id);
        if (!before || before->kind != node.kind || before->config != node.config)
            pending.insert(node.id);
    }
    // A link added, removed or re-configured changes what its caller sends to.
    const auto linkKeys = [](const Topology &topology) {
        QHash<QString, QString> keys; // "from>to" → config as text
        for (const Link &link : topology.links) {
            keys.insert(
                link.from + QLatin1Char('>') + link.to,
                QString::fromUtf8(QJsonDocument(link.config).toJson(QJsonDocument::Compact)));
        }
        return keys;
    };
    const QHash<QString, QString> now = linkKeys(edited);
    const QHash<QString, QString> then = linkKeys(running);
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (then.value(it.key(), QStringLiteral("\x01")) != it.value())
            pending.insert(it.key().section(QLatin1Char('>'), 0, 0));
    }
    for (auto it = then.cbegin(); it != then.cend(); ++it) {
        if (!now.contains(it.key()))
            pending.insert(it.key().section(QLatin1Char('>'), 0, 0));
    }
    QStringList ids;
    for (const Node &node : edited.nodes) {
        if (pending.contains(node.id))
            ids.append(node.id);
    }
    // Removing a node shows on no card, yet the lab still differs.
    if (ids.isEmpty()) {
        for (const Node &node : running.nodes) {
            if (!edited.findNode(node.id))
                return {node.id};
        }
    }
    return ids;
}

bool LiveEditSync::applyNow()
{
    if (!m_session->isActive())
        return false;
    const Topology &topology = m_document->topology();
    if (hasErrors(validateTopology(topology))) {
        emit statusMessage(tr("Edits not applied: fix the errors in the Problems dock first."));
        showMarks(pendingNodes());
        return false;
    }
    if (pendingNodes().isEmpty())
        return true;
    m_session->apply(topology);
    showMarks({});
    emit statusMessage(tr("Edits applied to the running lab."));
    return true;
}

void LiveEditSync::check()
{
    if (!m_session->isActive())
        return;
    const QStringList pending = pendingNodes();
    if (pending.isEmpty()) {
        showMarks({});
        return;
    }
    if (m_applyLive && m_session->phase() == live::LabSession::Phase::Running && applyNow())
        return;
    showMarks(pending);
}

void LiveEditSync::showMarks(const QStringList &pending)
{
    for (const QString &id : std::as_const(m_marked)) {
        if (!pending.contains(id))
            m_overlay->setPendingMark(id, QString());
    }
    for (const QString &id : pending)
        m_overlay->setPendingMark(id, tr("edited, not applied"));
    m_marked = pending;
}

} // namespace infralab
