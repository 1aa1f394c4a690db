#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace infralab {

class Document;
class LiveOverlay;

namespace live {
class LabSession;
}

// Editing while the lab runs: after each edit (debounced, so a drag or a run of keystrokes
// applies once) the document's topology goes to the running lab through LabSession::apply —
// live where the component takes it, else the node restarts, as the events say. Only edits of
// what runs count (config, kind, nodes and links): a drag applies nothing. Errors are the
// document's one validation (DocumentValidation), not a check of its own. Nodes whose
// document config differs from what runs (Apply Edits Live off, or errors in the topology)
// are marked on the canvas until applied.
class LiveEditSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveEditSync)

public:
    static constexpr int DebounceMs = 300;

    LiveEditSync(live::LabSession *session, Document *document, LiveOverlay *overlay,
                 QObject *parent = nullptr);

    void setApplyLive(bool applyLive);
    bool applyLive() const { return m_applyLive; }
    // Applies the document now; false (with a status message) when it has errors.
    bool applyNow();
    // Node ids whose document config, kind or outgoing links differ from the running lab's.
    QStringList pendingNodes() const;
    // True while an edit waits out the debounce before it is checked (and maybe applied).
    bool isCheckScheduled() const { return m_debounce.isActive(); }

signals:
    void statusMessage(const QString &message);
    // The document went to the running lab (LabSession::apply), once per settled edit.
    void editsApplied();

private:
    void scheduleCheck();
    void check();
    void showMarks(const QStringList &pending);

    live::LabSession *m_session;
    Document *m_document;
    LiveOverlay *m_overlay;
    QTimer m_debounce;
    QStringList m_marked;
    bool m_applyLive = true;
};

} // namespace infralab
