#include "core/latencyhistogram.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>
#include <vector>

using namespace m1;

namespace {

// The same nearest-rank definition the histogram documents.
qint64 referencePercentile(const std::vector<qint64> &sorted, double p)
{
    const auto n = quint64(sorted.size());
    auto rank = quint64(std::ceil(p / 100.0 * double(n) - 1e-9));
    rank = std::clamp<quint64>(rank, 1, n);
    return sorted[rank - 1];
}

std::vector<qint64> sample(const QString &distribution, int n, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::vector<qint64> out;
    out.reserve(n);
    if (distribution == u"uniform") {
        std::uniform_int_distribution<qint64> d(1'000, 10'000'000); // 1 µs .. 10 ms
        for (int i = 0; i < n; ++i)
            out.push_back(d(rng));
    } else if (distribution == u"lognormal") {
        std::lognormal_distribution<double> d(std::log(1e6), 1.2); // median 1 ms, long tail
        for (int i = 0; i < n; ++i)
            out.push_back(qint64(d(rng)));
    } else if (distribution == u"bimodal") {
        // Cache hits around 200 µs, misses around 50 ms.
        std::normal_distribution<double> hit(200e3, 30e3);
        std::normal_distribution<double> miss(50e6, 8e6);
        std::bernoulli_distribution isMiss(0.08);
        for (int i = 0; i < n; ++i)
            out.push_back(std::max<qint64>(0, qint64(isMiss(rng) ? miss(rng) : hit(rng))));
    } else if (distribution == u"small") {
        std::uniform_int_distribution<qint64> d(0, 300); // exact region and just above
        for (int i = 0; i < n; ++i)
            out.push_back(d(rng));
    } else if (distribution == u"wide") {
        std::uniform_real_distribution<double> exponent(0, 41); // 1 ns .. ~36 minutes
        for (int i = 0; i < n; ++i)
            out.push_back(qint64(std::pow(2.0, exponent(rng))));
    }
    return out;
}

} // namespace

class TestLatencyHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucketGeometry();
    void percentilesMatchSortedReference_data();
    void percentilesMatchSortedReference();
    void emptyHistogram();
    void negativeAndHugeValues();
    void resetClears();
    void snapshotAgrees();
    void concurrentRecordsAreExact();
};

void TestLatencyHistogram::bucketGeometry()
{
    // Every bucket maps back to itself, buckets tile the range without gaps, and a bucket's
    // midpoint is within the stated relative error of anything in it.
    qint64 expectedLower = 0;
    for (int i = 0; i < LatencyHistogram::kBucketCount - 1; ++i) {
        const qint64 lower = LatencyHistogram::bucketLowerBound(i);
        const qint64 width = LatencyHistogram::bucketWidth(i);
        QCOMPARE(lower, expectedLower);
        QCOMPARE(LatencyHistogram::bucketIndex(lower), i);
        QCOMPARE(LatencyHistogram::bucketIndex(lower + width - 1), i);
        const double mid = double(lower) + double(width - 1) / 2.0;
        if (lower > 0) {
            QVERIFY(std::abs(mid - double(lower)) <= LatencyHistogram::kMaxRelativeError * double(lower));
            QVERIFY(std::abs(mid - double(lower + width - 1))
                    <= LatencyHistogram::kMaxRelativeError * double(lower + width - 1));
        }
        expectedLower = lower + width;
    }
    QCOMPARE(expectedLower, qint64(1) << LatencyHistogram::kMaxExponent);
    QCOMPARE(LatencyHistogram::bucketIndex(qint64(1) << 50), LatencyHistogram::kBucketCount - 1);
    QVERIFY(LatencyHistogram::kMaxRelativeError < 0.01);
}

void TestLatencyHistogram::percentilesMatchSortedReference_data()
{
    QTest::addColumn<QString>("distribution");
    QTest::newRow("uniform") << QStringLiteral("uniform");
    QTest::newRow("lognormal") << QStringLiteral("lognormal");
    QTest::newRow("bimodal") << QStringLiteral("bimodal");
    QTest::newRow("small") << QStringLiteral("small");
    QTest::newRow("wide") << QStringLiteral("wide");
}

void TestLatencyHistogram::percentilesMatchSortedReference()
{
    QFETCH(QString, distribution);
    for (const int n : {1, 7, 1000, 100'000}) {
        std::vector<qint64> values = sample(distribution, n, 42 + quint64(n));
        LatencyHistogram h;
        long double sum = 0;
        for (qint64 v : values) {
            h.record(v);
            sum += v;
        }
        std::sort(values.begin(), values.end());
        QCOMPARE(h.count(), quint64(n));
        QCOMPARE(h.maxNs(), values.back());
        QCOMPARE(h.minNs(), values.front());
        QCOMPARE(h.meanNs(), double(sum / n));
        for (double p : {0.0, 1.0, 10.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.9, 100.0}) {
            const double expected = double(referencePercentile(values, p));
            const double actual = h.percentileNs(p);
            const double allowed = expected * LatencyHistogram::kMaxRelativeError + 1e-9;
            if (std::abs(actual - expected) > allowed) {
                QFAIL(qPrintable(QStringLiteral("%1 n=%2 p%3: got %4, reference %5")
                                     .arg(distribution).arg(n).arg(p).arg(actual, 0, 'f', 1)
                                     .arg(expected, 0, 'f', 1)));
            }
        }
    }
}

void TestLatencyHistogram::emptyHistogram()
{
    LatencyHistogram h;
    QCOMPARE(h.count(), quint64(0));
    QCOMPARE(h.percentileNs(50), 0.0);
    QCOMPARE(h.meanNs(), 0.0);
    QCOMPARE(h.maxNs(), qint64(0));
    QCOMPARE(h.minNs(), qint64(0));
    const HistogramSnapshot s = h.snapshot();
    QCOMPARE(s.count, quint64(0));
    QCOMPARE(s.p99Ns, 0.0);
}

void TestLatencyHistogram::negativeAndHugeValues()
{
    LatencyHistogram h;
    h.record(-5);
    QCOMPARE(h.count(), quint64(1));
    QCOMPARE(h.maxNs(), qint64(0));
    QCOMPARE(h.percentileNs(50), 0.0);
    const qint64 huge = qint64(1) << 45; // beyond the bucketed range: reported as the maximum
    h.record(huge);
    QCOMPARE(h.percentileNs(100), double(huge));
    QCOMPARE(h.maxNs(), huge);
}

void TestLatencyHistogram::resetClears()
{
    LatencyHistogram h;
    for (int i = 1; i <= 100; ++i)
        h.record(i * 1000);
    h.reset();
    QCOMPARE(h.count(), quint64(0));
    QCOMPARE(h.percentileNs(90), 0.0);
    QCOMPARE(h.maxNs(), qint64(0));
    h.record(500);
    QCOMPARE(h.percentileNs(50), 500.0);
    QCOMPARE(h.minNs(), qint64(500));
}

void TestLatencyHistogram::snapshotAgrees()
{
    LatencyHistogram h;
    const std::vector<qint64> values = sample(QStringLiteral("lognormal"), 5000, 7);
    for (qint64 v : values)
        h.record(v);
    const HistogramSnapshot s = h.snapshot();
    QCOMPARE(s.count, h.count());
    QCOMPARE(s.p50Ns, h.percentileNs(50));
    QCOMPARE(s.p90Ns, h.percentileNs(90));
    QCOMPARE(s.p99Ns, h.percentileNs(99));
    QCOMPARE(s.p999Ns, h.percentileNs(99.9));
    QCOMPARE(s.maxNs, h.maxNs());
    QCOMPARE(s.minNs, h.minNs());
    QCOMPARE(s.meanNs, h.meanNs());
    QVERIFY(s.p50Ns <= s.p90Ns && s.p90Ns <= s.p99Ns && s.p99Ns <= s.p999Ns);
}

void TestLatencyHistogram::concurrentRecordsAreExact()
{
    LatencyHistogram h;
    constexpr int threads = 4;
    constexpr int perThread = 100'000;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&h, t] {
            for (int i = 0; i < perThread; ++i)
                h.record(qint64(t + 1) * 1'000 + i % 1000);
        });
    }
    // A reader on another thread meanwhile must never see more than was recorded.
    std::thread reader([&h] {
        for (int i = 0; i < 200; ++i) {
            const HistogramSnapshot s = h.snapshot();
            if (s.count > quint64(threads) * perThread || s.p50Ns > s.p99Ns)
                qFatal("inconsistent snapshot");
        }
    });
    for (auto &w : workers)
        w.join();
    reader.join();
    QCOMPARE(h.count(), quint64(threads) * perThread);
    QCOMPARE(h.snapshot().count, quint64(threads) * perThread);
    QCOMPARE(h.maxNs(), qint64(threads) * 1'000 + 999);
    QCOMPARE(h.minNs(), qint64(1'000));
    // Sum of (t+1)*1000 + i%1000 over all records.
    const double expectedMean = (1000.0 * (1 + 2 + 3 + 4) * perThread + threads * 100.0 * 999 * 1000 / 2)
                                / (threads * perThread);
    QCOMPARE(h.meanNs(), expectedMean);
}

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
