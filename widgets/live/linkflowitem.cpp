#include "live/linkflowitem.h"

#include "canvas/linkitem.h"
#include "live/livestyle.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace infralab {

namespace {

constexpr qreal DotSpacing = 34;

} // namespace

LinkFlowItem::LinkFlowItem(LinkItem *link)
    : QGraphicsItem(link)
    , m_link(link)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    syncGeometry();
}

void LinkFlowItem::setFlow(double rps, double errorRate, bool down)
{
    if (m_rps == rps && m_errorRate == errorRate && m_down == down)
        return;
    const qreal oldWidth = strokeWidth();
    m_rps = rps;
    m_errorRate = errorRate;
    m_down = down;
    if (strokeWidth() != oldWidth)
        syncGeometry();
    update();
}

qreal LinkFlowItem::strokeWidth() const
{
    if (m_rps <= 0)
        return 0;
    // Logarithmic: 1 req/s is a hairline, 20k req/s about 9 px.
    return std::clamp(1.5 + 1.75 * std::log10(1.0 + m_rps), 1.5, 11.0);
}

qreal LinkFlowItem::dotSpeed() const
{
    if (m_rps <= 0)
        return 0;
    return 18 + 30 * std::log10(1.0 + m_rps); // 20k req/s: ~150 units/s
}

void LinkFlowItem::syncGeometry()
{
    const QPainterPath &path = m_link->path();
    const qreal margin = std::max<qreal>(strokeWidth(), 8) + 4;
    const QRectF bounds = path.boundingRect().adjusted(-margin, -margin, margin, margin);
    m_length = path.length();
    if (bounds != m_bounds) {
        prepareGeometryChange();
        m_bounds = bounds;
    }
}

void LinkFlowItem::advance(qreal seconds)
{
    if (!isAnimated())
        return;
    m_phase = std::fmod(m_phase + dotSpeed() * seconds, DotSpacing);
    syncGeometry();
    update();
}

void LinkFlowItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPainterPath &path = m_link->path();
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_down) {
        const QColor red(0xe0, 0x31, 0x31);
        painter->setPen(QPen(red, 2.2, Qt::DashLine, Qt::FlatCap));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
        const QPointF middle = path.pointAtPercent(0.5);
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(red);
        painter->drawEllipse(middle, 8, 8);
        painter->setPen(QPen(Qt::white, 2, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(middle + QPointF(-3.5, -3.5), middle + QPointF(3.5, 3.5));
        painter->drawLine(middle + QPointF(-3.5, 3.5), middle + QPointF(3.5, -3.5));
        return;
    }
    if (m_rps <= 0)
        return;
    const QColor color = errorRateColor(m_errorRate);
    QColor stroke = color;
    stroke.setAlphaF(0.45f);
    const qreal width = strokeWidth();
    painter->setPen(QPen(stroke, width, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);

    // Dots at even distances along the curve (pointAtPercent measures by length), shifted by
    // the phase: they flow to the callee.
    if (m_length <= 1)
        return;
    painter->setPen(QPen(Qt::white, 1));
    painter->setBrush(color.darker(110));
    const qreal radius = std::max<qreal>(2.5, width / 2 + 1);
    for (qreal at = m_phase; at < m_length; at += DotSpacing)
        painter->drawEllipse(path.pointAtPercent(at / m_length), radius, radius);
}

} // namespace infralab
