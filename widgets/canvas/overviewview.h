#pragma once

#include <QGraphicsView>

namespace infralab {

class TopologyView;

// The overview (minimap): a small view of the whole topology in the canvas's corner with the
// main view's visible area as a rectangle. Clicking or dragging in it moves the main view there.
// It draws the same scene, so it needs no model of its own.
class OverviewView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewView)

public:
    explicit OverviewView(TopologyView *mainView);

    void refit(); // frames the whole content again

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    TopologyView *m_mainView;
};

} // namespace infralab
