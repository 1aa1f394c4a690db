#pragma once

#include "components/loadbalancer/balancingpolicy.h"

namespace infralab::loadbalancer {

// HAProxy `balance first`: the first backend in link order that is eligible, which includes
// having a free slot below its max_connections, so the next one only gets traffic once the
// earlier ones are full. Weights are ignored (a weight of 0 still takes no new requests).
// Meant for pools that should use as few servers as possible.
class FirstAvailable final : public BalancingPolicy
{
public:
    int pick(std::span<const Candidate> candidates, const PickKey &key) override;
};

} // namespace infralab::loadbalancer
