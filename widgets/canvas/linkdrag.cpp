#include "canvas/linkdrag.h"

#include "canvas/nodeitem.h"
#include "canvas/topologyscene.h"
#include "catalogue/componentcatalogue.h"
#include "document/commands/addlinkcommand.h"
#include "document/document.h"

#include <QCoreApplication>
#include <QGraphicsPathItem>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace infralab {

namespace {

// "a database", "an API gateway": English lower-cases the display name inside a sentence;
// a translated display name (German capitalises nouns) is kept as it is.
QString withArticle(const KindInfo &info, const KindStyle &style)
{
    QString name = style.displayName(info.kind);
    if (name == info.displayName && name.size() > 1 && name.at(1).isLower())
        name[0] = name.at(0).toLower();
    const bool vowel = QStringLiteral("aeiouAEIOU").contains(name.at(0));
    return (vowel ? LinkDrag::tr("an %1") : LinkDrag::tr("a %1")).arg(name);
}

QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

LinkDrag::LinkDrag(TopologyScene *scene, NodeItem *caller)
    : m_scene(scene)
    , m_caller(caller)
    , m_preview(new QGraphicsPathItem)
{
    QPen pen(QColor(0x1c, 0x7e, 0xd6), 2, Qt::DashLine, Qt::RoundCap);
    pen.setCosmetic(true);
    m_preview->setPen(pen);
    m_preview->setZValue(5);
    m_scene->addItem(m_preview);
}

LinkDrag::~LinkDrag()
{
    setTarget(nullptr);
    delete m_preview;
}

QString LinkDrag::refusal(const TopologyScene *scene, const QString &caller, const QString &callee)
{
    const Topology &topology = scene->document()->topology();
    const Node *from = topology.findNode(caller);
    const Node *to = topology.findNode(callee);
    if (!from || !to || from == to)
        return tr("A node cannot link to itself");
    if (topology.indexOfLink(caller, callee) >= 0)
        return tr("%1 already calls %2").arg(from->displayName(), to->displayName());
    const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
    const KindInfo *fromInfo = catalogue.find(from->kind);
    const KindInfo *toInfo = catalogue.find(to->kind);
    if (!fromInfo || !toInfo)
        return tr("Unknown kinds cannot be linked");
    if (!fromInfo->mayCall(toInfo->kind)) {
        return sentence(tr("%1 cannot call %2")
                            .arg(withArticle(*fromInfo, scene->kindStyle()),
                                 withArticle(*toInfo, scene->kindStyle())));
    }
    return {};
}

void LinkDrag::moveTo(const QPointF &scenePos)
{
    NodeItem *target = m_scene->nodeItemAt(scenePos);
    if (target == m_caller)
        target = nullptr;
    setTarget(target);

    // Into the target's facing side: its left edge when it lies to the right, else its right
    // edge, so a link drawn backwards curves round instead of looping through the cards.
    const QPointF start = m_caller->mapToScene(NodeItem::handleCenter());
    QPointF end = scenePos;
    qreal entry = 1; // the direction in which the curve arrives
    if (target) {
        const bool forward = target->pos().x() - NodeItem::Width / 2 >= start.x();
        entry = forward ? 1 : -1;
        end = target->pos() - QPointF(entry * NodeItem::Width / 2, 0);
    }
    const qreal pull = std::max(std::abs(end.x() - start.x()) * 0.5, 40.0);
    QPainterPath path(start);
    path.cubicTo(start + QPointF(pull, 0), end - QPointF(entry * pull, 0), end);
    m_preview->setPath(path);
}

void LinkDrag::setTarget(NodeItem *target)
{
    if (target == m_target)
        return;
    if (m_target)
        m_target->setHighlight(NodeItem::Highlight::None);
    m_target = target;
    if (!m_target)
        return;
    const QString reason = refusal(m_scene, m_caller->id(), m_target->id());
    m_target->setHighlight(reason.isEmpty() ? NodeItem::Highlight::Accept
                                            : NodeItem::Highlight::Refuse);
    if (!reason.isEmpty())
        emit m_scene->statusMessage(reason);
}

bool LinkDrag::finish(const QPointF &scenePos)
{
    moveTo(scenePos);
    if (!m_target)
        return false;
    const QString reason = refusal(m_scene, m_caller->id(), m_target->id());
    if (!reason.isEmpty()) {
        emit m_scene->statusMessage(reason);
        return false;
    }
    Link link;
    link.from = m_caller->id();
    link.to = m_target->id();
    m_scene->document()->undoStack()->push(new AddLinkCommand(m_scene->document(), link));
    return true;
}

} // namespace infralab
