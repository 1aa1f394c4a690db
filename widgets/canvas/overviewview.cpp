#include "canvas/overviewview.h"

#include "canvas/topologyscene.h"
#include "canvas/topologyview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace infralab {

OverviewView::OverviewView(TopologyView *mainView)
    : QGraphicsView(mainView)
    , m_mainView(mainView)
{
    setInteractive(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::Box);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
    const auto follow = [this] {
        viewport()->update();
    };
    connect(mainView->horizontalScrollBar(), &QScrollBar::valueChanged, this, follow);
    connect(mainView->verticalScrollBar(), &QScrollBar::valueChanged, this, follow);
}

void OverviewView::refit()
{
    if (!scene())
        setScene(m_mainView->scene());
    auto *topologyScene = qobject_cast<TopologyScene *>(scene());
    if (!topologyScene)
        return;
    const QRectF content = topologyScene->contentRect();
    if (!content.isEmpty())
        fitInView(content.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    viewport()->update();
}

void OverviewView::drawForeground(QPainter *painter, const QRectF &)
{
    const QRectF visible = m_mainView->mapToScene(m_mainView->viewport()->rect()).boundingRect();
    QColor highlight = palette().color(QPalette::Highlight);
    QPen pen(highlight, 0);
    painter->setPen(pen);
    highlight.setAlphaF(0.15f);
    painter->setBrush(highlight);
    painter->drawRect(visible);
}

void OverviewView::mousePressEvent(QMouseEvent *event)
{
    m_mainView->centerOn(mapToScene(event->position().toPoint()));
    viewport()->update();
    event->accept();
}

void OverviewView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        mousePressEvent(event);
}

void OverviewView::wheelEvent(QWheelEvent *event)
{
    event->accept(); // the overview always shows everything
}

void OverviewView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    refit();
}

void OverviewView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    refit();
}

} // namespace infralab
