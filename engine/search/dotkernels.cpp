#include "search/dotkernels.h"
#include "search/lanesum.h"

#include <cmath>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define M1_HAVE_X86 1
#endif

namespace m1::kernels {

namespace {

// Every kernel sums a row in the same order (eight lanes, then a fixed horizontal sum, then the
// tail), so a row scored alone, in a block of four, or picked out by index gives the same bits:
// the screened and the full exact search then agree to the last ulp, ties included.

float dotPortable(const float *a, const float *b, int n)
{
    float lanes[8] = {};
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int l = 0; l < 8; ++l)
            lanes[l] += a[i + l] * b[i + l];
    }
    float sum = ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6]))
        + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]));
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

void gemvPortable(const float *rows, int count, int dim, const float *query, float *out)
{
    for (int r = 0; r < count; ++r)
        out[r] = dotPortable(rows + size_t(r) * size_t(dim), query, dim);
}

void gatherPortable(const float *base, int dim, const int *rows, int count, const float *query,
                    float *out)
{
    for (int i = 0; i < count; ++i)
        out[i] = dotPortable(base + size_t(rows[i]) * size_t(dim), query, dim);
}

void gemvInt8Portable(const std::int8_t *rows, int count, int stride, const std::int8_t *query,
                      std::int32_t *out)
{
    for (int r = 0; r < count; ++r) {
        const std::int8_t *row = rows + size_t(r) * size_t(stride);
        std::int32_t sum = 0;
        for (int i = 0; i < stride; ++i)
            sum += std::int32_t(row[i]) * std::int32_t(query[i]);
        out[r] = sum;
    }
}


void accumulatePortable(float *acc, const float *row, int n)
{
    for (int i = 0; i < n; ++i)
        acc[i] += row[i];
}

void scalePortable(const float *in, float factor, float *out, int n)
{
    for (int i = 0; i < n; ++i)
        out[i] = in[i] * factor;
}

float sumExpPortable(const float *x, int n, float shift)
{
    float sum = 0.0f;
    for (int i = 0; i < n; ++i)
        sum += std::exp(x[i] - shift);
    return sum;
}

#ifdef M1_HAVE_X86
__attribute__((target("avx2,fma"))) inline float tail(float sum, const float *row,
                                                      const float *query, int from, int dim)
{
    for (int i = from; i < dim; ++i)
        sum += row[i] * query[i];
    return sum;
}

__attribute__((target("avx2,fma"))) float dotAvx2(const float *a, const float *b, int n)
{
    __m256 acc = _mm256_setzero_ps();
    const int vecEnd = n - n % 8;
    for (int i = 0; i < vecEnd; i += 8)
        acc = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc);
    return tail(horizontalSum(acc), a, b, vecEnd, n);
}

// Four independent sums hide the FMA latency that dotAvx2's one chain waits on; the order
// differs from gemv's, so this is only for scores never compared with gemv's (graph search).
__attribute__((target("avx2,fma"))) float dotWideAvx2(const float *a, const float *b, int n)
{
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
    __m256 a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
    int i = 0;
    for (; i + 32 <= n; i += 32) {
        a0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), a0);
        a1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), a1);
        a2 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 16), _mm256_loadu_ps(b + i + 16), a2);
        a3 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 24), _mm256_loadu_ps(b + i + 24), a3);
    }
    for (; i + 8 <= n; i += 8)
        a0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), a0);
    return tail(horizontalSum(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3))), a, b,
                i, n);
}

// Four rows per pass share each load of the query.
__attribute__((target("avx2,fma"))) inline void block4(const float *r0, const float *r1,
                                                       const float *r2, const float *r3,
                                                       const float *query, int dim, float *out)
{
    const int vecEnd = dim - dim % 8;
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
    __m256 a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
    for (int i = 0; i < vecEnd; i += 8) {
        const __m256 q = _mm256_loadu_ps(query + i);
        a0 = _mm256_fmadd_ps(_mm256_loadu_ps(r0 + i), q, a0);
        a1 = _mm256_fmadd_ps(_mm256_loadu_ps(r1 + i), q, a1);
        a2 = _mm256_fmadd_ps(_mm256_loadu_ps(r2 + i), q, a2);
        a3 = _mm256_fmadd_ps(_mm256_loadu_ps(r3 + i), q, a3);
    }
    out[0] = tail(horizontalSum(a0), r0, query, vecEnd, dim);
    out[1] = tail(horizontalSum(a1), r1, query, vecEnd, dim);
    out[2] = tail(horizontalSum(a2), r2, query, vecEnd, dim);
    out[3] = tail(horizontalSum(a3), r3, query, vecEnd, dim);
}

__attribute__((target("avx2,fma"))) void gemvAvx2(const float *rows, int count, int dim,
                                                  const float *query, float *out)
{
    const size_t stride = size_t(dim);
    int r = 0;
    for (; r + 4 <= count; r += 4) {
        const float *r0 = rows + size_t(r) * stride;
        block4(r0, r0 + stride, r0 + 2 * stride, r0 + 3 * stride, query, dim, out + r);
    }
    for (; r < count; ++r)
        out[r] = dotAvx2(rows + size_t(r) * stride, query, dim);
}

__attribute__((target("avx2,fma"))) void gatherAvx2(const float *base, int dim, const int *rows,
                                                    int count, const float *query, float *out)
{
    const size_t stride = size_t(dim);
    int i = 0;
    for (; i + 4 <= count; i += 4)
        block4(base + size_t(rows[i]) * stride, base + size_t(rows[i + 1]) * stride,
               base + size_t(rows[i + 2]) * stride, base + size_t(rows[i + 3]) * stride, query,
               dim, out + i);
    for (; i < count; ++i)
        out[i] = dotAvx2(base + size_t(rows[i]) * stride, query, dim);
}

__attribute__((target("avx2"))) inline std::int32_t horizontalSumInt(__m256i v)
{
    __m128i sum = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, 0x4e));
    sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, 0xb1));
    return _mm_cvtsi128_si32(sum);
}

// maddubs multiplies unsigned by signed bytes, so the query's signs move onto the row
// (|q| · sign(q)r = q·r); with values in -127..127 a pair sum stays below 2·127² < 2^15.
__attribute__((target("avx2"))) inline __m256i int8Step(__m256i acc, __m256i magnitude,
                                                        __m256i signs, const std::int8_t *row)
{
    const __m256i ones = _mm256_set1_epi16(1);
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(row));
    const __m256i pairs = _mm256_maddubs_epi16(magnitude, _mm256_sign_epi8(v, signs));
    return _mm256_add_epi32(acc, _mm256_madd_epi16(pairs, ones));
}

__attribute__((target("avx2"))) inline __m256i loadBytes(const std::int8_t *p)
{
    return _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p));
}

// One row at a time, in order, with two chains over its halves of each 64 bytes. Two rows side by
// side (a 1,536-byte stride apart) looked like more work per query load, but the reads then
// came in at under half the memory's streaming rate: at 20,000 × 1536 one pass took 4.1 ms in
// isolation, one row at a time 1.6 ms, against 1.4 ms for merely reading the 30 MB. Integer sums,
// so the order changes no result.
__attribute__((target("avx2"))) void gemvInt8Avx2(const std::int8_t *rows, int count, int stride,
                                                  const std::int8_t *query, std::int32_t *out)
{
    for (int r = 0; r < count; ++r) {
        const std::int8_t *row = rows + size_t(r) * size_t(stride);
        __m256i a0 = _mm256_setzero_si256(), a1 = _mm256_setzero_si256();
        int i = 0;
        for (; i + 64 <= stride; i += 64) {
            const __m256i q0 = loadBytes(query + i), q1 = loadBytes(query + i + 32);
            a0 = int8Step(a0, _mm256_abs_epi8(q0), q0, row + i);
            a1 = int8Step(a1, _mm256_abs_epi8(q1), q1, row + i + 32);
        }
        if (i < stride) { // stride is a multiple of 32
            const __m256i q0 = loadBytes(query + i);
            a0 = int8Step(a0, _mm256_abs_epi8(q0), q0, row + i);
        }
        out[r] = horizontalSumInt(_mm256_add_epi32(a0, a1));
    }
}

__attribute__((target("avx2,fma"))) void accumulateAvx2(float *acc, const float *row, int n)
{
    int i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(acc + i, _mm256_add_ps(_mm256_loadu_ps(acc + i), _mm256_loadu_ps(row + i)));
    for (; i < n; ++i)
        acc[i] += row[i];
}

__attribute__((target("avx2,fma"))) void scaleAvx2(const float *in, float factor, float *out, int n)
{
    const __m256 f = _mm256_set1_ps(factor);
    int i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(out + i, _mm256_mul_ps(_mm256_loadu_ps(in + i), f));
    for (; i < n; ++i)
        out[i] = in[i] * factor;
}

// exp(x) = 2^n · e^r with n = round(x / ln 2) and |r| ≤ ln 2 / 2 (ln 2 split in two for an exact
// reduction), e^r by a degree-6 polynomial (Cephes' expf coefficients); inputs under -87 give 0.
__attribute__((target("avx2,fma"))) inline __m256 expAvx2(__m256 x)
{
    x = _mm256_max_ps(x, _mm256_set1_ps(-87.0f));
    const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                                     _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
    __m256 p = _mm256_set1_ps(1.9875691500e-4f);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
    p = _mm256_fmadd_ps(p, _mm256_mul_ps(r, r), _mm256_add_ps(r, _mm256_set1_ps(1.0f)));
    const __m256i scale = _mm256_slli_epi32(
        _mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(scale));
}

__attribute__((target("avx2,fma"))) float sumExpAvx2(const float *x, int n, float shift)
{
    const __m256 s = _mm256_set1_ps(shift);
    __m256 acc = _mm256_setzero_ps();
    int i = 0;
    for (; i + 8 <= n; i += 8)
        acc = _mm256_add_ps(acc, expAvx2(_mm256_sub_ps(_mm256_loadu_ps(x + i), s)));
    float sum = horizontalSum(acc);
    if (i < n) {
        float rest[8] = { -1e30f, -1e30f, -1e30f, -1e30f, -1e30f, -1e30f, -1e30f, -1e30f };
        for (int j = i; j < n; ++j)
            rest[j - i] = x[j] - shift;
        sum += horizontalSum(expAvx2(_mm256_loadu_ps(rest)));
    }
    return sum;
}

#endif

struct Dispatch
{
    float (*dot)(const float *, const float *, int) = dotPortable;
    float (*dotWide)(const float *, const float *, int) = dotPortable;
    void (*gemv)(const float *, int, int, const float *, float *) = gemvPortable;
    void (*gather)(const float *, int, const int *, int, const float *, float *) = gatherPortable;
    void (*gemvInt8)(const std::int8_t *, int, int, const std::int8_t *, std::int32_t *)
        = gemvInt8Portable;
    void (*accumulate)(float *, const float *, int) = accumulatePortable;
    void (*scale)(const float *, float, float *, int) = scalePortable;
    float (*sumExp)(const float *, int, float) = sumExpPortable;
    const char *name = "portable";
    Dispatch()
    {
#ifdef M1_HAVE_X86
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
            dot = dotAvx2;
            dotWide = dotWideAvx2;
            gemv = gemvAvx2;
            gather = gatherAvx2;
            gemvInt8 = gemvInt8Avx2;
            accumulate = accumulateAvx2;
            scale = scaleAvx2;
            sumExp = sumExpAvx2;
            name = "avx2";
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

float dot(const float *a, const float *b, int n)
{
    return dispatch().dot(a, b, n);
}

float dotWide(const float *a, const float *b, int n)
{
    return dispatch().dotWide(a, b, n);
}

void gemv(const float *rows, int count, int dim, const float *query, float *out)
{
    dispatch().gemv(rows, count, dim, query, out);
}

void gather(const float *base, int dim, const int *rows, int count, const float *query, float *out)
{
    dispatch().gather(base, dim, rows, count, query, out);
}

void gemvInt8(const std::int8_t *rows, int count, int stride, const std::int8_t *query,
              std::int32_t *out)
{
    dispatch().gemvInt8(rows, count, stride, query, out);
}

void accumulate(float *acc, const float *row, int n)
{
    dispatch().accumulate(acc, row, n);
}

void scale(const float *in, float factor, float *out, int n)
{
    dispatch().scale(in, factor, out, n);
}

float sumExp(const float *x, int n, float shift)
{
    return dispatch().sumExp(x, n, shift);
}

const char *name()
{
    return dispatch().name;
}

} // namespace m1::kernels
