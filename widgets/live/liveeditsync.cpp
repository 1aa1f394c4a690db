#include "live/liveeditsync.h"

#include "document/document.h"
#include "document/documentvalidation.h"
#include "live/labsession.h"
#include "live/liveoverlay.h"
#include "model/topologydiff.h"

#include <QSet>

namespace infralab {

namespace {

// The parts of a node the running lab uses (Lab::apply reads the same).
constexpr NodeChanges RunningParts = NodeChange::Kind | NodeChange::Config;

} // namespace

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
    for (auto signal : {&Document::nodeAdded, &Document::nodeRemoved})
        connect(document, signal, this, &LiveEditSync::scheduleCheck);
    // Only what runs: a drag, a rename or a new description is nothing to apply.
    connect(document, &Document::nodeChanged, this, [this](const QString &, NodeChanges changes) {
        if (changes.testAnyFlags(RunningParts))
            scheduleCheck();
    });
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
    const TopologyDiff diff = TopologyDiff::between(m_session->runningTopology(), edited);
    QSet<QString> pending(diff.addedNodes.cbegin(), diff.addedNodes.cend());
    for (const ChangedNode &change : diff.changedNodes) {
        if (change.changes.testAnyFlags(RunningParts))
            pending.insert(change.id);
    }
    // A link added, removed or re-configured changes what its caller sends to.
    for (const auto &[from, to] : diff.addedLinks)
        pending.insert(from);
    for (const auto &[from, to] : diff.removedLinks)
        pending.insert(from);
    for (const ChangedLink &link : diff.changedLinks) {
        if (!link.configKeys.isEmpty())
            pending.insert(link.from);
    }
    QStringList ids;
    for (const Node &node : edited.nodes) {
        if (pending.contains(node.id))
            ids.append(node.id);
    }
    // Removing a node shows on no card, yet the lab still differs.
    if (ids.isEmpty() && !diff.removedNodes.isEmpty())
        return {diff.removedNodes.constFirst()};
    return ids;
}

bool LiveEditSync::applyNow()
{
    if (!m_session->isActive())
        return false;
    const Topology &topology = m_document->topology();
    if (m_document->validation()->upToDate().hasErrors()) {
        emit statusMessage(tr("Edits not applied: fix the errors in the Problems dock first."));
        showMarks(pendingNodes());
        return false;
    }
    if (pendingNodes().isEmpty())
        return true;
    m_session->apply(topology);
    showMarks({});
    emit editsApplied();
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
