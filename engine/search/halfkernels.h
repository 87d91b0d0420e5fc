#pragma once

// Dense scores over float16 (IEEE binary16) rows: half the bytes of float32, for matrices that
// then fit a core's L2 (200 tools at 1536 dimensions: 600 KB instead of 1.2 MB, whose float32
// scan waits on L3). A score's error against float32 is about 1e-5 for unit vectors. The three
// kernels sum a row in the same order as each other (not as the float32 kernels), so a row
// scored alone, in a block or picked by index gives the same bits. Chosen at run time like
// dotkernels.h: F16C+AVX2+FMA, else plain loops (correct, but slower than float32).

#include <cstdint>

namespace m1::kernels {

// Whether the CPU converts float16 in hardware (else float32 is the faster choice).
bool hasHalf();
void toHalf(const float *in, std::uint16_t *out, int n); // round to nearest even
float halfToFloat(std::uint16_t h);
float dotHalf(const std::uint16_t *row, const float *query, int dim);
// out[i] = rows[i] · query for `count` contiguous rows of `dim` values.
void gemvHalf(const std::uint16_t *rows, int count, int dim, const float *query, float *out);
// out[i] = row rows[i] of the `dim`-value rows at base · query.
void gatherHalf(const std::uint16_t *base, int dim, const int *rows, int count,
                const float *query, float *out);

} // namespace m1::kernels
