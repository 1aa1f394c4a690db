#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>
#include <QString>

class QSvgRenderer;

namespace infralab {

class KindStyle;
class LinkItem;
struct Node;

// One node on the canvas: a rounded card with the kind's icon on top, the node's name and the
// kind's display name below it, and a stripe in the kind's category colour. It holds the node id
// and what sync() copied from the model, nothing else; pos() is the card's centre, which is the
// node's position in the file. When it moves it asks its links to re-route.
class NodeItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    static constexpr qreal Width = 152;
    static constexpr qreal Height = 92;
    static constexpr qreal HandleRadius = 9;
    // A press this close inside the card's border and then a drag draws a link, like a drag
    // from the handle; a click there selects the card as anywhere else.
    static constexpr qreal EdgeBand = 8;
    // The selection outline runs this far outside the card, outside the live state ring
    // (NodeStatusItem), with a gap in the base colour between them.
    static constexpr qreal SelectionOffset = 5;

    // How a link being drawn judges this card as its target.
    enum class Highlight { None, Accept, Refuse };
    // The node's state in a running lab (the live lab sets it; None while designing): a dot in
    // the card's top-right corner, so state reads apart from kind (icon, stripe) and selection
    // (outline).
    // Skipped: the lab runs but this node does not (its kind does not run in this version).
    enum class RunState { None, Starting, Running, Degraded, Failed, Stopped, Skipped };

    NodeItem(const QString &id, const KindStyle *style);

    QString id() const { return m_id; }
    QString kind() const { return m_kind; }
    QString title() const { return m_title; }
    // False when this version does not run the node's kind yet: the card says so.
    bool runs() const { return m_runs; }

    // Copies name and kind from the model; the position too, when the node has one.
    void sync(const Node &node);

    // Links ending here, re-routed whenever this card moves. The scene keeps them in step.
    void addLink(LinkItem *link);
    void removeLink(LinkItem *link);
    const QList<LinkItem *> &links() const { return m_links; }

    void setHighlight(Highlight highlight);
    Highlight highlight() const { return m_highlight; }

    void setRunState(RunState state);
    RunState runState() const { return m_runState; }
    static QColor runStateColor(RunState state);
    // A short live figure ("1.2k req/s", "3 errors") in a pill on the card's bottom edge;
    // empty hides it.
    void setBadge(const QString &text);
    QString badge() const { return m_badge; }

    static QRectF cardRect();
    // The link handle on the right edge (item coordinates), shown while the mouse is over the
    // card; dragging from it draws a link.
    static QPointF handleCenter() { return QPointF(Width / 2, 0); }
    static bool isOnHandle(const QPointF &itemPos);
    // In the band along the inside of the card's border (EdgeBand), where a drag draws a link.
    static bool isOnEdge(const QPointF &itemPos);
    // The select tool marks the card while the pointer is over the handle or the edge band:
    // the handle shows, the border takes the accent colour and the cursor a cross.
    void setLinkZoneHovered(bool hovered);
    bool linkZoneHovered() const { return m_linkZoneHovered; }
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void paintIcon(QPainter *painter, const QRectF &rect) const;
    void paintTile(QPainter *painter, const QColor &fill, bool selected) const;
    void paintSelection(QPainter *painter, const QPalette &palette) const;
    void paintLiveState(QPainter *painter, const QPalette &palette, const QColor &fill) const;

    const QString m_id;
    const KindStyle *m_style;
    QString m_kind;
    QString m_title;
    QString m_kindName;
    QColor m_accent;
    QSvgRenderer *m_icon = nullptr;
    QList<LinkItem *> m_links;
    Highlight m_highlight = Highlight::None;
    RunState m_runState = RunState::None;
    QString m_badge;
    bool m_runs = true;
    bool m_linkZoneHovered = false;
};

} // namespace infralab
