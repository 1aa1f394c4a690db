#pragma once

#include "components/loadbalancer/smoothroundrobin.h"

namespace infralab::loadbalancer {

// nginx least_conn / HAProxy leastconn: the eligible backend with the fewest requests in
// flight per unit of weight (counted over every network thread); ties go to smooth weighted
// round-robin among the tied ones, so an idle pool still spreads by weight.
class LeastConnections final : public BalancingPolicy
{
public:
    void rebuild(std::span<const Candidate> candidates) override;
    int pick(std::span<const Candidate> candidates, const PickKey &key) override;

private:
    SmoothRoundRobin m_ties;
    std::vector<bool> m_tied; // scratch, kept to avoid an allocation per pick
};

} // namespace infralab::loadbalancer
