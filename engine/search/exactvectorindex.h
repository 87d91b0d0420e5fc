#pragma once

// Exact dense search: every vector normalised once at build and stored contiguously in one
// row-major float32 Eigen matrix. A query is one matrix-vector product and a heap top-k, or,
// from screenMinRows rows on, an int8 screen (a quarter of the bytes to stream) that bounds
// which rows can be in the top-k, followed by exact float32 scores of those rows only: the
// same result, since the scan is bound by memory bandwidth rather than arithmetic. Under
// screenMinRows, a matrix too large for a core's L2 in float32 is scanned in float16 instead
// (see kDefaultHalfMinFloats).

#include "search/quantizedscreen.h"
#include "search/vectorindex.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace m1 {

class ExactVectorIndex final : public VectorIndex
{
public:
    using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    // rows x dim floats, row-major; rows are normalised here (zero rows stay zero). 0 rows for
    // screenMinRows never screens.
    // (Splitting one product over two cores was measured at 20,000 x 1536: no gain, the scan is
    // bound by the machine's memory bandwidth, so it stays on the calling thread.)
    // halfMinFloats: from this many floats (rows × dim) on, and under screenMinRows rows, scores
    // come from a float16 copy when the CPU converts it in hardware; 0: always float32.
    ExactVectorIndex(const float *data, int rows, int dim, int screenMinRows = kDefaultScreenMinRows,
                     int halfMinFloats = kDefaultHalfMinFloats);

    // Measured at 1536 dimensions: 200 rows 28 µs full scan against 35 µs screened (the matrix
    // sits in cache, and lexical candidates then need one dot each); 2,000 rows 238 against 116.
    static constexpr int kDefaultScreenMinRows = 1024;
    // 200 rows × 1536 in float32 is 1.2 MB: more than a core's L2 (1 MB on the machines
    // measured), so every scan streams from L3 (13.5 µs, however many FMA chains). In float16
    // the 600 KB stay in L2: 8.2 µs (both measured in isolation). A float16 score differs from
    // the float32 one by about 1e-5 for unit vectors (11-bit significands, errors of random
    // sign): rows closer than that may trade places, nothing else moves (on resources/eval every
    // labelled tool kept its rank). All float16 scores of one index are summed alike, so the
    // result stays deterministic. From 512 KiB of float32 on; the screen (int8 first, then
    // exact float32 rows) takes over from screenMinRows rows.
    static constexpr int kDefaultHalfMinFloats = 128 * 1024;

    QString kind() const override { return QStringLiteral("exact"); }
    int size() const override { return int(m_matrix.rows()); }
    int dimension() const override { return int(m_matrix.cols()); }
    bool search(const float *query, int k, std::vector<VectorHit> &out,
                float *allScores = nullptr) const override;
    float score(const float *query, int row) const override;

    // Every row's score (size() floats).
    void scoreAll(const float *query, float *out) const;
    const float *row(int i) const { return m_matrix.data() + size_t(i) * size_t(m_matrix.cols()); }
    // Whether scores come from the float16 copy.
    bool isHalf() const { return !m_half.empty(); }

private:
    bool fullScan(const float *query, int k, std::vector<VectorHit> &out, float *allScores) const;

    Matrix m_matrix;
    QuantizedScreen m_screen; // empty below screenMinRows rows
    std::vector<std::uint16_t> m_half; // float16 rows, when they score
};

} // namespace m1
