#include "search/hnswvectorindex.h"

// hnswlib 0.6's search loop prefetches the neighbour after the current one, so on a full
// upper-layer list it reads one id past the end of its allocation. The value only feeds
// _mm_prefetch (harmless), but AddressSanitizer rightly reports the read. Under ASan hnswlib's
// manual vectorization is switched off, which here removes only those prefetches: distances go
// through our own kernel (DotSpace), never hnswlib's SIMD ones.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_MANUAL_VECTORIZATION
#endif
#endif

#include "search/dotkernels.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <hnswlib/hnswlib.h>
#include <thread>

namespace m1 {

// Inner-product "distance" 1 - a·b, as hnswlib's InnerProductSpace, but through our kernel.
class HnswVectorIndex::DotSpace final : public hnswlib::SpaceInterface<float>
{
public:
    explicit DotSpace(size_t dim)
        : m_dim(dim)
    {
    }
    size_t get_data_size() override { return m_dim * sizeof(float); }
    hnswlib::DISTFUNC<float> get_dist_func() override { return &distance; }
    void *get_dist_func_param() override { return &m_dim; }

private:
    static float distance(const void *a, const void *b, const void *param)
    {
        const int dim = int(*static_cast<const size_t *>(param));
        return 1.0f
            - kernels::dotWide(static_cast<const float *>(a), static_cast<const float *>(b), dim);
    }
    size_t m_dim;
};

HnswVectorIndex::HnswVectorIndex(std::shared_ptr<const ExactVectorIndex> exact, HnswOptions options)
    : m_exact(std::move(exact))
    , m_options(options)
{
    m_space = std::make_unique<DotSpace>(size_t(m_exact->dimension()));
    const size_t count = size_t(std::max(1, m_exact->size()));
    m_graph = std::make_unique<hnswlib::HierarchicalNSW<float>>(
        m_space.get(), count, size_t(std::max(2, m_options.m)),
        size_t(std::max(1, m_options.efConstruction)), size_t(m_options.seed));
    // hnswlib's insertion is thread-safe: spread it over the cores (the first point alone, it
    // becomes the entry point). Start-up at 20,000 × 1536 is dominated by this.
    const int n = m_exact->size();
    if (n > 0)
        m_graph->addPoint(m_exact->row(0), hnswlib::labeltype(0));
    const int threads = std::clamp(QThread::idealThreadCount(), 1, 16);
    if (n < 1000 || threads == 1) {
        for (int i = 1; i < n; ++i)
            m_graph->addPoint(m_exact->row(i), hnswlib::labeltype(i));
    } else {
        std::atomic<int> next { 1 };
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([&] {
                for (int i = next.fetch_add(1); i < n; i = next.fetch_add(1))
                    m_graph->addPoint(m_exact->row(i), hnswlib::labeltype(i));
            });
        }
        for (std::thread &w : workers)
            w.join();
    }
    m_graph->setEf(size_t(std::max(1, m_options.efSearch)));
}

HnswVectorIndex::~HnswVectorIndex() = default;

bool HnswVectorIndex::search(const float *query, int k, std::vector<VectorHit> &out, float *) const
{
    out.clear();
    if (k <= 0 || m_exact->size() == 0)
        return false;
    // hnswlib uses max(ef, k) as its beam; ef is set once at build, so searches stay const.
    auto queue = m_graph->searchKnn(query, size_t(k));
    out.resize(queue.size());
    for (size_t i = queue.size(); i-- > 0;) {
        out[i] = { int(queue.top().second), 1.0f - queue.top().first };
        queue.pop();
    }
    return false;
}

} // namespace m1
