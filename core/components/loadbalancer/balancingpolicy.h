#pragma once

#include "catalogue/choices.h"

#include <QByteArrayView>
#include <QLatin1String>
#include <QStringView>

#include <memory>
#include <optional>
#include <span>

namespace infralab::loadbalancer {

// The `algorithm` values of a load-balancer node (DESIGN.md, component-specs.md §1.3 and §2).
enum class Algorithm : quint8 { RoundRobin, LeastConnections, IpHash, UriHash, Random, First };
inline constexpr Choices<Algorithm, 6> algorithmChoices{{
    {"round-robin", Algorithm::RoundRobin},
    {"least-connections", Algorithm::LeastConnections},
    {"ip-hash", Algorithm::IpHash},
    {"uri-hash", Algorithm::UriHash},
    {"random", Algorithm::Random},
    {"first", Algorithm::First},
}};

std::optional<Algorithm> algorithmFromName(QStringView name); // "round-robin", …
QLatin1String algorithmName(Algorithm algorithm);

// One backend as a policy sees it when it picks: the handler fills these in table order, the
// same order every time until the table changes (then rebuild() is called).
struct Candidate
{
    quint64 key = 0;       // stable identity (a hash of the node id): hash rings are built on it
    int weight = 1;        // the link's weight (0 never takes new requests)
    int active = 0;        // requests in flight to it, over every network thread
    bool eligible = false; // may take this request: up, not ejected, a free slot, right tier
};

// What the hashing policies key on.
struct PickKey
{
    QByteArrayView clientAddress; // "127.0.0.1"
    QByteArrayView path;          // the request path without the query
};

// Chooses the backend of one request among the candidates. One instance per network thread
// (and per algorithm), so policies keep their own state (round-robin positions, a hash ring,
// a random engine) without locks; the load they see (`active`) is the shared one.
class BalancingPolicy
{
public:
    virtual ~BalancingPolicy() = default;
    // The backends' identities or weights changed: rebuild derived state (a hash ring).
    virtual void rebuild(std::span<const Candidate> candidates) { (void)candidates; }
    // The index of the chosen candidate, or -1 when none is eligible.
    virtual int pick(std::span<const Candidate> candidates, const PickKey &key) = 0;
};

// The policy of `algorithm`; `seed` makes the random one reproducible (tests pass a fixed one).
std::unique_ptr<BalancingPolicy> makeBalancingPolicy(Algorithm algorithm, quint64 seed = 0);

// `a` carries less load per weight than `b` (active_a / weight_a < active_b / weight_b),
// compared without division as nginx's least_conn does.
inline bool lessLoaded(const Candidate &a, const Candidate &b)
{
    return qint64(a.active) * b.weight < qint64(b.active) * a.weight;
}

// A stable 64-bit hash of bytes (FNV-1a with a final avalanche), the same on every run and
// platform, so hash-based mappings survive a restart.
quint64 stableHash(QByteArrayView bytes, quint64 seed = 0);

} // namespace infralab::loadbalancer
