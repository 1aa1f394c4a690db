#pragma once

#include <QGraphicsView>

namespace infralab {

// The canvas widget: an antialiased view on a TopologyScene over a subtle grid drawn in the
// palette's colours (so it reads in light and dark themes). Ctrl+wheel zooms; fitToContent()
// frames the whole topology (done on open) without enlarging small ones past 100 %.
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
    void zoomBy(qreal factor);
    qreal zoom() const;

    // Shown in the middle of an empty canvas.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholderText; }

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QString m_placeholderText;
    // Until the user zooms or clicks, resizing keeps the content framed (the window is often
    // resized or first shown after a file was opened).
    bool m_autoFit = true;
};

} // namespace infralab
