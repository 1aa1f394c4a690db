#include "components/loadbalancer/consistenthash.h"

#include <algorithm>

namespace infralab::loadbalancer {

namespace {
quint64 signatureOf(const Candidate &c)
{
    return c.key ^ (quint64(c.weight) << 1);
}
} // namespace

bool ConsistentHash::builtFor(std::span<const Candidate> candidates) const
{
    if (m_builtFor.size() != candidates.size())
        return false;
    for (size_t i = 0; i < candidates.size(); ++i) {
        if (m_builtFor[i] != signatureOf(candidates[i]))
            return false;
    }
    return true;
}

void ConsistentHash::rebuild(std::span<const Candidate> candidates)
{
    m_ring.clear();
    for (size_t i = 0; i < candidates.size(); ++i) {
        const Candidate &c = candidates[i];
        const int points = PointsPerWeight * std::max(c.weight, 0);
        for (int p = 0; p < points; ++p) {
            const quint64 bytes[2] = {c.key, quint64(p)};
            m_ring.push_back(
                {stableHash(QByteArrayView(reinterpret_cast<const char *>(bytes), sizeof bytes)),
                 quint32(i)});
        }
    }
    std::sort(m_ring.begin(), m_ring.end());
    m_builtFor.clear();
    for (const Candidate &c : candidates)
        m_builtFor.push_back(signatureOf(c));
}

QByteArrayView ConsistentHash::keyBytes(const PickKey &key) const
{
    if (m_keyOn == KeyOn::Path)
        return key.path;
    // nginx ip_hash: the first three octets of an IPv4 address, the whole of anything else.
    const QByteArrayView address = key.clientAddress;
    if (address.count('.') == 3)
        return address.first(address.lastIndexOf('.'));
    return address;
}

int ConsistentHash::pick(std::span<const Candidate> candidates, const PickKey &key)
{
    if (!builtFor(candidates))
        rebuild(candidates);
    if (m_ring.empty())
        return -1;
    const quint64 hash = stableHash(keyBytes(key));
    auto start = std::lower_bound(m_ring.begin(), m_ring.end(), Point{hash, 0});
    const size_t first = size_t(start - m_ring.begin());
    for (size_t n = 0; n < m_ring.size(); ++n) {
        const Point &point = m_ring[(first + n) % m_ring.size()];
        if (candidates[point.candidate].eligible)
            return int(point.candidate);
    }
    return -1;
}

} // namespace infralab::loadbalancer
