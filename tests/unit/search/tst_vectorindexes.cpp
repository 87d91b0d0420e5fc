// ExactVectorIndex against a brute-force reference on random data (normalisation, top-k order,
// all scores), the dispatched kernels against a plain loop, the float16 path against float32,
// and HnswVectorIndex's recall@10 against exact on clustered data.

#include "search/dotkernels.h"
#include "search/halfkernels.h"
#include "search/exactvectorindex.h"
#include "search/hnswvectorindex.h"
#include "search/syntheticregistry.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace m1;
using namespace Qt::StringLiterals;

class TestVectorIndexes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kernelsMatchAPlainLoop();
    void exactMatchesBruteForce();
    void hnswRecall();
    void int8KernelMatchesAPlainLoop();
    void screenedSearchEqualsFullScan_data();
    void screenedSearchEqualsFullScan();
    void halfConversionRoundsToNearestEven();
    void halfKernelsAgreeWithEachOther();
    void halfIndexRanksLikeFloat32();
    void softmaxKernels();
};

void TestVectorIndexes::kernelsMatchAPlainLoop()
{
    QRandomGenerator random(3);
    for (int dim : { 1, 7, 8, 33, 1536 }) {
        const int rows = 13;
        std::vector<float> m(static_cast<size_t>(rows * dim)), q(static_cast<size_t>(dim)),
            out(static_cast<size_t>(rows));
        for (float &v : m)
            v = float(random.generateDouble() - 0.5);
        for (float &v : q)
            v = float(random.generateDouble() - 0.5);
        kernels::gemv(m.data(), rows, dim, q.data(), out.data());
        for (int r = 0; r < rows; ++r) {
            double expected = 0;
            for (int d = 0; d < dim; ++d)
                expected += double(m[size_t(r * dim + d)]) * q[size_t(d)];
            QVERIFY(std::abs(out[size_t(r)] - expected) < 1e-3);
            QVERIFY(std::abs(kernels::dot(m.data() + r * dim, q.data(), dim) - expected) < 1e-3);
        }
    }
    qInfo("dot kernel: %s", kernels::name());
}

void TestVectorIndexes::exactMatchesBruteForce()
{
    QRandomGenerator random(11);
    const int n = 500, dim = 48;
    std::vector<float> data(static_cast<size_t>(n * dim));
    for (float &v : data)
        v = float(random.generateDouble() * 4 - 2); // not normalised on purpose
    const ExactVectorIndex index(data.data(), n, dim, 0, 0); // the full float32 scan
    std::vector<float> q(static_cast<size_t>(dim));
    for (float &v : q)
        v = float(random.generateDouble() - 0.5);
    double qn = 0;
    for (float v : q)
        qn += double(v) * v;
    for (float &v : q)
        v = float(v / std::sqrt(qn));

    std::vector<std::pair<double, int>> reference;
    for (int i = 0; i < n; ++i) {
        double dot = 0, norm = 0;
        for (int d = 0; d < dim; ++d) {
            dot += double(data[size_t(i * dim + d)]) * q[size_t(d)];
            norm += double(data[size_t(i * dim + d)]) * data[size_t(i * dim + d)];
        }
        reference.emplace_back(dot / std::sqrt(norm), i);
    }
    std::sort(reference.begin(), reference.end(), [](auto a, auto b) { return a.first > b.first; });

    std::vector<VectorHit> hits;
    std::vector<float> all(static_cast<size_t>(n));
    QVERIFY(index.search(q.data(), 10, hits, all.data()));
    QCOMPARE(int(hits.size()), 10);
    for (int k = 0; k < 10; ++k) {
        QCOMPARE(hits[size_t(k)].index, reference[size_t(k)].second);
        QVERIFY(std::abs(hits[size_t(k)].score - reference[size_t(k)].first) < 1e-4);
        QVERIFY(std::abs(index.score(q.data(), hits[size_t(k)].index) - hits[size_t(k)].score)
                < 1e-5);
    }
    for (int i = 0; i < n; ++i)
        QVERIFY(std::abs(all[size_t(i)] - index.score(q.data(), i)) < 1e-5);
    QVERIFY(!index.search(q.data(), 5, hits)); // without a buffer: no all-scores
    QCOMPARE(int(hits.size()), 5);
}

void TestVectorIndexes::int8KernelMatchesAPlainLoop()
{
    QRandomGenerator random(5);
    for (int stride : { 32, 64, 96, 1536 }) { // 96: the 64-byte loop and a 32-byte tail
        for (int rows : { 1, 2, 7 }) {
            std::vector<std::int8_t> m(static_cast<size_t>(rows * stride)), q(static_cast<size_t>(stride));
            for (std::int8_t &v : m)
                v = std::int8_t(random.bounded(-127, 128));
            for (std::int8_t &v : q)
                v = std::int8_t(random.bounded(-127, 128));
            m[0] = -127; // the extremes, where a pair sum comes closest to int16's limit
            q[0] = -127;
            std::vector<std::int32_t> out(static_cast<size_t>(rows));
            kernels::gemvInt8(m.data(), rows, stride, q.data(), out.data());
            for (int r = 0; r < rows; ++r) {
                std::int32_t expected = 0;
                for (int i = 0; i < stride; ++i)
                    expected += std::int32_t(m[size_t(r * stride + i)]) * q[size_t(i)];
                QCOMPARE(out[size_t(r)], expected);
            }
        }
    }
}

void TestVectorIndexes::screenedSearchEqualsFullScan_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("dim");
    QTest::addColumn<int>("k");
    QTest::addColumn<QString>("shape");
    QTest::newRow("uniform") << 2000 << 96 << 20 << u"uniform"_s;
    QTest::newRow("sparse hashed") << 1500 << 256 << 20 << u"sparse"_s;
    QTest::newRow("near duplicates") << 800 << 64 << 10 << u"clustered"_s;
    QTest::newRow("k above rows") << 70 << 33 << 100 << u"uniform"_s;
    QTest::newRow("with zero rows") << 300 << 40 << 15 << u"zeros"_s;
}

void TestVectorIndexes::screenedSearchEqualsFullScan()
{
    QFETCH(int, rows);
    QFETCH(int, dim);
    QFETCH(int, k);
    QFETCH(QString, shape);
    QRandomGenerator random(21);
    std::vector<float> data(size_t(rows) * size_t(dim), 0.0f);
    std::vector<float> centre(static_cast<size_t>(dim));
    for (float &v : centre)
        v = float(random.generateDouble() - 0.5);
    for (int r = 0; r < rows; ++r) {
        float *row = data.data() + size_t(r) * size_t(dim);
        if (shape == u"sparse") {
            for (int j = 0; j < 12; ++j) // a few hashed features, like the local embedder
                row[random.bounded(dim)] += random.bounded(2) ? 1.0f : -1.0f;
        } else if (shape == u"clustered") {
            for (int d = 0; d < dim; ++d)
                row[d] = centre[size_t(d)] + float(random.generateDouble() - 0.5) * 0.01f;
        } else if (shape != u"zeros" || r % 3 != 0) {
            for (int d = 0; d < dim; ++d)
                row[d] = float(random.generateDouble() - 0.5);
        }
    }
    const ExactVectorIndex screened(data.data(), rows, dim, 1);
    const ExactVectorIndex full(data.data(), rows, dim, 0, 0);
    std::vector<VectorHit> a, b;
    for (int query = 0; query < 40; ++query) {
        // Queries near stored rows, so the top scores are close together and the bounds matter.
        const int near = random.bounded(rows);
        std::vector<float> q(static_cast<size_t>(dim));
        double norm = 0;
        for (int d = 0; d < dim; ++d) {
            q[size_t(d)] = data[size_t(near) * size_t(dim) + size_t(d)]
                + float(random.generateDouble() - 0.5) * 0.2f;
            norm += double(q[size_t(d)]) * q[size_t(d)];
        }
        for (float &v : q)
            v = float(v / std::sqrt(std::max(norm, 1e-12)));
        QVERIFY(!screened.search(q.data(), k, a));
        full.search(q.data(), k, b);
        QCOMPARE(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].index, b[i].index);
            QCOMPARE(a[i].score, b[i].score);
        }
    }
}

void TestVectorIndexes::halfConversionRoundsToNearestEven()
{
    const std::pair<float, std::uint16_t> cases[] = {
        { 0.0f, 0x0000 },          { -0.0f, 0x8000 },        { 1.0f, 0x3c00 },
        { -2.0f, 0xc000 },         { 65504.0f, 0x7bff },     { 65520.0f, 0x7c00 }, // rounds to inf
        { 6.1035156e-05f, 0x0400 }, // smallest normal
        { 5.9604645e-08f, 0x0001 }, // smallest subnormal
        { 2.9802322e-08f, 0x0000 }, // half of it: ties to even (zero)
        { 1.0f + 1.0f / 2048.0f, 0x3c00 }, // a tie: even significand stays
        { 1.0f + 3.0f / 2048.0f, 0x3c02 }, // a tie: odd significand rounds up
        { 0.1f, 0x2e66 },
    };
    for (const auto &[value, bits] : cases) {
        std::uint16_t out = 0;
        kernels::toHalf(&value, &out, 1);
        QCOMPARE(out, bits);
    }
    QCOMPARE(kernels::halfToFloat(0x3c00), 1.0f);
    QCOMPARE(kernels::halfToFloat(0x0001), 5.9604645e-08f);
    QCOMPARE(kernels::halfToFloat(0x0400), 6.1035156e-05f);
    QCOMPARE(kernels::halfToFloat(0x7bff), 65504.0f);
    QVERIFY(std::isinf(kernels::halfToFloat(0x7c00)));
    // A long run converts like one value at a time (the vector and the scalar tail agree).
    QRandomGenerator random(8);
    std::vector<float> values(1003);
    for (float &v : values)
        v = float((random.generateDouble() - 0.5) * std::pow(2.0, random.bounded(-26, 17)));
    std::vector<std::uint16_t> run(values.size());
    kernels::toHalf(values.data(), run.data(), int(values.size()));
    for (size_t i = 0; i < values.size(); ++i) {
        std::uint16_t one = 0;
        kernels::toHalf(&values[i], &one, 1);
        QCOMPARE(run[i], one);
        const float back = kernels::halfToFloat(one);
        if (std::abs(values[i]) >= 6.1035156e-05f && std::abs(values[i]) < 65504.0f)
            QVERIFY(std::abs(back - values[i]) <= std::abs(values[i]) / 2048.0f);
    }
}

void TestVectorIndexes::halfKernelsAgreeWithEachOther()
{
    QRandomGenerator random(4);
    for (int dim : { 1, 7, 8, 15, 16, 24, 33, 1536 }) {
        const int rows = 11;
        std::vector<float> m(size_t(rows) * size_t(dim)), q(static_cast<size_t>(dim));
        for (float &v : m)
            v = float(random.generateDouble() - 0.5);
        for (float &v : q)
            v = float(random.generateDouble() - 0.5);
        std::vector<std::uint16_t> h(m.size());
        kernels::toHalf(m.data(), h.data(), int(m.size()));
        std::vector<float> all(static_cast<size_t>(rows)), picked(static_cast<size_t>(rows));
        kernels::gemvHalf(h.data(), rows, dim, q.data(), all.data());
        std::vector<int> order(static_cast<size_t>(rows));
        for (int r = 0; r < rows; ++r)
            order[size_t(r)] = rows - 1 - r;
        kernels::gatherHalf(h.data(), dim, order.data(), rows, q.data(), picked.data());
        for (int r = 0; r < rows; ++r) {
            const float one = kernels::dotHalf(h.data() + size_t(r) * size_t(dim), q.data(), dim);
            // The same bits alone, in a block of four, or picked by index.
            QCOMPARE(all[size_t(r)], one);
            QCOMPARE(picked[size_t(rows - 1 - r)], one);
            double expected = 0; // against the float16 values themselves
            for (int d = 0; d < dim; ++d)
                expected += double(kernels::halfToFloat(h[size_t(r) * size_t(dim) + size_t(d)]))
                    * q[size_t(d)];
            QVERIFY(std::abs(one - expected) < 1e-4);
        }
    }
}

void TestVectorIndexes::halfIndexRanksLikeFloat32()
{
    // 300 × 512 floats: above the float16 threshold, below the screen's.
    const int rows = 300, dim = 512;
    const SyntheticRegistry r = SyntheticRegistry::generate(rows, dim, 50, 9);
    const ExactVectorIndex half(r.vectors.data(), rows, dim);
    const ExactVectorIndex full(r.vectors.data(), rows, dim, 0, 0);
    QVERIFY(!full.isHalf());
    QCOMPARE(half.isHalf(), kernels::hasHalf());
    if (!half.isHalf())
        QSKIP("this CPU has no F16C: the index stays float32");
    std::vector<VectorHit> a, b;
    std::vector<float> scores(static_cast<size_t>(rows));
    int sameLists = 0;
    for (int q = 0; q < 50; ++q) {
        QVERIFY(half.search(r.queryVector(q), 20, a, scores.data()));
        full.search(r.queryVector(q), 20, b);
        QCOMPARE(a.size(), b.size());
        bool same = true;
        for (size_t i = 0; i < a.size(); ++i) {
            // Within float16's error of float32 (about 1e-5 here); a hit's score is the
            // index's score() and its all-scores entry, to the bit.
            QVERIFY(std::abs(a[i].score - full.score(r.queryVector(q), a[i].index)) < 5e-5f);
            QCOMPARE(a[i].score, half.score(r.queryVector(q), a[i].index));
            QCOMPARE(scores[size_t(a[i].index)], a[i].score);
            // The i-th float16 hit is, in float32, as good as the i-th float32 hit up to that
            // error: only near-ties can trade places.
            QVERIFY(std::abs(full.score(r.queryVector(q), a[i].index) - b[i].score) < 1e-4f);
            same = same && a[i].index == b[i].index;
        }
        sameLists += same ? 1 : 0;
    }
    // Synthetic tools come in families, so a few scores of a query lie within 1e-5 of each
    // other, but most lists are the same.
    QVERIFY(sameLists >= 45);
}

void TestVectorIndexes::softmaxKernels()
{
    QRandomGenerator random(6);
    for (int n : { 1, 5, 8, 13, 200 }) {
        std::vector<float> x(static_cast<size_t>(n)), acc(static_cast<size_t>(n), 1.0f);
        for (float &v : x)
            v = float((random.generateDouble() - 0.5) * 60.0);
        const float peak = *std::max_element(x.begin(), x.end());
        double expected = 0;
        for (float v : x)
            expected += std::exp(double(v) - double(peak));
        QVERIFY(std::abs(kernels::sumExp(x.data(), n, peak) - expected) < 1e-6 * expected);
        kernels::accumulate(acc.data(), x.data(), n);
        for (int i = 0; i < n; ++i)
            QCOMPARE(acc[size_t(i)], 1.0f + x[size_t(i)]);
        // scale: every element, the tail past the last full vector too, and in place.
        std::vector<float> scaled(static_cast<size_t>(n));
        kernels::scale(x.data(), 0.25f, scaled.data(), n);
        for (int i = 0; i < n; ++i)
            QCOMPARE(scaled[size_t(i)], x[size_t(i)] * 0.25f);
        kernels::scale(scaled.data(), 4.0f, scaled.data(), n);
        for (int i = 0; i < n; ++i)
            QCOMPARE(scaled[size_t(i)], x[size_t(i)]);
    }
    // Far under the peak: zero, never a denormal blow-up or NaN.
    const float low[3] = { -200.0f, -90.0f, 0.0f };
    QVERIFY(std::abs(kernels::sumExp(low, 3, 0.0f) - 1.0f) < 1e-6f);
}

void TestVectorIndexes::hnswRecall()
{
    const SyntheticRegistry r = SyntheticRegistry::generate(3000, 64, 200, 5);
    auto exact = std::make_shared<const ExactVectorIndex>(r.vectors.data(), 3000, 64);
    const HnswVectorIndex hnsw(exact, HnswOptions { 16, 100, 64, 100 });
    std::vector<VectorHit> truth, found;
    double recall = 0;
    for (int q = 0; q < 200; ++q) {
        exact->search(r.queryVector(q), 10, truth);
        hnsw.search(r.queryVector(q), 10, found);
        QCOMPARE(int(found.size()), 10);
        QVERIFY(std::is_sorted(found.begin(), found.end(),
                               [](auto a, auto b) { return a.score > b.score; }));
        int hits = 0;
        for (const VectorHit &t : truth)
            hits += std::any_of(found.begin(), found.end(),
                                [&](auto f) { return f.index == t.index; })
                ? 1
                : 0;
        recall += hits / 10.0;
    }
    recall /= 200;
    qInfo("hnsw recall@10 on 3000 x 64 clustered: %.4f", recall);
    QVERIFY2(recall >= 0.95, qPrintable(QString::number(recall)));
}

QTEST_GUILESS_MAIN(TestVectorIndexes)
#include "tst_vectorindexes.moc"
