#include "live/liveoverlay.h"

#include "canvas/linkitem.h"
#include "canvas/nodeitem.h"
#include "canvas/topologyscene.h"
#include "document/document.h"
#include "live/linkflowitem.h"
#include "live/nodestatusitem.h"

#include <QLocale>
#include <QUrl>

namespace infralab {

namespace {

template<typename T>
T *childOfType(const QGraphicsItem *parent)
{
    for (QGraphicsItem *child : parent->childItems()) {
        if (child->type() == T::Type)
            return static_cast<T *>(child);
    }
    return nullptr;
}

QString numberText(double value, int decimals = 0)
{
    return QLocale().toString(value, 'f', decimals);
}

} // namespace

LiveOverlay::LiveOverlay(live::LabSession *session, TopologyScene *scene, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_scene(scene)
{
    m_frames.setInterval(FrameMs);
    m_frames.setTimerType(Qt::PreciseTimer);
    m_clock.start();
    connect(&m_frames, &QTimer::timeout, this, &LiveOverlay::animate);
    connect(session, &live::LabSession::phaseChanged, this, &LiveOverlay::onPhase);
    connect(session, &live::LabSession::nodeStateChanged, this,
            [this](const QString &nodeId) { onNodeState(nodeId); });
    connect(session, &live::LabSession::eventLogged, this, &LiveOverlay::onEvent);
    connect(session, &live::LabSession::snapshotReady, this, &LiveOverlay::onSnapshot);
    // Rebuilt items (a file opened while running) get their overlay at the next tick; a
    // reset while stopped has none to lose.
    connect(scene, &TopologyScene::contentReset, this, [this] {
        if (m_session->isActive())
            onSnapshot(m_session->latest());
    });
}

NodeStatusItem *LiveOverlay::statusItem(const QString &nodeId) const
{
    const NodeItem *card = m_scene->nodeItem(nodeId);
    return card ? childOfType<NodeStatusItem>(card) : nullptr;
}

LinkFlowItem *LiveOverlay::flowItem(const QString &from, const QString &to) const
{
    const LinkItem *link = m_scene->linkItem(from, to);
    return link ? childOfType<LinkFlowItem>(link) : nullptr;
}

void LiveOverlay::setPendingMark(const QString &nodeId, const QString &mark)
{
    if (mark.isEmpty())
        m_pending.remove(nodeId);
    else
        m_pending.insert(nodeId, mark);
    refreshMark(nodeId);
}

void LiveOverlay::onPhase(live::LabSession::Phase phase)
{
    if (phase == live::LabSession::Phase::Starting) {
        m_recent.clear();
        m_health.clear();
        for (const NodeItem *card : m_scene->nodeItems())
            onNodeState(card->id());
    } else if (phase == live::LabSession::Phase::Stopped) {
        m_frames.stop();
        removeItems();
    }
}

void LiveOverlay::removeItems()
{
    const Document *document = m_scene->document();
    for (NodeItem *card : m_scene->nodeItems()) {
        delete childOfType<NodeStatusItem>(card);
        card->setRunState(NodeItem::RunState::None);
        if (const Node *node = document->topology().findNode(card->id()))
            card->sync(*node); // the design-time tooltip again
    }
    for (LinkItem *link : m_scene->linkItems()) {
        delete childOfType<LinkFlowItem>(link);
        link->setToolTip(QString());
    }
}

NodeStatusItem *LiveOverlay::ensureStatus(const QString &nodeId)
{
    NodeItem *card = m_scene->nodeItem(nodeId);
    if (!card)
        return nullptr;
    NodeStatusItem *status = childOfType<NodeStatusItem>(card);
    if (!status) {
        status = new NodeStatusItem(card);
        refreshMark(nodeId);
    }
    return status;
}

void LiveOverlay::onNodeState(const QString &nodeId)
{
    if (!m_session->isActive())
        return;
    NodeStatusItem *status = ensureStatus(nodeId);
    if (!status)
        return;
    if (m_session->state(nodeId) == runtime::NodeState::Starting)
        status->clearHistory();
    refreshNode(nodeId, m_session->latest().get());
}

void LiveOverlay::onEvent(const runtime::LabEvent &event)
{
    QString mark;
    if (event.type == QLatin1String("restart"))
        mark = tr("restarted to apply");
    else if (event.type == QLatin1String("config-applied")
             || event.type == QLatin1String("links-applied"))
        mark = tr("applied live");
    if (mark.isEmpty() || event.nodeId.isEmpty())
        return;
    m_recent.insert(event.nodeId, {mark, m_clock.elapsed() + AppliedMarkMs});
    refreshMark(event.nodeId);
}

void LiveOverlay::refreshMark(const QString &nodeId)
{
    NodeStatusItem *status = statusItem(nodeId);
    if (!status)
        return;
    QString mark = m_pending.value(nodeId);
    if (mark.isEmpty()) {
        const auto recent = m_recent.constFind(nodeId);
        if (recent != m_recent.cend() && recent->second > m_clock.elapsed())
            mark = recent->first;
    }
    status->setMark(mark);
}

bool LiveOverlay::isUnhealthy(const QString &nodeId, const live::LiveSnapshot *snapshot) const
{
    if (!snapshot)
        return false;
    for (const live::LinkFlow &flow : snapshot->links) {
        if (flow.to == nodeId && flow.exact && flow.isDown())
            return true;
    }
    return false;
}

void LiveOverlay::refreshNode(const QString &nodeId, const live::LiveSnapshot *snapshot)
{
    NodeItem *card = m_scene->nodeItem(nodeId);
    NodeStatusItem *status = card ? childOfType<NodeStatusItem>(card) : nullptr;
    if (!status)
        return;
    const runtime::NodeState state = m_session->state(nodeId);
    const auto judged = m_health.constFind(nodeId);
    const live::TrafficHealth health
        = judged == m_health.cend() ? live::TrafficHealth::NoTraffic : judged->health();
    const LiveState live = liveStateOf(state, isUnhealthy(nodeId, snapshot), health);
    status->setState(live);
    card->setRunState(cardRunState(live));
    const QString detail = m_session->stateDetail(nodeId);
    const QUrl url(detail);
    if (state == runtime::NodeState::Running && url.isValid() && !url.host().isEmpty())
        status->setAddress(QStringLiteral(":%1").arg(url.port())); // every listener is 127.0.0.1
    else if (state != runtime::NodeState::Running)
        status->setAddress(QString());

    QStringList lines;
    lines.append(
        QStringLiteral("<b>%1</b> — %2").arg(card->title().toHtmlEscaped(), liveStateText(live)));
    if (state == runtime::NodeState::Failed || state == runtime::NodeState::Skipped)
        lines.append(detail.toHtmlEscaped());
    else if (state == runtime::NodeState::Running && !detail.isEmpty())
        lines.append(detail.toHtmlEscaped());
    if (const metrics::NodeMetrics *m = snapshot ? snapshot->node(nodeId) : nullptr) {
        const double share = m->requests ? 100.0 * double(m->errorCount) / double(m->requests) : 0;
        lines.append(tr("%1 req/s now · %2 requests · %3 errors (%4%)")
                         .arg(numberText(m->qps, 1), numberText(double(m->requests)),
                              numberText(double(m->errorCount)), numberText(share, 2)));
        lines.append(tr("latency, last second: p50 %1 · p95 %2 · p99 %3")
                         .arg(latencyText(m->p50Ms), latencyText(m->p95Ms), latencyText(m->p99Ms)));
        lines.append(tr("%n active connection(s)", nullptr, m->activeConnections));
        if (health == live::TrafficHealth::Degraded || health == live::TrafficHealth::Failing)
            lines.append(tr("%1% of its answers failed in the last %2 s")
                             .arg(numberText(judged->failedShare() * 100, 2))
                             .arg(HealthWindowMs / 1000));
    } else if (const runtime::NodeDetail *sender
               = snapshot ? snapshot->nodeDetail(nodeId) : nullptr;
               sender && sender->sendingRate >= 0) {
        lines.append(tr("sending %1 req/s · %2 requests done")
                         .arg(numberText(sender->sendingRate, 1), numberText(sender->sent)));
    }
    card->setToolTip(lines.join(QStringLiteral("<br>")));
}

void LiveOverlay::onSnapshot(const std::shared_ptr<const live::LiveSnapshot> &snapshot)
{
    if (!m_session->isActive() || !snapshot)
        return;
    for (NodeItem *card : m_scene->nodeItems()) {
        NodeStatusItem *status = ensureStatus(card->id());
        double rate = -1;
        if (const metrics::NodeMetrics *m = snapshot->node(card->id()))
            rate = m->qps;
        if (const runtime::NodeDetail *sender = snapshot->nodeDetail(card->id());
            sender && sender->sendingRate >= 0)
            rate = sender->sendingRate;
        status->addRate(rate);
        // Health follows the failed share of what a node answers; a load source's failures
        // are its targets' (it is judged by nothing).
        const runtime::NodeDetail *detail = snapshot->nodeDetail(card->id());
        const bool loadSource = detail && detail->sendingRate >= 0;
        if (const metrics::NodeMetrics *m = snapshot->node(card->id());
            m && !loadSource && snapshot->metrics) {
            auto it = m_health.find(card->id());
            if (it == m_health.end())
                it = m_health.insert(card->id(), live::TrafficHealthWindow(HealthWindowMs));
            it->add(snapshot->metrics->timeMs, m->requests, m->errorCount);
        } else {
            m_health.remove(card->id());
        }
        refreshNode(card->id(), snapshot.get());
        refreshMark(card->id());
    }
    bool flowing = false;
    int animated = 0;
    for (LinkItem *link : m_scene->linkItems()) {
        LinkFlowItem *flow = childOfType<LinkFlowItem>(link);
        if (!flow)
            flow = new LinkFlowItem(link);
        const live::LinkFlow *measured = snapshot->link(link->fromId(), link->toId());
        const bool callerRuns = m_session->state(link->fromId()) == runtime::NodeState::Running;
        if (!measured || !callerRuns) {
            flow->setFlow(0, 0, false);
            link->setToolTip(QString());
            continue;
        }
        flow->setFlow(measured->rps, measured->errorRate, measured->isDown(),
                      measured->calleeState == QLatin1String("unavailable"));
        flowing = flowing || flow->isAnimated();
        animated += flow->isAnimated();
        QString text = tr("%1 → %2: %3 req/s, %4% errors")
                           .arg(link->fromId(), link->toId(), numberText(measured->rps, 1),
                                numberText(measured->errorRate * 100, 2));
        text += QLatin1Char('\n')
                + (measured->exact ? tr("counted by %1").arg(link->fromId())
                                   : tr("estimated from %1's rate").arg(link->toId()));
        if (!measured->calleeState.isEmpty())
            text += QLatin1Char('\n') + tr("%1 is %2").arg(link->toId(), measured->calleeState);
        link->setToolTip(text);
    }
    // Many moving links cost many repainted strips: a lower frame rate keeps a large lab's
    // GUI thread near a third of a core (tests/bench/live_bench.cpp), the dots still flow.
    m_frames.setInterval(animated <= 30    ? FrameMs
                         : animated <= 100 ? FrameMs * 3 / 2
                                           : FrameMs * 2);
    if (flowing && !m_frames.isActive()) {
        m_lastFrameMs = m_clock.elapsed();
        m_frames.start();
    } else if (!flowing) {
        m_frames.stop();
    }
}

void LiveOverlay::animate()
{
    const qint64 now = m_clock.elapsed();
    const qreal seconds = qMin<qreal>(0.1, qreal(now - m_lastFrameMs) / 1000.0);
    m_lastFrameMs = now;
    ++m_frameCount;
    for (LinkItem *link : m_scene->linkItems()) {
        if (LinkFlowItem *flow = childOfType<LinkFlowItem>(link))
            flow->advance(seconds);
    }
}

} // namespace infralab
