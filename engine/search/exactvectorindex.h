#pragma once

// Exact dense search: every vector normalised once at build and stored contiguously in one
// row-major float32 Eigen matrix; a query is one matrix-vector product and a heap top-k.

#include "search/vectorindex.h"

#include <Eigen/Core>

namespace m1 {

class ExactVectorIndex final : public VectorIndex
{
public:
    using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

    // rows x dim floats, row-major; rows are normalised here (zero rows stay zero).
    // (Splitting one product over two cores was measured at 20,000 x 1536: no gain, the scan is
    // bound by the machine's memory bandwidth, so it stays on the calling thread.)
    ExactVectorIndex(const float *data, int rows, int dim);

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
    Matrix m_matrix;
};

} // namespace m1
