#pragma once

#include "components/loadbalancer/balancingpolicy.h"

#include <random>

namespace infralab::loadbalancer {

// HAProxy `balance random(2)` / nginx `random two least_conn`: two backends drawn at random
// in proportion to their weights, the less loaded (per weight) of the two wins; a tie keeps
// the first draw, so an idle pool is shared exactly by weight. Power of two choices keeps the
// worst queue short without the herd effect of always taking the global minimum.
class PowerOfTwoChoices final : public BalancingPolicy
{
public:
    explicit PowerOfTwoChoices(quint64 seed)
        : m_random(seed)
    {}

    int pick(std::span<const Candidate> candidates, const PickKey &key) override;

private:
    int draw(std::span<const Candidate> candidates, qint64 totalWeight, int excluded);

    std::mt19937_64 m_random;
};

} // namespace infralab::loadbalancer
