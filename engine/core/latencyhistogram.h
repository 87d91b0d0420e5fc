#pragma once

// Latency distribution without keeping samples: log-linear buckets in the style of
// HdrHistogram. Values below 64 ns get one bucket each; above that every power of two is cut
// into 64 equal buckets, so a percentile (reported as its bucket's midpoint) is within 1/128
// (< 0.8 %) of the true sample value. The range is 0 .. 2^42 ns (~73 minutes); larger values
// land in an overflow bucket and percentiles there report the observed maximum.
//
// record() is lock-free (relaxed atomic adds on a fixed array of ~2,400 counters), so it is cheap
// enough for hot paths and safe from any number of threads; readers on other threads see a
// consistent-enough picture (each counter is exact, the set is not taken under a lock).

#include "core/histogramsnapshot.h"

#include <QtGlobal>

#include <array>
#include <atomic>

namespace m1 {

class LatencyHistogram
{
public:
    static constexpr int kSubBucketBits = 6;
    static constexpr int kSubBuckets = 1 << kSubBucketBits; // 64 per power of two
    static constexpr int kMaxExponent = 42;                 // values < 2^42 ns are bucketed exactly
    // Regular buckets, then one overflow bucket for everything >= 2^kMaxExponent.
    static constexpr int kBucketCount = kSubBuckets + (kMaxExponent - kSubBucketBits) * kSubBuckets + 1;
    // Worst-case relative error of a reported percentile against the sample at that rank.
    static constexpr double kMaxRelativeError = 1.0 / (2 * kSubBuckets);

    LatencyHistogram();
    LatencyHistogram(const LatencyHistogram &) = delete;
    LatencyHistogram &operator=(const LatencyHistogram &) = delete;

    // Negative durations (a clock going backwards) count as 0.
    void record(qint64 nanoseconds);
    quint64 count() const;
    // Nearest-rank percentile, p in 0..100 (clamped); 0 when empty.
    double percentileNs(double p) const;
    double meanNs() const;
    qint64 maxNs() const;
    qint64 minNs() const;
    // Not atomic with respect to concurrent record() calls: a sample recorded during a reset
    // may survive it partly (its bucket but not its sum). Meant for tests and "clear" buttons.
    void reset();
    HistogramSnapshot snapshot() const;

    // Bucket geometry, public for tests and for anyone merging snapshots.
    static int bucketIndex(qint64 nanoseconds);
    static qint64 bucketLowerBound(int index);
    static qint64 bucketWidth(int index);

private:
    using Counts = std::array<quint64, kBucketCount>;
    void copyCounts(Counts &out, quint64 *total) const;
    double percentileFrom(const Counts &counts, quint64 total, double p, qint64 minSeen,
                          qint64 maxSeen) const;

    std::array<std::atomic<quint64>, kBucketCount> m_buckets;
    std::atomic<quint64> m_count{0};
    std::atomic<quint64> m_sumNs{0};
    std::atomic<qint64> m_maxNs{0};
    std::atomic<qint64> m_minNs;
};

} // namespace m1
