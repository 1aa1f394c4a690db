#pragma once

#include <QFont>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>
#include <QString>

namespace infralab {

class NodeItem;
struct Link;

// One link on the canvas: a smooth cubic curve from the caller's card to the callee's, with an
// arrowhead at the callee (traffic direction). It leaves and enters the cards on the sides that
// face each other and re-routes whenever either card moves. It only paints; the scene owns it
// and its two ends. Geometry is computed when it re-routes, never while painting; zoomed far
// out it draws a plain one-pixel line (level of detail).
class LinkItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    // Registers itself with both ends; the scene unregisters it before deleting it.
    LinkItem(NodeItem *from, NodeItem *to);

    QString fromId() const;
    QString toId() const;
    NodeItem *fromItem() const { return m_from; }
    NodeItem *toItem() const { return m_to; }
    void detach(); // unregisters from both ends

    // Copies what the label shows: the link settings that differ from their defaults.
    void sync(const Link &link);
    QString label() const { return m_label; }

    // Re-routes after either end moved. Also call it on the callee's other incoming links when
    // this one's caller moves: they share the callee's side (NodeItem does so).
    void updatePath();
    const QPainterPath &path() const { return m_path; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    using Direction = QPointF; // unit vector along an axis

    static Direction directionBetween(const QPointF &from, const QPointF &to);
    qreal arrivalOffset(const Direction &direction) const;
    QRectF labelRect() const;
    static QFont labelFont();

    void paintCurve(QPainter *painter, const QRectF &exposed) const;

    NodeItem *m_from;
    NodeItem *m_to;
    QPainterPath m_path;
    // The curve flattened once per route: painting strokes only the stretch that is exposed
    // (a link across a large topology is thousands of pixels long, and stroking all of it for
    // every exposed strip made panning crawl).
    QPolygonF m_polyline;
    mutable QPainterPath m_shape; // built on first use: hit tests and rubber bands only
    QPolygonF m_arrow;
    QRectF m_bounds;
    QString m_label;
};

} // namespace infralab
