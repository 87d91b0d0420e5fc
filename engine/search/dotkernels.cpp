#include "search/dotkernels.h"

#include <Eigen/Core>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define M1_HAVE_X86 1
#endif

namespace m1::kernels {

namespace {

float dotPortable(const float *a, const float *b, int n)
{
    return Eigen::Map<const Eigen::VectorXf>(a, n).dot(Eigen::Map<const Eigen::VectorXf>(b, n));
}

void gemvPortable(const float *rows, int count, int dim, const float *query, float *out)
{
    using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    Eigen::Map<Eigen::VectorXf>(out, count).noalias() = Eigen::Map<const Matrix>(rows, count, dim)
        * Eigen::Map<const Eigen::VectorXf>(query, dim);
}

#ifdef M1_HAVE_X86
__attribute__((target("avx2,fma"))) inline float horizontalSum(__m256 v)
{
    const __m128 low = _mm256_castps256_ps128(v);
    const __m128 high = _mm256_extractf128_ps(v, 1);
    __m128 sum = _mm_add_ps(low, high);
    sum = _mm_add_ps(sum, _mm_movehl_ps(sum, sum));
    sum = _mm_add_ss(sum, _mm_shuffle_ps(sum, sum, 0x55));
    return _mm_cvtss_f32(sum);
}

__attribute__((target("avx2,fma"))) float dotAvx2(const float *a, const float *b, int n)
{
    __m256 acc0 = _mm256_setzero_ps();
    __m256 acc1 = _mm256_setzero_ps();
    int i = 0;
    for (; i + 16 <= n; i += 16) {
        acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
        acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), acc1);
    }
    for (; i + 8 <= n; i += 8)
        acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc0);
    float sum = horizontalSum(_mm256_add_ps(acc0, acc1));
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

// Four rows per pass share each load of the query.
__attribute__((target("avx2,fma"))) void gemvAvx2(const float *rows, int count, int dim,
                                                  const float *query, float *out)
{
    const size_t stride = size_t(dim);
    int r = 0;
    const int vecEnd = dim - dim % 8;
    for (; r + 4 <= count; r += 4) {
        const float *r0 = rows + size_t(r) * stride;
        const float *r1 = r0 + stride;
        const float *r2 = r1 + stride;
        const float *r3 = r2 + stride;
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
        __m256 a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
        for (int i = 0; i < vecEnd; i += 8) {
            const __m256 q = _mm256_loadu_ps(query + i);
            a0 = _mm256_fmadd_ps(_mm256_loadu_ps(r0 + i), q, a0);
            a1 = _mm256_fmadd_ps(_mm256_loadu_ps(r1 + i), q, a1);
            a2 = _mm256_fmadd_ps(_mm256_loadu_ps(r2 + i), q, a2);
            a3 = _mm256_fmadd_ps(_mm256_loadu_ps(r3 + i), q, a3);
        }
        float s0 = horizontalSum(a0), s1 = horizontalSum(a1), s2 = horizontalSum(a2),
              s3 = horizontalSum(a3);
        for (int i = vecEnd; i < dim; ++i) {
            s0 += r0[i] * query[i];
            s1 += r1[i] * query[i];
            s2 += r2[i] * query[i];
            s3 += r3[i] * query[i];
        }
        out[r] = s0;
        out[r + 1] = s1;
        out[r + 2] = s2;
        out[r + 3] = s3;
    }
    for (; r < count; ++r)
        out[r] = dotAvx2(rows + size_t(r) * stride, query, dim);
}
#endif

struct Dispatch
{
    float (*dot)(const float *, const float *, int) = dotPortable;
    void (*gemv)(const float *, int, int, const float *, float *) = gemvPortable;
    const char *name = "sse2";
    Dispatch()
    {
#ifdef M1_HAVE_X86
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
            dot = dotAvx2;
            gemv = gemvAvx2;
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

void gemv(const float *rows, int count, int dim, const float *query, float *out)
{
    dispatch().gemv(rows, count, dim, query, out);
}

const char *name()
{
    return dispatch().name;
}

} // namespace m1::kernels
