#include "canvas/linkitem.h"

#include "canvas/nodeitem.h"
#include "model/topology.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFontMetricsF>
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
constexpr qreal PortSpacing = 14;

} // namespace

LinkItem::LinkItem(NodeItem *from, NodeItem *to)
    : m_from(from)
    , m_to(to)
{
    setZValue(0);
    setFlag(ItemIsSelectable);
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

void LinkItem::sync(const Link &link)
{
    // Only the balancer's link keys have defaults worth hiding; any set key is shown.
    QStringList parts;
    const int weight = link.config.value(QStringLiteral("weight")).toInt(1);
    if (link.config.contains(QStringLiteral("weight")) && weight != 1)
        parts.append(QCoreApplication::translate("LinkItem", "weight %1").arg(weight));
    if (link.config.value(QStringLiteral("backup")).toBool())
        parts.append(QCoreApplication::translate("LinkItem", "backup"));
    const int maxConnections = link.config.value(QStringLiteral("max_connections")).toInt(0);
    if (maxConnections > 0)
        parts.append(QCoreApplication::translate("LinkItem", "max %1").arg(maxConnections));
    const QString label = parts.join(QStringLiteral(" · "));
    if (label == m_label)
        return;
    m_label = label;
    updatePath();
}

LinkItem::Direction LinkItem::directionBetween(const QPointF &from, const QPointF &to)
{
    const QPointF delta = to - from;
    const bool horizontal = std::abs(delta.x()) - NodeItem::Width >= SideBySideGap
                            || (std::abs(delta.y()) - NodeItem::Height < SideBySideGap
                                && std::abs(delta.x()) >= std::abs(delta.y()));
    if (horizontal)
        return QPointF(delta.x() >= 0 ? 1 : -1, 0);
    return QPointF(0, delta.y() >= 0 ? 1 : -1);
}

qreal LinkItem::arrivalOffset(const Direction &direction) const
{
    // Links arriving on the same side of the callee get their own spot on that side, ordered
    // like their callers, so fan-in arrowheads stay apart instead of piling up in the middle.
    const bool horizontal = direction.y() == 0;
    QList<const LinkItem *> siblings;
    for (const LinkItem *link : m_to->links()) {
        if (link->m_to == m_to && directionBetween(link->m_from->pos(), m_to->pos()) == direction)
            siblings.append(link);
    }
    if (siblings.size() < 2)
        return 0;
    std::sort(siblings.begin(), siblings.end(), [horizontal](const LinkItem *x, const LinkItem *y) {
        const QPointF p = x->m_from->pos();
        const QPointF q = y->m_from->pos();
        return horizontal ? std::pair(p.y(), p.x()) < std::pair(q.y(), q.x())
                          : std::pair(p.x(), p.y()) < std::pair(q.x(), q.y());
    });
    const qreal side = horizontal ? NodeItem::Height : NodeItem::Width;
    const qreal count = qreal(siblings.size());
    const qreal spacing = std::min(PortSpacing, (side - 2 * 12) / (count - 1));
    return (qreal(siblings.indexOf(this)) - (count - 1) / 2) * spacing;
}

void LinkItem::updatePath()
{
    prepareGeometryChange();
    const QPointF a = m_from->pos();
    const QPointF b = m_to->pos();
    const Direction direction = directionBetween(a, b); // in which the curve leaves and enters
    const bool horizontal = direction.y() == 0;
    const QPointF halfCard
        = horizontal ? QPointF(NodeItem::Width / 2, 0) : QPointF(0, NodeItem::Height / 2);
    const QPointF normal(-direction.y(), direction.x());
    const qreal sign = horizontal ? direction.x() : direction.y();
    const QPointF start = a + halfCard * sign;
    const qreal offset = arrivalOffset(direction);
    const QPointF tip
        = b - halfCard * sign + (horizontal ? QPointF(0, offset) : QPointF(offset, 0));
    // The curve stops at the arrow's base, so the line never pokes through the tip.
    const QPointF end = tip - direction * ArrowLength;
    const QPointF span = end - start;
    const qreal along = std::abs(horizontal ? span.x() : span.y());
    const qreal pull = std::max(along * 0.5, 40.0);

    m_path = QPainterPath(start);
    m_path.cubicTo(start + direction * pull, end - direction * pull, end);

    m_arrow = QPolygonF({tip, end + normal * (ArrowWidth / 2), end - normal * (ArrowWidth / 2)});
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-4, -4, 4, 4);
    if (!m_label.isEmpty())
        m_bounds = m_bounds.united(labelRect());
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
    // Opaque (text mixed into the window colour), so curves and arrowheads that meet do not
    // darken where they overlap.
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    const auto mix = [](float a, float b) {
        return 0.55f * a + 0.45f * b;
    };
    const QColor color = option->state & QStyle::State_Selected
                             ? palette.color(QPalette::Highlight)
                             : QColor::fromRgbF(mix(text.redF(), window.redF()),
                                                mix(text.greenF(), window.greenF()),
                                                mix(text.blueF(), window.blueF()));

    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(color, 1.8, Qt::SolidLine, Qt::RoundCap));
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(m_arrow);

    if (!m_label.isEmpty()) {
        const QRectF rect = labelRect();
        painter->setBrush(palette.color(QPalette::Base));
        painter->setPen(QPen(color, 1));
        painter->drawRoundedRect(rect, rect.height() / 2, rect.height() / 2);
        painter->setFont(labelFont());
        painter->setPen(palette.color(QPalette::WindowText));
        painter->drawText(rect, Qt::AlignCenter, m_label);
    }
}

QFont LinkItem::labelFont()
{
    QFont font = QApplication::font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.8);
    return font;
}

QRectF LinkItem::labelRect() const
{
    const QFontMetricsF metrics(labelFont());
    const QSizeF size(metrics.horizontalAdvance(m_label) + 12, metrics.height() + 2);
    const QPointF middle = m_path.pointAtPercent(0.5);
    return QRectF(middle - QPointF(size.width() / 2, size.height() / 2), size);
}

} // namespace infralab
