#pragma once

// Exact dense search: every vector normalised once at build and stored contiguously in one
// row-major float32 Eigen matrix. A query is one matrix-vector product and a heap top-k, or,
// from screenMinRows rows on, an int8 screen (a quarter of the bytes to stream) that bounds
// which rows can be in the top-k, followed by exact float32 scores of those rows only: the
// same result, since the scan is bound by memory bandwidth rather than arithmetic.

#include "search/quantizedscreen.h"
#include "search/vectorindex.h"

#include <Eigen/Core>

namespace m1 {

class ExactVectorIndex final : public VectorIndex
{
public:
    using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    // rows x dim floats, row-major; rows are normalised here (zero rows stay zero). 0 rows for
    // screenMinRows never screens.
    // (Splitting one product over two cores was measured at 20,000 x 1536: no gain, the scan is
    // bound by the machine's memory bandwidth, so it stays on the calling thread.)
    ExactVectorIndex(const float *data, int rows, int dim, int screenMinRows = kDefaultScreenMinRows);

    // Measured at 1536 dimensions: 200 rows 28 µs full scan against 35 µs screened (the matrix
    // sits in cache, and lexical candidates then need one dot each); 2,000 rows 238 against 116.
    static constexpr int kDefaultScreenMinRows = 1024;

    QString kind() const override { return QStringLiteral("exact"); }
    int size() const override { return int(m_matrix.rows()); }
    int dimension() const override { return int(m_matrix.cols()); }
    bool search(const float *query, int k, std::vector<VectorHit> &out,
                float *allScores = nullptr) const override;
    float score(const float *query, int row) const override;

    // Every row's score (size() floats).
    void scoreAll(const float *query, float *out) const;
    const float *row(int i) const { return m_matrix.data() + size_t(i) * size_t(m_matrix.cols()); }

private:
    bool fullScan(const float *query, int k, std::vector<VectorHit> &out, float *allScores) const;

    Matrix m_matrix;
    QuantizedScreen m_screen; // empty below screenMinRows rows
};

} // namespace m1
