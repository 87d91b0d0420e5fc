#pragma once

// The inner loops of dense search, chosen once at run time: AVX2+FMA when the CPU has it, else
// Eigen's portable SSE2 code. Debian builds for baseline x86-64, so compile-time flags alone
// would leave the wide units idle; a run-time switch keeps one binary for every machine.

namespace m1::kernels {

// a · b over n floats.
float dot(const float *a, const float *b, int n);
// out[i] = rows[i] · query for `count` contiguous rows of `dim` floats.
void gemv(const float *rows, int count, int dim, const float *query, float *out);
// "avx2" or "sse2", for reports.
const char *name();

} // namespace m1::kernels
