#include "canvas/topologyview.h"

#include "canvas/topologyscene.h"

#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace infralab {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor canvasColor(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    return isDark(palette) ? window.darker(115) : window.lighter(103);
}

} // namespace

TopologyView::TopologyView(QWidget *parent)
    : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setFrameShape(QFrame::NoFrame);
    // The grid is drawn per frame in palette colours; caching would keep a stale theme.
    setCacheMode(QGraphicsView::CacheNone);
}

void TopologyView::fitToContent()
{
    auto *topologyScene = qobject_cast<TopologyScene *>(scene());
    const QRectF content = topologyScene ? topologyScene->contentRect() : QRectF();
    m_autoFit = true;
    resetTransform();
    if (content.isEmpty()) {
        centerOn(0, 0);
        return;
    }
    const QRectF framed = content.adjusted(-48, -48, 48, 48);
    fitInView(framed, Qt::KeepAspectRatio);
    const qreal scale = std::clamp(transform().m11(), MinZoom, 1.0);
    resetTransform();
    QGraphicsView::scale(scale, scale);
    centerOn(content.center());
}

void TopologyView::zoomBy(qreal factor)
{
    m_autoFit = false;
    const qreal target = std::clamp(zoom() * factor, MinZoom, MaxZoom);
    const qreal applied = target / zoom();
    scale(applied, applied);
}

qreal TopologyView::zoom() const
{
    return transform().m11();
}

void TopologyView::setPlaceholderText(const QString &text)
{
    m_placeholderText = text;
    viewport()->update();
}

void TopologyView::drawBackground(QPainter *painter, const QRectF &rect)
{
    const QPalette pal = palette();
    painter->fillRect(rect, canvasColor(pal));

    QColor minor = pal.color(QPalette::WindowText);
    minor.setAlphaF(isDark(pal) ? 0.06f : 0.05f);
    QColor major = minor;
    major.setAlphaF(minor.alphaF() * 2);

    // Thin the grid out when zoomed far out, so it stays a texture and not a fog.
    const int majorEvery = 5;
    const bool drawMinor = GridSize * zoom() >= 8;
    const qreal left = std::floor(rect.left() / GridSize) * GridSize;
    const qreal top = std::floor(rect.top() / GridSize) * GridSize;
    QPen pen(minor, 0); // cosmetic: one device pixel at any zoom
    for (qreal x = left; x <= rect.right(); x += GridSize) {
        const bool isMajor = std::lround(x / GridSize) % majorEvery == 0;
        if (!isMajor && !drawMinor)
            continue;
        pen.setColor(isMajor ? major : minor);
        painter->setPen(pen);
        painter->drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()));
    }
    for (qreal y = top; y <= rect.bottom(); y += GridSize) {
        const bool isMajor = std::lround(y / GridSize) % majorEvery == 0;
        if (!isMajor && !drawMinor)
            continue;
        pen.setColor(isMajor ? major : minor);
        painter->setPen(pen);
        painter->drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y));
    }
}

void TopologyView::drawForeground(QPainter *painter, const QRectF &)
{
    if (m_placeholderText.isEmpty() || (scene() && !scene()->items().isEmpty()))
        return;
    painter->save();
    painter->resetTransform(); // draw in viewport pixels, independent of zoom
    QColor color = palette().color(QPalette::WindowText);
    color.setAlphaF(0.55f);
    painter->setPen(color);
    painter->drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                      Qt::AlignCenter | Qt::TextWordWrap, m_placeholderText);
    painter->restore();
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        zoomBy(std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    m_autoFit = false;
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fitToContent();
}

void TopologyView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        viewport()->update();
    QGraphicsView::changeEvent(event);
}

} // namespace infralab
