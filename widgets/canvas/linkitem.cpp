#include "canvas/linkitem.h"

#include "canvas/nodeitem.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace infralab {

namespace {

constexpr qreal ArrowLength = 11;
constexpr qreal ArrowWidth = 9;
// Cards closer than this side by side are joined top/bottom instead of left/right.
constexpr qreal SideBySideGap = 36;

} // namespace

LinkItem::LinkItem(NodeItem *from, NodeItem *to)
    : m_from(from)
    , m_to(to)
{
    setZValue(0);
    m_from->addLink(this);
    m_to->addLink(this);
    updatePath();
}

QString LinkItem::fromId() const
{
    return m_from->id();
}

QString LinkItem::toId() const
{
    return m_to->id();
}

void LinkItem::detach()
{
    m_from->removeLink(this);
    m_to->removeLink(this);
}

void LinkItem::updatePath()
{
    prepareGeometryChange();
    const QPointF a = m_from->pos();
    const QPointF b = m_to->pos();
    const QPointF delta = b - a;
    const qreal w = NodeItem::Width;
    const qreal h = NodeItem::Height;
    const bool horizontal = std::abs(delta.x()) - w >= SideBySideGap
                            || (std::abs(delta.y()) - h < SideBySideGap
                                && std::abs(delta.x()) >= std::abs(delta.y()));

    QPointF start;
    QPointF tip;
    QPointF direction; // unit vector in which the curve leaves and enters
    if (horizontal) {
        const qreal sign = delta.x() >= 0 ? 1 : -1;
        direction = QPointF(sign, 0);
        start = a + QPointF(sign * w / 2, 0);
        tip = b - QPointF(sign * w / 2, 0);
    } else {
        const qreal sign = delta.y() >= 0 ? 1 : -1;
        direction = QPointF(0, sign);
        start = a + QPointF(0, sign * h / 2);
        tip = b - QPointF(0, sign * h / 2);
    }
    // The curve stops at the arrow's base, so the line never pokes through the tip.
    const QPointF end = tip - direction * ArrowLength;
    const QPointF span = end - start;
    const qreal along = std::abs(horizontal ? span.x() : span.y());
    const qreal pull = std::max(along * 0.5, 40.0);

    m_path = QPainterPath(start);
    m_path.cubicTo(start + direction * pull, end - direction * pull, end);

    const QPointF normal(-direction.y(), direction.x());
    m_arrow = QPolygonF({tip, end + normal * (ArrowWidth / 2), end - normal * (ArrowWidth / 2)});
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-4, -4, 4, 4);
    update();
}

QRectF LinkItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath LinkItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath shape = stroker.createStroke(m_path);
    shape.addPolygon(m_arrow);
    return shape;
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    QColor color = option->state & QStyle::State_Selected ? palette.color(QPalette::Highlight)
                                                          : palette.color(QPalette::WindowText);
    if (!(option->state & QStyle::State_Selected))
        color.setAlphaF(0.55f);

    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(color, 1.8, Qt::SolidLine, Qt::RoundCap));
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(m_arrow);
}

} // namespace infralab
