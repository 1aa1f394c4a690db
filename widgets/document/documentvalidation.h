#pragma once

#include "model/topologydiff.h"
#include "validation/problem.h"

#include <QObject>
#include <QTimer>

namespace infralab {

class Document;

// The document's problems, computed once per change and shared: the Problems dock lists them,
// the inspector flags its fields with them, the live edit sync and Start refuse a topology with
// errors by them. Edits are coalesced (a run of keystrokes, a multi-node edit or an undo macro
// validates once, DebounceMs after the last edit); a reset validates at once. A node that only
// moved or got a new description is not revalidated: the validator reads a position only to
// refuse a non-finite one and neither it nor the lints read descriptions (a rename is
// revalidated: lint messages name nodes). Readers that must see the latest edit now — a
// selection change, Apply, Start, Save — call upToDate(), which validates a waiting change at
// once instead of later, never twice.
class DocumentValidation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentValidation)

public:
    static constexpr int DebounceMs = 150;

    explicit DocumentValidation(Document *document);

    // As of the last validation (see isPending()).
    const Problems &problems() const { return m_problems; } // the validator's
    const Problems &lints() const { return m_lints; }       // design advice, warnings only
    // The design advice for `topology`: lintTopology() and a warning per node whose kind this
    // version does not run yet.
    static Problems lint(const Topology &topology);
    bool hasErrors() const;
    // True while an edit waits for its validation.
    bool isPending() const { return m_debounce.isActive(); }
    // Validates a waiting edit now; returns *this for reading.
    const DocumentValidation &upToDate();
    // Validations run since construction (tests count them per edit).
    int validationCount() const { return m_validationCount; }

signals:
    // After every validation; readers take problems() and lints() again.
    void validationChanged();

private:
    void schedule();
    void validate();
    void onNodeChanged(const QString &id, NodeChanges changes);
    bool positionMatters(const QString &id) const;

    Document *m_document;
    QTimer m_debounce;
    Problems m_problems;
    Problems m_lints;
    int m_validationCount = 0;
};

} // namespace infralab
