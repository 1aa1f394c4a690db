#include "document/commands/addnodecommand.h"

#include "catalogue/componentcatalogue.h"
#include "document/document.h"

#include <QCoreApplication>

namespace infralab {

AddNodeCommand::AddNodeCommand(Document *document, const Node &node, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_node(node)
{
    setText(tr("Add %1").arg(node.displayName()));
}

Node AddNodeCommand::newNode(const Topology &topology, const QString &kind, const QPointF &position)
{
    const KindInfo *info = ComponentCatalogue::instance().find(kind);
    if (!info)
        return {};
    Node node;
    node.kind = info->kind;
    node.id = topology.uniqueId(info->idPrefix);
    // "web-3" → "Web server 3": the number matches the id, the words are the kind's.
    const QString number = node.id.mid(info->idPrefix.size() + 1);
    node.name = QCoreApplication::translate("Catalogue", info->displayName.toUtf8().constData())
                + QLatin1Char(' ') + number;
    node.position = position;
    return node;
}

void AddNodeCommand::undo()
{
    m_document->takeNode(m_node.id);
}

void AddNodeCommand::redo()
{
    m_document->insertNode(-1, m_node);
}

} // namespace infralab
