#pragma once

#include <QGraphicsView>

namespace infralab {

class OverviewView;

// The canvas widget: an antialiased view on a TopologyScene over a subtle grid drawn in the
// palette's colours (so it reads in light and dark themes). The wheel zooms around the cursor;
// dragging the empty canvas with the middle button, or with Space held, pans; the left button
// on the empty canvas draws a rubber band. fitToContent() frames the whole topology (done on
// open) without enlarging small ones past 100 %.
class TopologyView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyView)

public:
    static constexpr qreal GridSize = 24;
    static constexpr qreal MinZoom = 0.2;
    static constexpr qreal MaxZoom = 3.0;

    explicit TopologyView(QWidget *parent = nullptr);

    void fitToContent();
    void zoomBy(qreal factor); // around the view's centre
    // Zooms keeping the scene point under `viewportPos` where it is.
    void zoomAt(qreal factor, const QPointF &viewportPos);
    void resetZoom();
    qreal zoom() const;
    bool isPanning() const { return m_panning; }

    // The overview (minimap) in the bottom-right corner.
    OverviewView *overview() const { return m_overview; }
    void setOverviewVisible(bool visible);

    // Shown in the middle of an empty canvas.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholderText; }

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void placeOverview();

    QString m_placeholderText;
    OverviewView *m_overview;
    // Until the user zooms or clicks, resizing keeps the content framed (the window is often
    // resized or first shown after a file was opened).
    bool m_autoFit = true;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panFrom;
};

} // namespace infralab
