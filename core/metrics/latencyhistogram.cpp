#include "metrics/latencyhistogram.h"

#include <bit>
#include <cmath>

namespace infralab::metrics {

namespace {
constexpr int subBuckets = 1 << LatencyHistogram::subBucketBits; // 256, exact values 0..255
constexpr int halfBuckets = subBuckets / 2;                      // 128 per power of two above
} // namespace

int LatencyHistogram::bucketIndex(qint64 valueUs)
{
    if (valueUs < subBuckets)
        return valueUs < 0 ? 0 : int(valueUs);
    if (valueUs > highestTrackable)
        return bucketCount - 1;
    const int msb = 63 - std::countl_zero(quint64(valueUs));
    const int shift = msb - (subBucketBits - 1); // ≥ 1: the bucket width is 2^shift
    const int sub = int(valueUs >> shift);       // 128..255
    return subBuckets + (shift - 1) * halfBuckets + (sub - halfBuckets);
}

qint64 LatencyHistogram::bucketLow(int index)
{
    if (index < subBuckets)
        return index;
    const int k = index - subBuckets;
    const int shift = k / halfBuckets + 1;
    const qint64 sub = k % halfBuckets + halfBuckets;
    return sub << shift;
}

qint64 LatencyHistogram::bucketHigh(int index)
{
    if (index < subBuckets)
        return index;
    const int shift = (index - subBuckets) / halfBuckets + 1;
    return bucketLow(index) + (qint64(1) << shift) - 1;
}

void LatencyHistogram::record(qint64 valueUs, quint64 count)
{
    if (count == 0)
        return;
    valueUs = qMax<qint64>(valueUs, 0);
    m_counts[std::size_t(bucketIndex(valueUs))] += count;
    if (m_count == 0 || valueUs < m_min)
        m_min = valueUs;
    m_max = qMax(m_max, valueUs);
    m_count += count;
    m_sum += valueUs * qint64(count);
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (other.m_count == 0)
        return;
    for (int i = 0; i < bucketCount; ++i)
        m_counts[std::size_t(i)] += other.m_counts[std::size_t(i)];
    m_min = m_count == 0 ? other.m_min : qMin(m_min, other.m_min);
    m_max = qMax(m_max, other.m_max);
    m_count += other.m_count;
    m_sum += other.m_sum;
}

void LatencyHistogram::subtract(const LatencyHistogram &earlier)
{
    int lowest = -1;
    int highest = -1;
    for (int i = 0; i < bucketCount; ++i) {
        quint64 &c = m_counts[std::size_t(i)];
        c -= qMin(c, earlier.m_counts[std::size_t(i)]);
        if (c) {
            if (lowest < 0)
                lowest = i;
            highest = i;
        }
    }
    m_count -= qMin(m_count, earlier.m_count);
    m_sum -= qMin(m_sum, earlier.m_sum);
    if (m_count == 0 || lowest < 0) {
        *this = LatencyHistogram();
        return;
    }
    // The window's extremes are only known to bucket precision (the whole run's are exact).
    m_min = qMax(m_min, bucketLow(lowest));
    m_max = qMin(m_max, bucketHigh(highest));
}

quint64 LatencyHistogram::countAtOrBelow(qint64 valueUs) const
{
    if (valueUs < 0)
        return 0;
    const int last = bucketIndex(valueUs);
    quint64 total = 0;
    for (int i = 0; i < last; ++i)
        total += m_counts[std::size_t(i)];
    // The bucket holding valueUs counts when valueUs reaches its upper end (or when it is
    // exact); otherwise a share of it, proportional to how far into the bucket valueUs is.
    const quint64 inLast = m_counts[std::size_t(last)];
    const qint64 low = bucketLow(last);
    const qint64 high = bucketHigh(last);
    if (valueUs >= high || last == bucketCount - 1)
        return total + inLast;
    return total + quint64(double(inLast) * double(valueUs - low + 1) / double(high - low + 1));
}

qint64 LatencyHistogram::valueAtPercentile(double percentile) const
{
    if (m_count == 0)
        return 0;
    percentile = qBound(0.0, percentile, 100.0);
    const quint64 wanted
        = qMax<quint64>(1, quint64(std::ceil(percentile / 100.0 * double(m_count))));
    quint64 seen = 0;
    for (int i = 0; i < bucketCount; ++i) {
        seen += m_counts[std::size_t(i)];
        if (seen >= wanted) {
            const qint64 mid = (bucketLow(i) + bucketHigh(i)) / 2;
            return qBound(m_min, mid, m_max);
        }
    }
    return m_max;
}

void SharedLatencyHistogram::addTo(LatencyHistogram &into) const
{
    LatencyHistogram h;
    for (int i = 0; i < LatencyHistogram::bucketCount; ++i)
        h.m_counts[std::size_t(i)] = m_counts[std::size_t(i)].load(std::memory_order_relaxed);
    h.m_count = m_count.load(std::memory_order_relaxed);
    h.m_sum = m_sum.load(std::memory_order_relaxed);
    h.m_min = m_min.load(std::memory_order_relaxed);
    h.m_max = m_max.load(std::memory_order_relaxed);
    into.merge(h);
}

} // namespace infralab::metrics
