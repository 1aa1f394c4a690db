#pragma once

#include <QGraphicsView>

namespace infralab {

class OverviewView;

// The canvas widget: an antialiased view on a TopologyScene over a subtle grid drawn in the
// palette's colours (so it reads in light and dark themes). The wheel zooms around the cursor;
// dragging the empty canvas with the middle button, or with Space held, pans; the left button
// on the empty canvas draws a rubber band. fitToContent() frames the whole topology (done on
// open) without enlarging small ones past 100 % and without shrinking it below LegibleZoom,
// where names and icons stop being readable: a topology too large for that is fitted by its
// width (or shown at LegibleZoom from its left, where the traffic enters) and the overview
// shows the whole of it.
class TopologyView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyView)

public:
    static constexpr qreal GridSize = 24;
    static constexpr qreal MinZoom = 0.2;
    static constexpr qreal MaxZoom = 3.0;
    // Fit to View goes no lower: at 60 % a card's name in a 9 pt (12 px) font is 7 px tall and
    // its kind line 6.5 px, about the smallest text that still reads, and its 34 px icon 20 px.
    static constexpr qreal LegibleZoom = 0.6;

    explicit TopologyView(QWidget *parent = nullptr);

    // QGraphicsView::setScene, and for a TopologyScene the empty-canvas hint follows its nodes.
    void setScene(QGraphicsScene *scene);

    void fitToContent();
    void zoomBy(qreal factor); // around the view's centre
    // Zooms keeping the scene point under `viewportPos` where it is.
    void zoomAt(qreal factor, const QPointF &viewportPos);
    void resetZoom();
    qreal zoom() const;
    bool isPanning() const { return m_panning; }
    // False when the last fit could not show the whole topology legibly.
    bool fitShowsAll() const { return m_fitShowsAll; }

    // The overview (minimap) in the bottom-right corner.
    OverviewView *overview() const { return m_overview; }
    // The user's choice (View › Overview). A fit that cannot show everything also shows it,
    // until a fit shows all again or the user hides it.
    void setOverviewVisible(bool visible);
    bool overviewShown() const { return m_overviewByUser || m_overviewForFit; }

Q_SIGNALS:
    // The overview appeared or went, by the user's choice or by a fit (View › Overview's
    // check mark follows it, so one click hides an overview a fit opened).
    void overviewShownChanged(bool shown);

public:

    // Shown in the middle of an empty canvas.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholderText; }
    // Whether the hint is drawn: it has a text and the scene no node.
    bool placeholderShown() const;

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
    void updateOverview();

    QString m_placeholderText;
    OverviewView *m_overview;
    // Until the user zooms or clicks, resizing keeps the content framed (the window is often
    // resized or first shown after a file was opened).
    bool m_autoFit = true;
    bool m_fitShowsAll = true;
    bool m_overviewByUser = false;
    bool m_overviewForFit = false;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panFrom;
};

} // namespace infralab
