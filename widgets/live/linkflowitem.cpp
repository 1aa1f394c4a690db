#include "live/linkflowitem.h"

#include "canvas/linkitem.h"
#include "live/livestyle.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace infralab {

namespace {

constexpr qreal DotSpacing = 34;

// One flow dot (fill `color`, a white rim) pre-rendered at `radius` device-independent pixels
// (rim `rim` wide) for a device of `dpr`: drawing a few hundred dots per frame is then a blit
// each instead of an antialiased ellipse fill and stroke each (the GUI thread's top cost with
// 100 animated links). GUI thread only; a small bounded cache.
const QPixmap &dotPixmap(const QColor &color, qreal radius, qreal rim, qreal dpr)
{
    static QHash<quint64, QPixmap> cache;
    // Colour in bits 32-63; radius (16-31), rim (8-15) and device pixel ratio (0-7) in quarters.
    const auto quarters = [](qreal v, quint64 mask) {
        return quint64(std::lround(v * 4)) & mask;
    };
    const quint64 key = (quint64(color.rgba()) << 32) | (quarters(radius, 0xffff) << 16)
                        | (quarters(rim, 0xff) << 8) | quarters(dpr, 0xff);
    auto it = cache.find(key);
    if (it != cache.end())
        return *it;
    if (cache.size() > 256)
        cache.clear(); // zooming through many levels: start over rather than grow
    const int side = int(std::ceil((radius + rim) * 2 + 2));
    QPixmap pixmap(QSize(side, side) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, rim));
    painter.setBrush(color);
    painter.drawEllipse(QPointF(side / 2.0, side / 2.0), radius, radius);
    painter.end();
    return *cache.insert(key, pixmap);
}

} // namespace

LinkFlowItem::LinkFlowItem(LinkItem *link)
    : QGraphicsItem(link)
    , m_link(link)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    syncGeometry();
}

void LinkFlowItem::setFlow(double rps, double errorRate, bool down, bool unavailable)
{
    if (m_rps == rps && m_errorRate == errorRate && m_down == down && m_unavailable == unavailable)
        return;
    m_unavailable = unavailable;
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
    if (path != m_routed) {
        m_routed = path;
        m_polyline = path.toSubpathPolygons().value(0);
        m_distances.assign(std::size_t(m_polyline.size()), 0);
        for (qsizetype i = 1; i < m_polyline.size(); ++i) {
            m_distances[std::size_t(i)] = m_distances[std::size_t(i - 1)]
                                          + QLineF(m_polyline.at(i - 1), m_polyline.at(i)).length();
        }
        m_length = m_distances.empty() ? 0 : m_distances.back();
    }
    const qreal margin = std::max<qreal>(strokeWidth(), 8) + 4;
    const QRectF bounds = path.boundingRect().adjusted(-margin, -margin, margin, margin);
    if (bounds != m_bounds) {
        prepareGeometryChange();
        m_bounds = bounds;
    }
}

QPointF LinkFlowItem::pointAt(qreal distance) const
{
    const auto after = std::upper_bound(m_distances.cbegin(), m_distances.cend(), distance);
    if (after == m_distances.cbegin())
        return m_polyline.value(0);
    if (after == m_distances.cend())
        return m_polyline.constLast();
    const qsizetype i = after - m_distances.cbegin();
    const qreal from = m_distances[std::size_t(i - 1)];
    const qreal span = *after - from;
    const qreal t = span > 0 ? (distance - from) / span : 0;
    return m_polyline.at(i - 1) + (m_polyline.at(i) - m_polyline.at(i - 1)) * t;
}

void LinkFlowItem::advance(qreal seconds)
{
    if (!isAnimated())
        return;
    m_phase = std::fmod(m_phase + dotSpeed() * seconds, DotSpacing * 4); // every spacing's period
    syncGeometry();
    update();
}

void LinkFlowItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPainterPath &path = m_link->path();
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_unavailable && !m_down) {
        painter->setPen(QPen(QColor(0xad, 0xb5, 0xbd), 2, Qt::DotLine, Qt::FlatCap));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
        return;
    }
    if (m_down) {
        const QColor red(0xe0, 0x31, 0x31);
        painter->setPen(QPen(red, 2.2, Qt::DashLine, Qt::FlatCap));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
        const QPointF middle = pointAt(m_length / 2);
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

    // Dots at even distances along the curve, shifted by the phase: they flow to the callee.
    if (m_length <= 1)
        return;
    const qreal radius = std::max<qreal>(2.5, width / 2 + 1);
    // Zoomed out, fewer dots (about as far apart on screen as at 100%): the same flow, less
    // paint.
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const int every = lod >= 0.7 ? 1 : lod >= 0.35 ? 2 : 4;
    const qreal spacing = DotSpacing * every;
    // Dots as blits in viewport pixels: the view only scales and translates, so a dot is the
    // same at every point of the curve.
    const QTransform toView = painter->worldTransform();
    const qreal scale = std::sqrt(std::abs(toView.determinant()));
    const QPixmap &dot = dotPixmap(color.darker(110), radius * scale, scale,
                                   painter->device()->devicePixelRatioF());
    const QPointF half(dot.width() / dot.devicePixelRatio() / 2,
                       dot.height() / dot.devicePixelRatio() / 2);
    painter->save();
    painter->resetTransform();
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    for (qreal at = std::fmod(m_phase, spacing); at < m_length; at += spacing)
        painter->drawPixmap(toView.map(pointAt(at)) - half, dot);
    painter->restore();
}

} // namespace infralab
