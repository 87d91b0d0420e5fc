#pragma once

// The one horizontal sum of eight float lanes that every AVX2 kernel ends a row with (float32 in
// dotkernels.cpp, float16 in halfkernels.cpp). Scores of one index are compared with each other
// and must agree to the bit however a row was scored, so the association is fixed here once:
// (l0+l4)+(l2+l6) + (l1+l5)+(l3+l7), the same as the portable kernels' final line.

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

namespace m1::kernels {

__attribute__((target("avx2,fma"))) inline float horizontalSum(__m256 v)
{
    const __m128 low = _mm256_castps256_ps128(v);
    const __m128 high = _mm256_extractf128_ps(v, 1);
    __m128 sum = _mm_add_ps(low, high);
    sum = _mm_add_ps(sum, _mm_movehl_ps(sum, sum));
    sum = _mm_add_ss(sum, _mm_shuffle_ps(sum, sum, 0x55));
    return _mm_cvtss_f32(sum);
}

} // namespace m1::kernels
#endif
