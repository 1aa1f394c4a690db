#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

#include <vector>

namespace infralab {

class LinkItem;

// The traffic drawn over one link while the lab runs: a stroke whose width grows with the
// requests per second and whose colour follows the error rate, dots that travel caller →
// callee at a speed that grows with the load, and a dashed red stroke with a cross when the
// callee is down or ejected (a grey dashed stroke when its kind does not run yet). A child of the
// LinkItem (it dies with it; the link's path is in the same coordinates); it takes no mouse input,
// so selecting and hovering stay the link's.
class LinkFlowItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 21 };

    explicit LinkFlowItem(LinkItem *link);

    // From one tick's LinkFlow.
    void setFlow(double rps, double errorRate, bool down, bool unavailable = false);
    double rps() const { return m_rps; }
    bool isDown() const { return m_down; }
    bool isAnimated() const { return m_rps > 0 && !m_down; }
    qreal strokeWidth() const;
    qreal dotSpeed() const; // scene units per second
    qreal phase() const { return m_phase; }

    // Moves the dots on by `seconds` of travel and repaints; re-reads the link's path.
    void advance(qreal seconds);
    void syncGeometry(); // after the link re-routed

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override { return {}; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    LinkItem *m_link;
    QRectF m_bounds;
    double m_rps = 0;
    double m_errorRate = 0;
    bool m_down = false;
    bool m_unavailable = false; // the callee's kind does not run in this version
    qreal m_phase = 0;          // distance travelled, modulo four dot spacings
    qreal m_length = 0;
    // The link's curve flattened once per route, with the distance along it at each vertex:
    // placing a dot is a lookup, not a Bézier length computation per dot and frame.
    QPainterPath m_routed;
    QPolygonF m_polyline;
    std::vector<qreal> m_distances;
    QPointF pointAt(qreal distance) const;
};

} // namespace infralab
