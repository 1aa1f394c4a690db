#pragma once

#include "model/topology.h"
#include "validation/problem.h"

namespace infralab {

// Design advice beyond validity: patterns that are legal but rarely what the user wants. Every
// finding is a warning tagged with its node, so the Problems dock can select it:
// - a load balancer with fewer than two backends (it balances nothing);
// - one database that every app server calls, when there are two or more app servers (the app
//   tier is redundant, its data is not: a single point of failure);
// - a node nothing calls and that calls nothing, unless it is the only node (a lone web
//   server is a complete lab) or a traffic generator (reported as "no target" instead);
// - a traffic generator with no target.
// Messages are translated (context "DesignLints"). Pure: no GUI, no I/O.
Problems lintTopology(const Topology &topology);

// A warning for every node whose kind is not among `runnableKinds` (the kinds this version
// runs: runtime::ComponentFactory::builtIn().kinds()): Start skips it, and its callers' requests
// to it fail. Same form as lintTopology's findings.
Problems lintNotRunnable(const Topology &topology, const QStringList &runnableKinds);

} // namespace infralab
