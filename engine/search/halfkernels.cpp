#include "search/halfkernels.h"
#include "search/lanesum.h"

#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define M1_HAVE_X86 1
#endif

namespace m1::kernels {

namespace {

// binary16 ↔ binary32 by bits, for the portable path and for CPUs without F16C.
float halfToFloatPortable(std::uint16_t h)
{
    const std::uint32_t sign = std::uint32_t(h & 0x8000u) << 16;
    std::uint32_t exponent = (h >> 10) & 0x1fu;
    std::uint32_t mantissa = h & 0x3ffu;
    std::uint32_t bits;
    if (exponent == 0x1f) {
        bits = sign | 0x7f800000u | (mantissa << 13);
    } else if (exponent != 0) {
        bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
    } else if (mantissa == 0) {
        bits = sign;
    } else { // subnormal: normalise
        exponent = 113;
        while ((mantissa & 0x400u) == 0) {
            mantissa <<= 1;
            --exponent;
        }
        bits = sign | (exponent << 23) | ((mantissa & 0x3ffu) << 13);
    }
    float out;
    std::memcpy(&out, &bits, sizeof out);
    return out;
}

std::uint16_t floatToHalfPortable(float value)
{
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    const std::uint16_t sign = std::uint16_t((bits >> 16) & 0x8000u);
    const std::uint32_t magnitude = bits & 0x7fffffffu;
    if (magnitude >= 0x7f800000u) // inf, nan
        return std::uint16_t(sign | 0x7c00u | (magnitude > 0x7f800000u ? 0x200u : 0u));
    if (magnitude >= 0x477ff000u) // rounds past the largest half
        return std::uint16_t(sign | 0x7c00u);
    if (magnitude < 0x33000001u) // under half the smallest subnormal
        return sign;
    const int exponent = int(magnitude >> 23);
    std::uint32_t mantissa = (magnitude & 0x7fffffu) | 0x800000u;
    // Keep 11 significant bits (fewer for subnormals), round to nearest even.
    const int shift = exponent < 113 ? 13 + (113 - exponent) : 13;
    const std::uint32_t kept = mantissa >> shift;
    const std::uint32_t rest = mantissa & ((1u << shift) - 1u);
    const std::uint32_t half = 1u << (shift - 1);
    std::uint32_t rounded = kept + ((rest > half || (rest == half && (kept & 1u))) ? 1u : 0u);
    if (exponent < 113)
        return std::uint16_t(sign | rounded); // subnormal (a carry makes it the smallest normal)
    // Normal: kept holds the implicit bit at 1 << 10; a carry may bump the exponent.
    return std::uint16_t(sign | ((std::uint32_t(exponent - 112) << 10) + (rounded - 0x400u)));
}

// The association of the AVX2 kernel: two eight-lane sums over alternate blocks of eight, one
// more block into the first, lanes added pairwise, then the tail.
float dotHalfPortable(const std::uint16_t *row, const float *query, int dim)
{
    float a[8] = {}, b[8] = {};
    int i = 0;
    for (; i + 16 <= dim; i += 16) {
        for (int l = 0; l < 8; ++l) {
            a[l] += halfToFloatPortable(row[i + l]) * query[i + l];
            b[l] += halfToFloatPortable(row[i + 8 + l]) * query[i + 8 + l];
        }
    }
    if (i + 8 <= dim) {
        for (int l = 0; l < 8; ++l)
            a[l] += halfToFloatPortable(row[i + l]) * query[i + l];
        i += 8;
    }
    float lanes[8];
    for (int l = 0; l < 8; ++l)
        lanes[l] = a[l] + b[l];
    float sum = ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6]))
        + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]));
    for (; i < dim; ++i)
        sum += halfToFloatPortable(row[i]) * query[i];
    return sum;
}

void gemvHalfPortable(const std::uint16_t *rows, int count, int dim, const float *query,
                      float *out)
{
    for (int r = 0; r < count; ++r)
        out[r] = dotHalfPortable(rows + size_t(r) * size_t(dim), query, dim);
}

void gatherHalfPortable(const std::uint16_t *base, int dim, const int *rows, int count,
                        const float *query, float *out)
{
    for (int i = 0; i < count; ++i)
        out[i] = dotHalfPortable(base + size_t(rows[i]) * size_t(dim), query, dim);
}

void toHalfPortable(const float *in, std::uint16_t *out, int n)
{
    for (int i = 0; i < n; ++i)
        out[i] = floatToHalfPortable(in[i]);
}

#ifdef M1_HAVE_X86
__attribute__((target("avx2,fma,f16c"))) inline __m256 loadHalf(const std::uint16_t *p)
{
    return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)));
}

__attribute__((target("avx2,fma,f16c"))) inline float halfTail(float sum, const std::uint16_t *row,
                                                               const float *query, int from,
                                                               int dim)
{
    for (int i = from; i < dim; ++i)
        sum += _cvtsh_ss(row[i]) * query[i];
    return sum;
}

// One row alone, in the association of halfBlock4 (two chains: the L2 feeds a row faster than
// one chain of FMAs retires).
__attribute__((target("avx2,fma,f16c"))) float dotHalfAvx2(const std::uint16_t *row,
                                                           const float *query, int dim)
{
    __m256 a = _mm256_setzero_ps(), b = _mm256_setzero_ps();
    int i = 0;
    for (; i + 16 <= dim; i += 16) {
        a = _mm256_fmadd_ps(loadHalf(row + i), _mm256_loadu_ps(query + i), a);
        b = _mm256_fmadd_ps(loadHalf(row + i + 8), _mm256_loadu_ps(query + i + 8), b);
    }
    if (i + 8 <= dim) {
        a = _mm256_fmadd_ps(loadHalf(row + i), _mm256_loadu_ps(query + i), a);
        i += 8;
    }
    return halfTail(horizontalSum(_mm256_add_ps(a, b)), row, query, i, dim);
}

__attribute__((target("avx2,fma,f16c"))) inline void
halfBlock4(const std::uint16_t *r0, const std::uint16_t *r1, const std::uint16_t *r2,
           const std::uint16_t *r3, const float *query, int dim, float *out)
{
    __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
    __m256 b0 = a0, b1 = a0, b2 = a0, b3 = a0;
    int i = 0;
    for (; i + 16 <= dim; i += 16) {
        const __m256 x = _mm256_loadu_ps(query + i);
        const __m256 y = _mm256_loadu_ps(query + i + 8);
        a0 = _mm256_fmadd_ps(loadHalf(r0 + i), x, a0);
        a1 = _mm256_fmadd_ps(loadHalf(r1 + i), x, a1);
        a2 = _mm256_fmadd_ps(loadHalf(r2 + i), x, a2);
        a3 = _mm256_fmadd_ps(loadHalf(r3 + i), x, a3);
        b0 = _mm256_fmadd_ps(loadHalf(r0 + i + 8), y, b0);
        b1 = _mm256_fmadd_ps(loadHalf(r1 + i + 8), y, b1);
        b2 = _mm256_fmadd_ps(loadHalf(r2 + i + 8), y, b2);
        b3 = _mm256_fmadd_ps(loadHalf(r3 + i + 8), y, b3);
    }
    if (i + 8 <= dim) {
        const __m256 x = _mm256_loadu_ps(query + i);
        a0 = _mm256_fmadd_ps(loadHalf(r0 + i), x, a0);
        a1 = _mm256_fmadd_ps(loadHalf(r1 + i), x, a1);
        a2 = _mm256_fmadd_ps(loadHalf(r2 + i), x, a2);
        a3 = _mm256_fmadd_ps(loadHalf(r3 + i), x, a3);
        i += 8;
    }
    out[0] = halfTail(horizontalSum(_mm256_add_ps(a0, b0)), r0, query, i, dim);
    out[1] = halfTail(horizontalSum(_mm256_add_ps(a1, b1)), r1, query, i, dim);
    out[2] = halfTail(horizontalSum(_mm256_add_ps(a2, b2)), r2, query, i, dim);
    out[3] = halfTail(horizontalSum(_mm256_add_ps(a3, b3)), r3, query, i, dim);
}

__attribute__((target("avx2,fma,f16c"))) void gemvHalfAvx2(const std::uint16_t *rows, int count,
                                                           int dim, const float *query,
                                                           float *out)
{
    const size_t stride = size_t(dim);
    int r = 0;
    for (; r + 4 <= count; r += 4) {
        const std::uint16_t *r0 = rows + size_t(r) * stride;
        halfBlock4(r0, r0 + stride, r0 + 2 * stride, r0 + 3 * stride, query, dim, out + r);
    }
    for (; r < count; ++r)
        out[r] = dotHalfAvx2(rows + size_t(r) * stride, query, dim);
}

__attribute__((target("avx2,fma,f16c"))) void gatherHalfAvx2(const std::uint16_t *base, int dim,
                                                             const int *rows, int count,
                                                             const float *query, float *out)
{
    const size_t stride = size_t(dim);
    int i = 0;
    for (; i + 4 <= count; i += 4)
        halfBlock4(base + size_t(rows[i]) * stride, base + size_t(rows[i + 1]) * stride,
                   base + size_t(rows[i + 2]) * stride, base + size_t(rows[i + 3]) * stride,
                   query, dim, out + i);
    for (; i < count; ++i)
        out[i] = dotHalfAvx2(base + size_t(rows[i]) * stride, query, dim);
}

__attribute__((target("avx2,fma,f16c"))) void toHalfAvx2(const float *in, std::uint16_t *out,
                                                         int n)
{
    int i = 0;
    for (; i + 8 <= n; i += 8)
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i),
                         _mm256_cvtps_ph(_mm256_loadu_ps(in + i), _MM_FROUND_TO_NEAREST_INT));
    for (; i < n; ++i)
        out[i] = floatToHalfPortable(in[i]);
}
#endif

struct Dispatch
{
    float (*dotHalf)(const std::uint16_t *, const float *, int) = dotHalfPortable;
    void (*gemvHalf)(const std::uint16_t *, int, int, const float *, float *) = gemvHalfPortable;
    void (*gatherHalf)(const std::uint16_t *, int, const int *, int, const float *, float *)
        = gatherHalfPortable;
    void (*toHalf)(const float *, std::uint16_t *, int) = toHalfPortable;
    bool half = false;
    Dispatch()
    {
#ifdef M1_HAVE_X86
        __builtin_cpu_init();
        // F16C through cpuid: clang 14 (the sanitizer build) has no "f16c" for
        // __builtin_cpu_supports.
        unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
        const bool f16c = __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & bit_F16C);
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && f16c) {
            dotHalf = dotHalfAvx2;
            gemvHalf = gemvHalfAvx2;
            gatherHalf = gatherHalfAvx2;
            toHalf = toHalfAvx2;
            half = true;
        }
#endif
    }
};

const Dispatch &dispatch()
{
    static const Dispatch table; // decided once; immutable afterwards
    return table;
}

} // namespace

bool hasHalf()
{
    return dispatch().half;
}

void toHalf(const float *in, std::uint16_t *out, int n)
{
    dispatch().toHalf(in, out, n);
}

float halfToFloat(std::uint16_t h)
{
    return halfToFloatPortable(h);
}

float dotHalf(const std::uint16_t *row, const float *query, int dim)
{
    return dispatch().dotHalf(row, query, dim);
}

void gemvHalf(const std::uint16_t *rows, int count, int dim, const float *query, float *out)
{
    dispatch().gemvHalf(rows, count, dim, query, out);
}

void gatherHalf(const std::uint16_t *base, int dim, const int *rows, int count,
                const float *query, float *out)
{
    dispatch().gatherHalf(base, dim, rows, count, query, out);
}

} // namespace m1::kernels
