#include "components/loadbalancer/balancingpolicy.h"

#include "components/loadbalancer/consistenthash.h"
#include "components/loadbalancer/firstavailable.h"
#include "components/loadbalancer/leastconnections.h"
#include "components/loadbalancer/poweroftwochoices.h"
#include "components/loadbalancer/smoothroundrobin.h"

namespace infralab::loadbalancer {

std::optional<Algorithm> algorithmFromName(QStringView name)
{
    return choiceFromName(algorithmChoices, name);
}

QLatin1String algorithmName(Algorithm algorithm)
{
    for (const Choice<Algorithm> &c : algorithmChoices) {
        if (c.value == algorithm)
            return QLatin1String(c.name);
    }
    return {};
}

std::unique_ptr<BalancingPolicy> makeBalancingPolicy(Algorithm algorithm, quint64 seed)
{
    switch (algorithm) {
    case Algorithm::RoundRobin: return std::make_unique<SmoothRoundRobin>();
    case Algorithm::LeastConnections: return std::make_unique<LeastConnections>();
    case Algorithm::IpHash:
        return std::make_unique<ConsistentHash>(ConsistentHash::KeyOn::ClientAddress);
    case Algorithm::UriHash: return std::make_unique<ConsistentHash>(ConsistentHash::KeyOn::Path);
    case Algorithm::Random: return std::make_unique<PowerOfTwoChoices>(seed);
    case Algorithm::First: return std::make_unique<FirstAvailable>();
    }
    return std::make_unique<SmoothRoundRobin>();
}

quint64 stableHash(QByteArrayView bytes, quint64 seed)
{
    quint64 h = 0xcbf29ce484222325ULL ^ seed; // FNV-1a 64
    for (const char c : bytes) {
        h ^= quint8(c);
        h *= 0x100000001b3ULL;
    }
    // MurmurHash3's fmix64: FNV alone leaves nearby keys close on the ring.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

} // namespace infralab::loadbalancer
