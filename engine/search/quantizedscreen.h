#pragma once

// A int8 copy of the normalised tool vectors that finds, in a quarter of the memory traffic,
// a small set of rows guaranteed to contain the exact top-k. Each row is quantised with its own
// scale and keeps the norm of its rounding error; the query is quantised the same way per
// search. By Cauchy-Schwarz the true score q·v differs from the int8 estimate by at most
//     |q'|·|v - v'| + |q - q'|·|v|        (q', v' the dequantised vectors)
// so every row whose upper bound reaches the k-th best lower bound is a candidate, and the
// exact float32 scores of the candidates alone decide the result. Exact search stays exact;
// the full float32 scan is just no longer needed.

#include <cstdint>
#include <vector>

namespace m1 {

class QuantizedScreen
{
public:
    QuantizedScreen() = default;
    // rows x dim floats, row-major, already normalised.
    QuantizedScreen(const float *rows, int count, int dim);

    bool isEmpty() const { return m_count == 0; }
    int size() const { return m_count; }

    // Rows that may belong to the k best for this (normalised) query, unordered, into out.
    void candidates(const float *query, int k, std::vector<int> &out) const;

private:
    struct Scratch;
    int m_count = 0;
    int m_dim = 0;
    int m_stride = 0; // bytes per row, a multiple of 32
    std::vector<std::int8_t> m_codes;
    std::vector<float> m_scale; // per row: value of one int8 step
    std::vector<float> m_error; // per row: |v - v'|
};

} // namespace m1
