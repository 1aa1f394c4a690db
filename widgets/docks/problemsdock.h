#pragma once

#include "validation/problem.h"

#include <QDockWidget>
#include <QTimer>

class QTreeWidget;
class QTreeWidgetItem;

namespace infralab {

class Document;
class TopologyScene;
class TopologyView;

// Live problems of the open document: the validator's errors and warnings followed by the design
// lints, re-checked ~150 ms after the last change (a drag or a run of keystrokes checks once).
// Clicking a problem selects its node (or its link's caller when links are not selectable) and
// centres the view on it.
class ProblemsDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsDock)

public:
    static constexpr int DebounceMs = 150;

    ProblemsDock(Document *document, TopologyScene *scene, TopologyView *view,
                 QWidget *parent = nullptr);

    const Problems &problems() const { return m_problems; }
    QTreeWidget *tree() const { return m_tree; }
    void refresh();            // checks now
    void showProblem(int row); // selects and centres on the problem's node or link
    // Problems of the running lab (a node that failed to start), listed after the
    // validator's until replaced; empty clears them.
    void setRuntimeProblems(const Problems &problems);

signals:
    void problemsChanged(const Problems &problems);

private:
    void scheduleRefresh();

    Document *m_document;
    TopologyScene *m_scene;
    TopologyView *m_view;
    QTreeWidget *m_tree;
    QTimer m_debounce;
    Problems m_problems;
    Problems m_runtimeProblems;
};

} // namespace infralab
