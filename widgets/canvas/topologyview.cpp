#include "canvas/topologyview.h"

#include "canvas/overviewview.h"
#include "canvas/topologyscene.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
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
    , m_overview(new OverviewView(this))
{
    m_overview->hide();
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setFrameShape(QFrame::NoFrame);
    setDragMode(QGraphicsView::RubberBandDrag);
    // The grid is rendered once into the view's background pixmap (re-rendered when the view
    // is zoomed, scrolled in strips, reset when the palette changes): with the lab running, every
    // animation frame repaints most of the viewport, and the grid's lines were a tenth of it.
    setCacheMode(QGraphicsView::CacheBackground);
}

void TopologyView::setScene(QGraphicsScene *scene)
{
    if (QGraphicsScene *previous = this->scene())
        disconnect(previous, nullptr, viewport(), nullptr);
    QGraphicsView::setScene(scene);
    if (auto *topologyScene = qobject_cast<TopologyScene *>(scene))
        connect(topologyScene, &TopologyScene::emptyChanged, viewport(),
                qOverload<>(&QWidget::update));
    viewport()->update();
}

bool TopologyView::placeholderShown() const
{
    if (m_placeholderText.isEmpty() || !scene())
        return !m_placeholderText.isEmpty();
    if (auto *topologyScene = qobject_cast<TopologyScene *>(scene()))
        return topologyScene->nodeItems().isEmpty();
    return scene()->items().isEmpty();
}

void TopologyView::fitToContent()
{
    auto *topologyScene = qobject_cast<TopologyScene *>(scene());
    const QRectF content = topologyScene ? topologyScene->contentRect() : QRectF();
    m_autoFit = true;
    resetTransform();
    if (content.isEmpty()) {
        centerOn(0, 0);
        m_fitShowsAll = true;
        m_overviewForFit = false;
        updateOverview();
        return;
    }
    const QRectF framed = content.adjusted(-48, -48, 48, 48);
    const QSizeF area = viewport()->size();
    const qreal byWidth = area.width() / framed.width();
    const qreal byHeight = area.height() / framed.height();
    qreal scale = std::min({byWidth, byHeight, 1.0});
    m_fitShowsAll = scale >= LegibleZoom;
    if (!m_fitShowsAll) // the width if that reads, else the legible floor
        scale = std::clamp(byWidth, LegibleZoom, 1.0);
    QGraphicsView::scale(scale, scale);
    // Centred where it fits; where it does not, from its left or top edge (traffic enters
    // on the left), the rest a scroll or an overview click away.
    const QSizeF visible = area / scale;
    QPointF centre = content.center();
    if (framed.width() > visible.width())
        centre.setX(framed.left() + visible.width() / 2);
    if (framed.height() > visible.height())
        centre.setY(framed.top() + visible.height() / 2);
    centerOn(centre);
    m_overviewForFit = !m_fitShowsAll;
    updateOverview();
}

void TopologyView::zoomBy(qreal factor)
{
    m_autoFit = false;
    const qreal target = std::clamp(zoom() * factor, MinZoom, MaxZoom);
    const qreal applied = target / zoom();
    scale(applied, applied);
}

void TopologyView::zoomAt(qreal factor, const QPointF &viewportPos)
{
    m_autoFit = false;
    const QPointF anchor = mapToScene(viewportPos.toPoint());
    const ViewportAnchor previous = transformationAnchor();
    setTransformationAnchor(QGraphicsView::NoAnchor);
    const qreal target = std::clamp(zoom() * factor, MinZoom, MaxZoom);
    const qreal applied = target / zoom();
    scale(applied, applied);
    // Scroll so the anchor is back under the cursor (mapFromScene rounds to whole pixels).
    const QPointF moved = transform().map(anchor)
                          - QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value());
    const QPointF shift = moved - viewportPos;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(shift.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(shift.y()));
    setTransformationAnchor(previous);
}

void TopologyView::resetZoom()
{
    m_autoFit = false;
    const QPointF centre = mapToScene(viewport()->rect().center());
    resetTransform();
    centerOn(centre);
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
    if (!placeholderShown())
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
    // Shift+wheel still scrolls sideways, as in most editors.
    if (event->modifiers() & Qt::ShiftModifier || event->angleDelta().y() == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const qreal steps = event->angleDelta().y() / 120.0;
    zoomAt(std::pow(1.15, steps), event->position());
    event->accept();
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    m_autoFit = false;
    const bool onEmptyCanvas = !itemAt(event->position().toPoint());
    if (event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && m_spaceHeld && onEmptyCanvas)) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint delta = event->position().toPoint() - m_panFrom;
        m_panFrom = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    // Space pans only when no rename editor takes the key as text.
    if (event->key() == Qt::Key_Space && !(scene() && scene()->focusItem())) {
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            viewport()->setCursor(Qt::OpenHandCursor);
        }
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void TopologyView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && m_spaceHeld) {
        if (!event->isAutoRepeat()) {
            m_spaceHeld = false;
            if (!m_panning)
                viewport()->setCursor(Qt::ArrowCursor);
        }
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void TopologyView::focusOutEvent(QFocusEvent *event)
{
    m_spaceHeld = false;
    QGraphicsView::focusOutEvent(event);
}

void TopologyView::setOverviewVisible(bool visible)
{
    m_overviewByUser = visible;
    if (!visible)
        m_overviewForFit = false;
    updateOverview();
}

void TopologyView::updateOverview()
{
    const bool visible = m_overviewByUser || m_overviewForFit;
    if (visible && !m_overview->scene() && scene()) {
        m_overview->setScene(scene());
        connect(scene(), &QGraphicsScene::sceneRectChanged, m_overview, &OverviewView::refit);
        if (auto *topologyScene = qobject_cast<TopologyScene *>(scene()))
            connect(topologyScene, &TopologyScene::contentReset, m_overview, &OverviewView::refit);
    }
    const bool changed = m_overview->isVisibleTo(this) != visible;
    m_overview->setVisible(visible);
    placeOverview();
    if (changed)
        Q_EMIT overviewShownChanged(visible);
}

void TopologyView::placeOverview()
{
    const QSize size(220, 150);
    const QRect area = viewport()->geometry();
    m_overview->setGeometry(
        QRect(area.bottomRight() - QPoint(size.width() + 12, size.height() + 12), size));
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeOverview();
    if (m_autoFit)
        fitToContent();
}

void TopologyView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        resetCachedContent(); // the grid and canvas colours follow the theme
        viewport()->update();
    }
    QGraphicsView::changeEvent(event);
}

} // namespace infralab
