#pragma once

#include <QtGlobal>

#include <array>
#include <atomic>
#include <type_traits>

namespace infralab::metrics {

// Latencies in microseconds from 1 µs to 60 s in log-linear buckets (HdrHistogram's layout
// with 256 sub-buckets): values below 256 µs are exact, above that every power of two is cut
// into 128 equal buckets, so a reported value (the bucket's midpoint) is within 0.4% of the
// recorded one. 2,560 buckets, 20 KiB. Histograms merge by adding counts, so each network
// thread records into its own and a collector adds them up. Values above the range count in
// the last bucket (and in max()). A plain value type: one writer, no locks; for a histogram
// that one thread writes while another reads, see SharedLatencyHistogram.
class LatencyHistogram
{
public:
    static constexpr int subBucketBits = 8;
    static constexpr int bucketCount = 2560;
    static constexpr qint64 highestTrackable = (qint64(1) << 26) - 1; // ~67 s

    static int bucketIndex(qint64 valueUs);
    static qint64 bucketLow(int index);
    static qint64 bucketHigh(int index); // inclusive

    void record(qint64 valueUs, quint64 count = 1);
    void merge(const LatencyHistogram &other);
    // This histogram minus an earlier snapshot of the same recorder: the values recorded in
    // between (a window). `earlier` must not have counts this one lacks.
    void subtract(const LatencyHistogram &earlier);
    void reset() { *this = LatencyHistogram(); }

    quint64 count() const { return m_count; }
    qint64 min() const { return m_count ? m_min : 0; }
    qint64 max() const { return m_max; }
    double mean() const { return m_count ? double(m_sum) / double(m_count) : 0.0; }
    qint64 sum() const { return m_sum; }
    quint64 countAt(int index) const { return m_counts[std::size_t(index)]; }
    // Number of recorded values ≤ valueUs (exact at bucket boundaries, else ≤ 0.8% off in
    // value): Prometheus' cumulative `le` buckets.
    quint64 countAtOrBelow(qint64 valueUs) const;

    // The value at `percentile` (0..100), like wrk and HdrHistogram: the smallest recorded
    // value with at least that share of values at or below it, reported as its bucket's
    // midpoint and clamped to [min, max]. 0 for an empty histogram.
    qint64 valueAtPercentile(double percentile) const;

private:
    friend class SharedLatencyHistogram;
    std::array<quint64, bucketCount> m_counts{};
    quint64 m_count = 0;
    qint64 m_sum = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
};

// One writer thread records (the network thread that owns it); any thread may take a
// snapshot at any time. Single-writer relaxed atomics: a record() is plain loads and stores,
// no lock prefix, and a snapshot never sees a torn counter (it may see a record half-done
// across fields, which a 250 ms sampler does not mind).
class SharedLatencyHistogram
{
public:
    void record(qint64 valueUs)
    {
        bump(m_counts[std::size_t(LatencyHistogram::bucketIndex(valueUs))], 1);
        bump(m_count, 1);
        bump(m_sum, valueUs);
        const qint64 max = m_max.load(std::memory_order_relaxed);
        if (valueUs > max)
            m_max.store(valueUs, std::memory_order_relaxed);
        const qint64 min = m_min.load(std::memory_order_relaxed);
        if (min == 0 || valueUs < min)
            m_min.store(qMax<qint64>(valueUs, 1), std::memory_order_relaxed);
    }
    // Adds what was recorded so far to `into` (merging the threads' histograms).
    void addTo(LatencyHistogram &into) const;
    LatencyHistogram snapshot() const
    {
        LatencyHistogram h;
        addTo(h);
        return h;
    }

private:
    template<typename T>
    static void bump(std::atomic<T> &counter, std::type_identity_t<T> by)
    {
        counter.store(counter.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
    }

    std::array<std::atomic<quint64>, LatencyHistogram::bucketCount> m_counts{};
    std::atomic<quint64> m_count{0};
    std::atomic<qint64> m_sum{0};
    std::atomic<qint64> m_min{0};
    std::atomic<qint64> m_max{0};
};

} // namespace infralab::metrics
