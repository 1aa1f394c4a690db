#pragma once

#include <QHash>
#include <QPointF>
#include <QString>

namespace infralab {

class Document;
class Topology;

// "Arrange by tier": every node placed left to right by the catalogue's category (traffic →
// edge → compute → data), each tier split into sub-columns by link depth (a proxy in front of a
// balancer stands left of it), and each column ordered by the rows of its callers, so links
// mostly run straight. Columns and rows are wider than a card (152 × 92), so nothing overlaps.
// (canvas/AutoLayout only places nodes a file leaves unplaced; this re-arranges everything.)
class TierLayout
{
public:
    static constexpr qreal ColumnSpacing = 240;
    static constexpr qreal RowSpacing = 130;

    // Card centres for every node of `topology`.
    static QHash<QString, QPointF> arrange(const Topology &topology);

    // Arranges the document's topology as one undo step; false when there is nothing to move.
    static bool apply(Document *document);
};

} // namespace infralab
