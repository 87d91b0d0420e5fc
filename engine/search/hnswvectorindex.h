#pragma once

// Approximate dense search for large registries: an HNSW graph (Debian's hnswlib) over the
// exact index's normalised rows, with its distance computed by our run-time dispatched dot
// kernel (hnswlib's own SIMD is chosen at compile time and would be scalar on baseline x86-64).
// Recall against exact search is measured by the benchmark and reported as ann_recall_at_10.

#include "search/exactvectorindex.h"

#include <memory>

namespace hnswlib {
template<typename T> class HierarchicalNSW;
}

namespace m1 {

struct HnswOptions
{
    int m = 16; // links per node
    int efConstruction
        = 100; // build-time beam (200 doubles build time for no measured recall gain)
    int efSearch = 32; // query-time beam (raised to k when smaller); recall@10 0.998 at 20k
    quint64 seed = 100;
};

class HnswVectorIndex final : public VectorIndex
{
public:
    // Builds the graph from every row of exact (which must outlive this index).
    HnswVectorIndex(std::shared_ptr<const ExactVectorIndex> exact, HnswOptions options = {});
    ~HnswVectorIndex() override;

    QString kind() const override { return QStringLiteral("hnsw"); }
    int size() const override { return m_exact->size(); }
    int dimension() const override { return m_exact->dimension(); }
    bool search(const float *query, int k, std::vector<VectorHit> &out,
                float *allScores = nullptr) const override;
    float score(const float *query, int row) const override { return m_exact->score(query, row); }

    const HnswOptions &options() const { return m_options; }

private:
    class DotSpace;
    std::shared_ptr<const ExactVectorIndex> m_exact;
    HnswOptions m_options;
    std::unique_ptr<DotSpace> m_space;
    std::unique_ptr<hnswlib::HierarchicalNSW<float>> m_graph;
};

} // namespace m1
