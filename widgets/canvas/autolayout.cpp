#include "canvas/autolayout.h"

#include "model/topology.h"

#include <QRectF>

#include <algorithm>

namespace infralab {

QHash<QString, QPointF> AutoLayout::place(const Topology &topology)
{
    QRectF placed;
    bool anyPlaced = false;
    for (const Node &node : topology.nodes) {
        if (!node.position)
            continue;
        const QRectF point(*node.position, QSizeF(0, 0));
        placed = anyPlaced ? placed.united(point) : point;
        anyPlaced = true;
    }

    const QHash<QString, int> depth = topology.callerDepths();
    QHash<int, QStringList> columns;
    int maxRows = 0;
    for (const Node &node : topology.nodes) {
        if (node.position)
            continue;
        QStringList &column = columns[depth.value(node.id)];
        column.append(node.id);
        maxRows = std::max(maxRows, int(column.size()));
    }

    // Unplaced nodes keep the file's order within their column; columns centre on one row.
    const QPointF origin
        = anyPlaced ? QPointF(placed.left(), placed.bottom() + 1.5 * RowSpacing) : QPointF(0, 0);
    QHash<QString, QPointF> positions;
    int columnIndex = 0;
    QList<int> depths = columns.keys();
    std::sort(depths.begin(), depths.end());
    for (const int d : std::as_const(depths)) {
        const QStringList &ids = columns.value(d);
        const qreal top = (maxRows - ids.size()) * RowSpacing / 2;
        for (qsizetype row = 0; row < ids.size(); ++row) {
            positions.insert(
                ids.at(row),
                origin + QPointF(columnIndex * ColumnSpacing, top + qreal(row) * RowSpacing));
        }
        ++columnIndex;
    }
    return positions;
}

} // namespace infralab
