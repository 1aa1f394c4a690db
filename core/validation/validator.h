#pragma once

#include "model/topology.h"
#include "validation/problem.h"

namespace infralab {

// Checks a topology against the format rules and the component catalogue: ids, kinds, links
// (dangling, self, duplicate, forbidden by the catalogue), config value types, ranges, enums
// and fixed ports used twice. Reports every problem, never stops at the first.
Problems validateTopology(const Topology &topology);

} // namespace infralab
