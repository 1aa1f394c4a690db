#pragma once

#include "model/topology.h"
#include "validation/problem.h"

namespace infralab {

// Checks a topology against the format rules and the component catalogue: ids, kinds, links
// (dangling, self, duplicate, forbidden by the catalogue), config value types, ranges, enums
// and fixed ports used twice. Reports every problem, never stops at the first.
Problems validateTopology(const Topology &topology);

// The part of validateTopology() the document model itself relies on: every node has an id no
// other node has, every link joins two different existing nodes, at most one link per
// (from, to). The canvas, the undo commands and the document address nodes and links by these,
// so the reader reports a topology that breaks them as unreadable; everything else the validator
// finds is the user's work in progress, listed in the Problems dock. Same messages, same order.
Problems checkIdentity(const Topology &topology);

} // namespace infralab
