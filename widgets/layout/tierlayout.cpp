#include "layout/tierlayout.h"

#include "catalogue/componentcatalogue.h"
#include "document/commands/setpositionscommand.h"
#include "document/document.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace infralab {

QHash<QString, QPointF> TierLayout::arrange(const Topology &topology)
{
    const ComponentCatalogue &catalogue = ComponentCatalogue::instance();
    QHash<QString, int> tier;
    for (const Node &node : topology.nodes) {
        const KindInfo *info = catalogue.find(node.kind);
        tier.insert(node.id, int(info ? info->category : Category::Compute));
    }
    // Depth counts only callers in the same tier: a proxy in front of a balancer.
    const QHash<QString, int> depth = topology.callerDepths(
        [&tier](const Link &link) { return tier.value(link.from) == tier.value(link.to); });

    // (tier, depth) → node ids in file order; std::map keeps the columns sorted.
    std::map<std::pair<int, int>, QStringList> columns;
    for (const Node &node : topology.nodes)
        columns[{tier.value(node.id), depth.value(node.id)}].append(node.id);

    qsizetype maxRows = 0;
    for (const auto &[key, ids] : columns)
        maxRows = std::max(maxRows, ids.size());

    // Each column sorts by the mean row of its already placed callers (barycentre), which keeps
    // most links short and straight; nodes without placed callers keep the file order.
    QHash<QString, qreal> row;
    QHash<QString, QPointF> positions;
    int columnIndex = 0;
    for (auto &[key, ids] : columns) {
        QList<std::pair<qreal, QString>> order;
        for (qsizetype i = 0; i < ids.size(); ++i) {
            qreal sum = 0;
            int callers = 0;
            for (const int l : topology.linksTo(ids.at(i))) {
                const auto it = row.constFind(topology.links.at(l).from);
                if (it != row.constEnd()) {
                    sum += it.value();
                    ++callers;
                }
            }
            order.append({callers ? sum / callers : qreal(i), ids.at(i)});
        }
        std::stable_sort(order.begin(), order.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        const qreal top = qreal(maxRows - ids.size()) / 2;
        for (qsizetype r = 0; r < order.size(); ++r) {
            const QString &id = order.at(r).second;
            row.insert(id, top + qreal(r));
            positions.insert(id,
                             QPointF(columnIndex * ColumnSpacing, (top + qreal(r)) * RowSpacing));
        }
        ++columnIndex;
    }
    return positions;
}

bool TierLayout::apply(Document *document)
{
    const Topology &topology = document->topology();
    const QHash<QString, QPointF> positions = arrange(topology);
    bool moves = false;
    for (const Node &node : topology.nodes)
        moves = moves || node.position != positions.value(node.id);
    if (!moves)
        return false;
    document->undoStack()->push(new SetPositionsCommand(
        document, positions, QCoreApplication::translate("TierLayout", "Arrange by tier")));
    return true;
}

} // namespace infralab
