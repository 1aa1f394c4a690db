#pragma once

#include "components/loadbalancer/balancingpolicy.h"

#include <vector>

namespace infralab::loadbalancer {

// nginx's smooth weighted round-robin (ngx_http_upstream_get_peer): every pick adds each
// eligible backend's weight to its running score, takes the highest and subtracts the total
// from it. Weights 5,1,1 give a a b a c a a, spread out rather than a a a a a b c, and the
// shares are exact over every cycle of sum(weights) picks. Ineligible backends keep their
// score, so a backend that comes back is not flooded.
class SmoothRoundRobin final : public BalancingPolicy
{
public:
    void rebuild(std::span<const Candidate> candidates) override;
    int pick(std::span<const Candidate> candidates, const PickKey &key) override;
    // Picks among the candidates for which `among[i]` is true (least-connections' ties).
    int pickAmong(std::span<const Candidate> candidates, const std::vector<bool> &among);

private:
    std::vector<qint64> m_current;
};

} // namespace infralab::loadbalancer
