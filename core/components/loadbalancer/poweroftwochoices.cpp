#include "components/loadbalancer/poweroftwochoices.h"

namespace infralab::loadbalancer {

int PowerOfTwoChoices::draw(std::span<const Candidate> candidates, qint64 totalWeight, int excluded)
{
    std::uniform_int_distribution<qint64> uniform(0, totalWeight - 1);
    qint64 r = uniform(m_random);
    for (size_t i = 0; i < candidates.size(); ++i) {
        const Candidate &c = candidates[i];
        if (!c.eligible || c.weight <= 0 || int(i) == excluded)
            continue;
        if (r < c.weight)
            return int(i);
        r -= c.weight;
    }
    return -1;
}

int PowerOfTwoChoices::pick(std::span<const Candidate> candidates, const PickKey &key)
{
    Q_UNUSED(key);
    qint64 total = 0;
    int count = 0;
    int only = -1;
    for (size_t i = 0; i < candidates.size(); ++i) {
        if (candidates[i].eligible && candidates[i].weight > 0) {
            total += candidates[i].weight;
            ++count;
            only = int(i);
        }
    }
    if (count <= 1)
        return only;
    const int a = draw(candidates, total, -1);
    const int b = draw(candidates, total - candidates[size_t(a)].weight, a);
    return lessLoaded(candidates[size_t(b)], candidates[size_t(a)]) ? b : a;
}

} // namespace infralab::loadbalancer
