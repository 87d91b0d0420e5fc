#include "core/latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace m1 {

namespace {
constexpr qint64 kNoMin = std::numeric_limits<qint64>::max();
}

LatencyHistogram::LatencyHistogram()
    : m_minNs(kNoMin)
{
    for (auto &bucket : m_buckets)
        bucket.store(0, std::memory_order_relaxed);
}

int LatencyHistogram::bucketIndex(qint64 nanoseconds)
{
    if (nanoseconds < kSubBuckets)
        return nanoseconds < 0 ? 0 : int(nanoseconds);
    const auto v = quint64(nanoseconds);
    const int exponent = std::bit_width(v) - 1; // >= kSubBucketBits here
    if (exponent >= kMaxExponent)
        return kBucketCount - 1;
    const int shift = exponent - kSubBucketBits;
    const int sub = int(v >> shift) - kSubBuckets;
    return kSubBuckets + shift * kSubBuckets + sub;
}

qint64 LatencyHistogram::bucketLowerBound(int index)
{
    if (index < kSubBuckets)
        return index;
    const int shift = (index - kSubBuckets) / kSubBuckets;
    const int sub = (index - kSubBuckets) % kSubBuckets;
    return qint64(kSubBuckets + sub) << shift;
}

qint64 LatencyHistogram::bucketWidth(int index)
{
    if (index < kSubBuckets)
        return 1;
    return qint64(1) << ((index - kSubBuckets) / kSubBuckets);
}

void LatencyHistogram::record(qint64 nanoseconds)
{
    if (nanoseconds < 0)
        nanoseconds = 0;
    m_buckets[bucketIndex(nanoseconds)].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sumNs.fetch_add(quint64(nanoseconds), std::memory_order_relaxed);
    qint64 seen = m_maxNs.load(std::memory_order_relaxed);
    while (nanoseconds > seen
           && !m_maxNs.compare_exchange_weak(seen, nanoseconds, std::memory_order_relaxed)) {
    }
    seen = m_minNs.load(std::memory_order_relaxed);
    while (nanoseconds < seen
           && !m_minNs.compare_exchange_weak(seen, nanoseconds, std::memory_order_relaxed)) {
    }
}

quint64 LatencyHistogram::count() const
{
    return m_count.load(std::memory_order_relaxed);
}

qint64 LatencyHistogram::maxNs() const
{
    return m_maxNs.load(std::memory_order_relaxed);
}

qint64 LatencyHistogram::minNs() const
{
    const qint64 seen = m_minNs.load(std::memory_order_relaxed);
    return seen == kNoMin ? 0 : seen;
}

double LatencyHistogram::meanNs() const
{
    const quint64 n = count();
    return n == 0 ? 0.0 : double(m_sumNs.load(std::memory_order_relaxed)) / double(n);
}

void LatencyHistogram::reset()
{
    for (auto &bucket : m_buckets)
        bucket.store(0, std::memory_order_relaxed);
    m_count.store(0, std::memory_order_relaxed);
    m_sumNs.store(0, std::memory_order_relaxed);
    m_maxNs.store(0, std::memory_order_relaxed);
    m_minNs.store(kNoMin, std::memory_order_relaxed);
}

void LatencyHistogram::copyCounts(Counts &out, quint64 *total) const
{
    quint64 sum = 0;
    for (int i = 0; i < kBucketCount; ++i) {
        out[i] = m_buckets[i].load(std::memory_order_relaxed);
        sum += out[i];
    }
    *total = sum;
}

double LatencyHistogram::percentileFrom(const Counts &counts, quint64 total, double p,
                                        qint64 minSeen, qint64 maxSeen) const
{
    if (total == 0)
        return 0.0;
    p = std::clamp(p, 0.0, 100.0);
    // Nearest rank; the epsilon keeps 90 % of 1000 at rank 900 despite rounding in p/100.
    auto rank = quint64(std::ceil(p / 100.0 * double(total) - 1e-9));
    rank = std::clamp<quint64>(rank, 1, total);
    quint64 seen = 0;
    for (int i = 0; i < kBucketCount; ++i) {
        seen += counts[i];
        if (seen < rank)
            continue;
        if (i == kBucketCount - 1)
            return double(maxSeen); // the overflow bucket has no upper edge
        const double mid = double(bucketLowerBound(i)) + double(bucketWidth(i) - 1) / 2.0;
        // The true sample lies in this bucket and within [min, max]: clamping only helps.
        return std::clamp(mid, double(minSeen), double(std::max(minSeen, maxSeen)));
    }
    return double(maxSeen);
}

double LatencyHistogram::percentileNs(double p) const
{
    Counts counts;
    quint64 total = 0;
    copyCounts(counts, &total);
    return percentileFrom(counts, total, p, minNs(), maxNs());
}

HistogramSnapshot LatencyHistogram::snapshot() const
{
    Counts counts;
    quint64 total = 0;
    copyCounts(counts, &total);
    HistogramSnapshot s;
    s.count = total;
    if (total == 0)
        return s;
    s.sumNs = double(m_sumNs.load(std::memory_order_relaxed));
    s.minNs = minNs();
    s.maxNs = maxNs();
    // Bucket counts and the sum are read separately; divide by the sample count the sum saw
    // at most, so a concurrent record() cannot push the mean past the maximum.
    s.meanNs = std::min(s.sumNs / double(std::max<quint64>(total, count())), double(s.maxNs));
    s.p50Ns = percentileFrom(counts, total, 50, s.minNs, s.maxNs);
    s.p90Ns = percentileFrom(counts, total, 90, s.minNs, s.maxNs);
    s.p99Ns = percentileFrom(counts, total, 99, s.minNs, s.maxNs);
    s.p999Ns = percentileFrom(counts, total, 99.9, s.minNs, s.maxNs);
    return s;
}

} // namespace m1
