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

constexpr qreal ArrowLength = 10;
constexpr qreal ArrowWidth = 8;
// Cards closer than this side by side are joined top/bottom instead of left/right.
constexpr qreal SideBySideGap = 36;
constexpr qreal PortSpacing = 14;
// One pixel at 100 %: thin strokes take the raster engine's fast stroker (five times cheaper
// than a 1.8 px stroke, measured with canvas_bench), which keeps panning 800 links smooth. The
// selected link is drawn twice as wide; there are few of those.
constexpr qreal PenWidth = 1.0;
constexpr qreal SelectedPenWidth = 2.0;
// Below this scale a link is a thin line without arrowhead or label: it would be too small to
// read and costs most of a zoomed-out frame otherwise.
constexpr qreal DetailedScale = 0.45;
// The curve is flattened as if drawn this many times larger, so it stays smooth at the
// largest zoom (TopologyView::MaxZoom) too.
constexpr qreal FlatteningScale = 4;

} // namespace

LinkItem::LinkItem(NodeItem *from, NodeItem *to)
    : m_from(from)
    , m_to(to)
{
    setZValue(0);
    setFlag(ItemIsSelectable);
    // paint() needs the exposed rectangle to stroke only the visible stretch of the curve.
    setFlag(ItemUsesExtendedStyleOption);
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
    const QTransform up = QTransform::fromScale(FlatteningScale, FlatteningScale);
    const QList<QPolygonF> flattened = m_path.toSubpathPolygons(up);
    m_polyline = flattened.isEmpty() ? QPolygonF() : up.inverted().map(flattened.constFirst());
    m_shape = QPainterPath();

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
    if (m_shape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(10);
        m_shape = stroker.createStroke(m_path);
        m_shape.addPolygon(m_arrow);
    }
    return m_shape;
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    // Opaque (text mixed into the window colour), so curves and arrowheads that meet do not
    // darken where they overlap.
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    const auto mix = [](float a, float b) {
        return 0.68f * a + 0.32f * b;
    };
    const bool selected = option->state & QStyle::State_Selected;
    const QColor color = selected ? palette.color(QPalette::Highlight)
                                  : QColor::fromRgbF(mix(text.redF(), window.redF()),
                                                     mix(text.greenF(), window.greenF()),
                                                     mix(text.blueF(), window.blueF()));

    const qreal scale
        = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (scale < DetailedScale) {
        // Cosmetic one-pixel lines take the raster engine's fast path.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(color, 0));
        painter->setBrush(Qt::NoBrush);
        paintCurve(painter, option->exposedRect);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(color, selected ? SelectedPenWidth : PenWidth, Qt::SolidLine, Qt::RoundCap,
                         Qt::RoundJoin));
    paintCurve(painter, option->exposedRect);
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

void LinkItem::paintCurve(QPainter *painter, const QRectF &exposed) const
{
    const qreal reach = SelectedPenWidth;
    const QRectF visible = exposed.adjusted(-reach, -reach, reach, reach);
    if (visible.contains(m_bounds)) {
        painter->drawPolyline(m_polyline);
        return;
    }
    // Stroke runs of segments that touch the exposed area; a run ends outside it, so its cap
    // is never seen.
    const QPointF *points = m_polyline.constData();
    const qsizetype count = m_polyline.size();
    qsizetype runStart = -1;
    for (qsizetype i = 0; i + 1 < count; ++i) {
        const QRectF segment = QRectF(points[i], points[i + 1]).normalized();
        const bool touches = segment.right() >= visible.left() && segment.left() <= visible.right()
                             && segment.bottom() >= visible.top()
                             && segment.top() <= visible.bottom();
        if (touches && runStart < 0)
            runStart = i;
        if (!touches && runStart >= 0) {
            painter->drawPolyline(points + runStart, int(i - runStart + 1));
            runStart = -1;
        }
    }
    if (runStart >= 0)
        painter->drawPolyline(points + runStart, int(count - runStart));
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
