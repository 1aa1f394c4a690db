#pragma once

#include "validation/problem.h"

#include <QDockWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace infralab {

class Document;
class TopologyScene;
class TopologyView;

// Live problems of the open document: the validator's errors and warnings followed by the design
// lints, as the document's one validation computed them (DocumentValidation: once per change, a
// run of keystrokes once, a drag never), then the running lab's.
// Clicking a problem selects its node (or its link's caller when links are not selectable) and
// centres the view on it.
class ProblemsDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsDock)

public:
    ProblemsDock(Document *document, TopologyScene *scene, TopologyView *view,
                 QWidget *parent = nullptr);

    const Problems &problems() const { return m_problems; }
    QTreeWidget *tree() const { return m_tree; }
    void refresh();            // lists the document's problems as of now
    void showProblem(int row); // selects and centres on the problem's node or link
    // Problems of the running lab (a node that failed to start), listed after the
    // validator's until replaced; empty clears them.
    void setRuntimeProblems(const Problems &problems);

signals:
    void problemsChanged(const Problems &problems);

private:
    Document *m_document;
    TopologyScene *m_scene;
    TopologyView *m_view;
    QTreeWidget *m_tree;
    Problems m_problems;
    Problems m_runtimeProblems;
};

} // namespace infralab
