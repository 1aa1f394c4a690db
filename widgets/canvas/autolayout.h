#pragma once

#include <QHash>
#include <QPointF>
#include <QString>

namespace infralab {

class Topology;

// Places the nodes a file gives no position: a grid whose columns follow the traffic (a node
// sits one column right of its deepest caller) and whose rows stack the nodes of a column.
// The grid goes below the nodes that do have positions, so it never covers them.
class AutoLayout
{
public:
    static constexpr qreal ColumnSpacing = 260;
    static constexpr qreal RowSpacing = 110;

    // Positions (card centres) for every node of `topology` without a position.
    static QHash<QString, QPointF> place(const Topology &topology);
};

} // namespace infralab
