#include "search/quantizedscreen.h"

#include "search/dotkernels.h"

#include <algorithm>
#include <cmath>
#include <queue>

namespace m1 {

namespace {

// Quantises n floats to -127..127 with one scale; returns the scale, adds |x - x'| to *error.
float quantise(const float *x, int n, std::int8_t *codes, double *error)
{
    float peak = 0.0f;
    for (int i = 0; i < n; ++i)
        peak = std::max(peak, std::fabs(x[i]));
    const float scale = peak > 0.0f ? peak / 127.0f : 1.0f;
    const float inverse = 1.0f / scale;
    double squared = 0.0;
    for (int i = 0; i < n; ++i) {
        const float q = std::clamp(std::nearbyint(x[i] * inverse), -127.0f, 127.0f);
        codes[i] = std::int8_t(q);
        const double diff = double(x[i]) - double(q) * double(scale);
        squared += diff * diff;
    }
    *error = std::sqrt(squared);
    return scale;
}

// float32 rounding of the exact scores and bounds themselves: far above it for unit vectors.
constexpr float kSlack = 1e-4f;

} // namespace

struct QuantizedScreen::Scratch
{
    std::vector<std::int8_t> query;
    std::vector<std::int32_t> dots;
};

QuantizedScreen::QuantizedScreen(const float *rows, int count, int dim)
    : m_count(count)
    , m_dim(dim)
    , m_stride((dim + 31) / 32 * 32)
{
    m_codes.assign(size_t(count) * size_t(m_stride), 0);
    m_scale.resize(size_t(count));
    m_error.resize(size_t(count));
    for (int r = 0; r < count; ++r) {
        double error = 0.0;
        m_scale[size_t(r)] = quantise(rows + size_t(r) * size_t(dim), dim,
                                      m_codes.data() + size_t(r) * size_t(m_stride), &error);
        m_error[size_t(r)] = float(error);
    }
}

void QuantizedScreen::candidates(const float *query, int k, std::vector<int> &out) const
{
    out.clear();
    if (m_count == 0 || k <= 0)
        return;
    thread_local Scratch s;
    s.query.assign(size_t(m_stride), 0);
    double queryError = 0.0;
    const float queryScale = quantise(query, m_dim, s.query.data(), &queryError);
    double dequantisedNorm = 0.0;
    for (int i = 0; i < m_dim; ++i)
        dequantisedNorm += double(s.query[size_t(i)]) * double(s.query[size_t(i)]);
    const float queryNorm = float(std::sqrt(dequantisedNorm)) * queryScale;
    s.dots.resize(size_t(m_count));
    kernels::gemvInt8(m_codes.data(), m_count, m_stride, s.query.data(), s.dots.data());

    // The k-th best lower bound, by a min-heap of k lower bounds.
    const float fixedError = float(queryError) + kSlack;
    std::priority_queue<float, std::vector<float>, std::greater<float>> lowest;
    auto estimate = [&](int r) { return float(s.dots[size_t(r)]) * m_scale[size_t(r)] * queryScale; };
    auto bound = [&](int r) { return queryNorm * m_error[size_t(r)] + fixedError; };
    for (int r = 0; r < m_count; ++r) {
        const float lower = estimate(r) - bound(r);
        if (int(lowest.size()) < k)
            lowest.push(lower);
        else if (lower > lowest.top()) {
            lowest.pop();
            lowest.push(lower);
        }
    }
    const float threshold = int(lowest.size()) < k ? -1e30f : lowest.top();
    for (int r = 0; r < m_count; ++r) {
        if (estimate(r) + bound(r) >= threshold)
            out.push_back(r);
    }
}

} // namespace m1
