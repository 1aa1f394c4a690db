#pragma once

#include "live/labsession.h"
#include "live/traffichealth.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace infralab {

class LinkFlowItem;
class NodeStatusItem;
class TopologyScene;

// Puts a running lab's state on the canvas: a NodeStatusItem on every card and a LinkFlowItem
// on every link while the lab is active, updated once per metrics tick, with the flow dots
// animated by one timer for the whole scene (about 30 frames a second, 20 or 15 with many
// moving links, only while something flows). Tooltips of cards and links give the exact numbers.
// Items are children of the scene's own items, so adding and removing nodes while running needs no
// bookkeeping here.
class LiveOverlay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveOverlay)

public:
    static constexpr int FrameMs = 33;
    // The window over which a running node's failed share is judged (live::TrafficHealth).
    static constexpr int HealthWindowMs = 5000;
    static constexpr int AppliedMarkMs = 4000; // how long "applied live"/"restarted" shows

    LiveOverlay(live::LabSession *session, TopologyScene *scene, QObject *parent = nullptr);

    // A lasting remark on a node ("edited, not applied"); empty clears it. Marks of recent
    // applies (from the events) show when no lasting one is set.
    void setPendingMark(const QString &nodeId, const QString &mark);

    NodeStatusItem *statusItem(const QString &nodeId) const;
    LinkFlowItem *flowItem(const QString &from, const QString &to) const;
    bool isAnimating() const { return m_frames.isActive(); }
    quint64 frameCount() const { return m_frameCount; }

private:
    void onPhase(live::LabSession::Phase phase);
    void onNodeState(const QString &nodeId);
    void onEvent(const runtime::LabEvent &event);
    void onSnapshot(const std::shared_ptr<const live::LiveSnapshot> &snapshot);
    void animate();
    void removeItems();
    NodeStatusItem *ensureStatus(const QString &nodeId);
    void refreshNode(const QString &nodeId, const live::LiveSnapshot *snapshot);
    void refreshMark(const QString &nodeId);
    bool isUnhealthy(const QString &nodeId, const live::LiveSnapshot *snapshot) const;

    live::LabSession *m_session;
    TopologyScene *m_scene;
    QTimer m_frames;
    QElapsedTimer m_clock;
    qint64 m_lastFrameMs = 0;
    quint64 m_frameCount = 0;
    QHash<QString, QString> m_pending;                   // lasting marks
    QHash<QString, std::pair<QString, qint64>> m_recent; // mark, until (m_clock ms)
    QHash<QString, live::TrafficHealthWindow> m_health;  // serving nodes' failed share
};

} // namespace infralab
