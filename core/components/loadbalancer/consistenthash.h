#pragma once

#include "components/loadbalancer/balancingpolicy.h"

#include <vector>

namespace infralab::loadbalancer {

// Ketama consistent hashing (nginx `hash $request_uri consistent`, HAProxy `hash-type
// consistent`): each backend owns 160 × weight points on a ring placed by its stable key; a
// request goes to the first point at or after the hash of its key whose backend is
// eligible. Points depend only on each backend's own identity, so adding or removing one of N
// backends moves about 1/N of the keys, and a backend that is down only moves its own keys.
// `ip-hash` keys on the first three octets of an IPv4 client (nginx ip_hash), `uri-hash` on
// the path without the query (HAProxy `balance uri`).
class ConsistentHash final : public BalancingPolicy
{
public:
    enum class KeyOn : quint8 { ClientAddress, Path };
    static constexpr int PointsPerWeight = 160;

    explicit ConsistentHash(KeyOn keyOn)
        : m_keyOn(keyOn)
    {}

    void rebuild(std::span<const Candidate> candidates) override;
    int pick(std::span<const Candidate> candidates, const PickKey &key) override;

    // The bytes hashed for a request: "127.0.0" for ip-hash of 127.0.0.1.
    QByteArrayView keyBytes(const PickKey &key) const;

private:
    struct Point
    {
        quint64 hash;
        quint32 candidate;
        bool operator<(const Point &other) const { return hash < other.hash; }
    };

    bool builtFor(std::span<const Candidate> candidates) const;

    KeyOn m_keyOn;
    std::vector<Point> m_ring;
    std::vector<quint64> m_builtFor; // key × weight signature of the ring, to rebuild lazily
};

} // namespace infralab::loadbalancer
