#pragma once

#include <QStringList>

namespace infralab {
class Topology;
}

namespace infralab::runtime {

// The order in which to start the nodes of `topology`: callees before callers (a link goes
// from the caller to its callee), so every node a caller can reach is listening before the
// caller can send it traffic. Deterministic: depth first along the links, from the nodes in
// file order (`lb → web-1, web-2` starts web-1, web-2, lb).
//
// The format allows cycles (a → b → a). The nodes of one cycle (strongly connected
// component) start together as a group, in file order, after every node the group can reach
// outside itself and before any node that reaches the group. Inside a group some caller
// starts before its callee; that is harmless because start() only binds ports: components
// open connections to their callees per request, and the traffic sources (generators, outside
// clients) start after the whole group. Stopping uses the reverse order (callers first).
QStringList startOrder(const Topology &topology);

} // namespace infralab::runtime
