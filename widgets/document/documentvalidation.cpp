#include "document/documentvalidation.h"

#include "document/document.h"
#include "runtime/componentfactory.h"
#include "validation/designlints.h"
#include "validation/validator.h"

#include <cmath>

namespace infralab {

DocumentValidation::DocumentValidation(Document *document)
    : QObject(document)
    , m_document(document)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &DocumentValidation::validate);
    connect(document, &Document::topologyReset, this, &DocumentValidation::validate);
    connect(document, &Document::nodeChanged, this, &DocumentValidation::onNodeChanged);
    for (auto signal : {&Document::nodeAdded, &Document::nodeRemoved})
        connect(document, signal, this, &DocumentValidation::schedule);
    for (auto signal : {&Document::linkAdded, &Document::linkRemoved, &Document::linkChanged})
        connect(document, signal, this, &DocumentValidation::schedule);
    validate();
}

bool DocumentValidation::hasErrors() const
{
    return infralab::hasErrors(m_problems);
}

const DocumentValidation &DocumentValidation::upToDate()
{
    if (isPending())
        validate();
    return *this;
}

void DocumentValidation::schedule()
{
    m_debounce.start();
}

Problems DocumentValidation::lint(const Topology &topology)
{
    static const QStringList runnable = runtime::ComponentFactory::builtIn().kinds();
    return lintTopology(topology) + lintNotRunnable(topology, runnable);
}

void DocumentValidation::validate()
{
    m_debounce.stop();
    const Topology &topology = m_document->topology();
    m_problems = validateTopology(topology);
    m_lints = lint(topology);
    ++m_validationCount;
    emit validationChanged();
}

void DocumentValidation::onNodeChanged(const QString &id, NodeChanges changes)
{
    constexpr NodeChanges Unchecked = NodeChange::Position | NodeChange::Description;
    if ((changes & ~Unchecked) || (changes.testFlag(NodeChange::Position) && positionMatters(id)))
        schedule();
}

// The validator's only position rule: x and y are finite. A move matters when it breaks that
// rule or mends a node the last validation flagged for it.
bool DocumentValidation::positionMatters(const QString &id) const
{
    const Node *node = m_document->topology().findNode(id);
    if (node && node->position
        && (!std::isfinite(node->position->x()) || !std::isfinite(node->position->y())))
        return true;
    for (const Problem &problem : m_problems) {
        if (problem.nodeId == id && problem.path.endsWith(QLatin1String(".position")))
            return true;
    }
    return false;
}

} // namespace infralab
