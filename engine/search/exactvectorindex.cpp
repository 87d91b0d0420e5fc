#include "search/exactvectorindex.h"

#include "search/dotkernels.h"
#include "search/halfkernels.h"
#include "search/topk.h"

#include <algorithm>

namespace m1 {

ExactVectorIndex::ExactVectorIndex(const float *data, int rows, int dim, int screenMinRows,
                                   int halfMinFloats)
    : m_matrix(Eigen::Map<const Matrix>(data, rows, dim))
{
    for (int r = 0; r < rows; ++r) {
        const float norm = m_matrix.row(r).norm();
        if (norm > 0.0f)
            m_matrix.row(r) /= norm;
    }
    if (screenMinRows > 0 && rows >= screenMinRows) {
        m_screen = QuantizedScreen(m_matrix.data(), rows, dim);
    } else if (halfMinFloats > 0 && std::int64_t(rows) * dim >= halfMinFloats
               && kernels::hasHalf()) {
        m_half.resize(size_t(rows) * size_t(dim));
        kernels::toHalf(m_matrix.data(), m_half.data(), rows * dim);
    }
}

void ExactVectorIndex::scoreAll(const float *query, float *out) const
{
    if (isHalf())
        kernels::gemvHalf(m_half.data(), int(m_matrix.rows()), int(m_matrix.cols()), query, out);
    else
        kernels::gemv(m_matrix.data(), int(m_matrix.rows()), int(m_matrix.cols()), query, out);
}

bool ExactVectorIndex::search(const float *query, int k, std::vector<VectorHit> &out,
                              float *allScores) const
{
    if (m_screen.isEmpty())
        return fullScan(query, k, out, allScores);
    thread_local std::vector<int> rows;
    thread_local std::vector<float> scores;
    m_screen.candidates(query, k, rows);
    scores.resize(rows.size());
    kernels::gather(m_matrix.data(), int(m_matrix.cols()), rows.data(), int(rows.size()), query,
                    scores.data());
    TopK top(out, k);
    for (size_t i = 0; i < rows.size(); ++i) {
        if (scores[i] > top.threshold())
            top.push(rows[i], scores[i]);
    }
    top.finish();
    return false;
}

bool ExactVectorIndex::fullScan(const float *query, int k, std::vector<VectorHit> &out,
                                float *allScores) const
{
    thread_local std::vector<float> scratch;
    float *scores = allScores;
    if (!scores) {
        if (scratch.size() < size_t(size()))
            scratch.resize(size_t(size()));
        scores = scratch.data();
    }
    scoreAll(query, scores);
    const int n = size();
    if (n <= 16 * k) {
        // k is a large share of n: one selection pass beats k heap insertions.
        out.resize(size_t(n));
        for (int i = 0; i < n; ++i)
            out[size_t(i)] = { i, scores[i] };
        const size_t keep = size_t(std::clamp(k, 0, n));
        std::nth_element(out.begin(), out.begin() + ptrdiff_t(std::min(keep, out.size() - 1)),
                         out.end(), TopK::Better {});
        out.resize(keep);
        std::sort(out.begin(), out.end(), TopK::Better {});
        return allScores != nullptr;
    }
    TopK top(out, k);
    for (int i = 0; i < n; ++i) {
        if (scores[i] > top.threshold())
            top.push(i, scores[i]);
    }
    top.finish();
    return allScores != nullptr;
}

float ExactVectorIndex::score(const float *query, int row) const
{
    const int dim = int(m_matrix.cols());
    if (isHalf())
        return kernels::dotHalf(m_half.data() + size_t(row) * size_t(dim), query, dim);
    return kernels::dot(this->row(row), query, dim);
}

} // namespace m1
