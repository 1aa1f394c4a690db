#include "docks/problemsdock.h"

#include "canvas/linkitem.h"
#include "canvas/nodeitem.h"
#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"
#include "document/document.h"
#include "document/documentvalidation.h"

#include <QHeaderView>
#include <QStyle>
#include <QTreeWidget>

namespace infralab {

ProblemsDock::ProblemsDock(Document *document, TopologyScene *scene, TopologyView *view,
                           QWidget *parent)
    : QDockWidget(tr("Problems"), parent)
    , m_document(document)
    , m_scene(scene)
    , m_view(view)
    , m_tree(new QTreeWidget)
{
    setObjectName(QStringLiteral("ProblemsDock"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Problem"), tr("Location")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setWidget(m_tree);

    connect(document->validation(), &DocumentValidation::validationChanged, this,
            &ProblemsDock::refresh);
    connect(m_tree, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { showProblem(m_tree->indexOfTopLevelItem(item)); });
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { showProblem(m_tree->indexOfTopLevelItem(item)); });
    refresh();
}

void ProblemsDock::refresh()
{
    const DocumentValidation &validation = m_document->validation()->upToDate();
    m_problems = validation.problems() + validation.lints() + m_runtimeProblems;

    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    m_tree->clear();
    for (const Problem &problem : std::as_const(m_problems)) {
        auto *item = new QTreeWidgetItem(m_tree, {problem.message, problem.path});
        item->setIcon(0, problem.isError() ? errorIcon : warningIcon);
        item->setToolTip(0, problem.toString());
    }
    int errors = 0;
    for (const Problem &problem : std::as_const(m_problems))
        errors += problem.isError();
    const int warnings = int(m_problems.size()) - errors;
    // "Problems (1 error, 2 warnings)", counts of zero left out.
    QStringList counts;
    if (errors > 0)
        counts.append(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    if (warnings > 0)
        counts.append(warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    setWindowTitle(counts.isEmpty() ? tr("Problems")
                                    : tr("Problems (%1)").arg(counts.join(QStringLiteral(", "))));
    emit problemsChanged(m_problems);
}

void ProblemsDock::setRuntimeProblems(const Problems &problems)
{
    if (problems == m_runtimeProblems)
        return;
    m_runtimeProblems = problems;
    refresh();
}

void ProblemsDock::showProblem(int row)
{
    if (row < 0 || row >= m_problems.size())
        return;
    const Problem &problem = m_problems.at(row);
    const Topology &topology = m_document->topology();
    QGraphicsItem *target = nullptr;
    if (problem.linkIndex >= 0 && problem.linkIndex < topology.links.size()) {
        const Link &link = topology.links.at(problem.linkIndex);
        LinkItem *linkItem = m_scene->linkItem(link.from, link.to);
        if (linkItem && (linkItem->flags() & QGraphicsItem::ItemIsSelectable))
            target = linkItem;
        else
            target = m_scene->nodeItem(link.from);
    } else if (!problem.nodeId.isEmpty()) {
        target = m_scene->nodeItem(problem.nodeId);
    }
    if (!target)
        return;
    m_scene->clearSelection();
    target->setSelected(true);
    m_view->centerOn(target);
}

} // namespace infralab
