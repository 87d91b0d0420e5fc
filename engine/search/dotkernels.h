#pragma once

// The inner loops of dense search, chosen once at run time: AVX2+FMA when the CPU has it, else
// plain loops the compiler vectorises for baseline x86-64. Debian builds for baseline x86-64, so compile-time flags alone
// would leave the wide units idle; a run-time switch keeps one binary for every machine.

#include <cstdint>

namespace m1::kernels {

// a · b over n floats, summed exactly as gemv() and gather() sum each row.
float dot(const float *a, const float *b, int n);
// a · b, faster for one pair (several independent sums) but not bit-equal to gemv(): for graph
// search and norms, where no score is compared with a gemv() score.
float dotWide(const float *a, const float *b, int n);
// out[i] = rows[i] · query for `count` contiguous rows of `dim` floats.
void gemv(const float *rows, int count, int dim, const float *query, float *out);
// out[i] = row rows[i] of the `dim`-float rows at base · query (the rows a screen picked).
void gather(const float *base, int dim, const int *rows, int count, const float *query, float *out);
// out[i] = rows[i] · query over int8 values, exact in int32, for `count` contiguous rows of
// `stride` bytes (stride a multiple of 32, zero-padded past the real dimension). Values must be
// in -127..127 (never -128), which keeps every pairwise sum inside int16.
void gemvInt8(const std::int8_t *rows, int count, int stride, const std::int8_t *query,
              std::int32_t *out);

// acc[i] += row[i] for n floats (a linear model's feature rows).
void accumulate(float *acc, const float *row, int n);
// out[i] = in[i] * factor for n floats (a query normalised once per search; in may be out).
void scale(const float *in, float factor, float *out, int n);
// Σ exp(x[i] - shift) over n floats (a softmax's denominator). The AVX2 exp is a polynomial
// within 2e-7 relative of std::exp; either way, no term overflows for shift = max(x).
float sumExp(const float *x, int n, float shift);
// "avx2" or "portable", for reports.
const char *name();

} // namespace m1::kernels
