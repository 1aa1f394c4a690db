#include "components/loadbalancer/smoothroundrobin.h"

namespace infralab::loadbalancer {

void SmoothRoundRobin::rebuild(std::span<const Candidate> candidates)
{
    m_current.assign(candidates.size(), 0);
}

int SmoothRoundRobin::pick(std::span<const Candidate> candidates, const PickKey &key)
{
    Q_UNUSED(key);
    if (m_current.size() != candidates.size())
        m_current.assign(candidates.size(), 0);
    qint64 total = 0;
    int best = -1;
    for (size_t i = 0; i < candidates.size(); ++i) {
        const Candidate &c = candidates[i];
        if (!c.eligible || c.weight <= 0)
            continue;
        m_current[i] += c.weight;
        total += c.weight;
        if (best < 0 || m_current[i] > m_current[size_t(best)])
            best = int(i);
    }
    if (best >= 0)
        m_current[size_t(best)] -= total;
    return best;
}

int SmoothRoundRobin::pickAmong(std::span<const Candidate> candidates,
                                const std::vector<bool> &among)
{
    if (m_current.size() != candidates.size())
        m_current.assign(candidates.size(), 0);
    qint64 total = 0;
    int best = -1;
    for (size_t i = 0; i < candidates.size(); ++i) {
        if (!among[i])
            continue;
        m_current[i] += candidates[i].weight;
        total += candidates[i].weight;
        if (best < 0 || m_current[i] > m_current[size_t(best)])
            best = int(i);
    }
    if (best >= 0)
        m_current[size_t(best)] -= total;
    return best;
}

} // namespace infralab::loadbalancer
