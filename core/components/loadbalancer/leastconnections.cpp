#include "components/loadbalancer/leastconnections.h"

namespace infralab::loadbalancer {

void LeastConnections::rebuild(std::span<const Candidate> candidates)
{
    m_ties.rebuild(candidates);
}

int LeastConnections::pick(std::span<const Candidate> candidates, const PickKey &key)
{
    Q_UNUSED(key);
    int best = -1;
    int ties = 0;
    for (size_t i = 0; i < candidates.size(); ++i) {
        const Candidate &c = candidates[i];
        if (!c.eligible || c.weight <= 0)
            continue;
        if (best < 0 || lessLoaded(c, candidates[size_t(best)])) {
            best = int(i);
            ties = 1;
        } else if (!lessLoaded(candidates[size_t(best)], c)) {
            ++ties;
        }
    }
    if (ties <= 1)
        return best;
    const Candidate &least = candidates[size_t(best)];
    m_tied.assign(candidates.size(), false);
    for (size_t i = 0; i < candidates.size(); ++i) {
        const Candidate &c = candidates[i];
        m_tied[i] = c.eligible && c.weight > 0 && !lessLoaded(c, least) && !lessLoaded(least, c);
    }
    return m_ties.pickAmong(candidates, m_tied);
}

} // namespace infralab::loadbalancer
