#include "components/loadbalancer/firstavailable.h"

namespace infralab::loadbalancer {

int FirstAvailable::pick(std::span<const Candidate> candidates, const PickKey &key)
{
    Q_UNUSED(key);
    for (size_t i = 0; i < candidates.size(); ++i) {
        if (candidates[i].eligible && candidates[i].weight > 0)
            return int(i);
    }
    return -1;
}

} // namespace infralab::loadbalancer
