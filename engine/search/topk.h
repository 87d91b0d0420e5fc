#pragma once

// Keeps the k best (index, score) pairs of a stream in a min-heap held in caller-owned storage,
// so selecting from 20,000 scores costs one comparison per score and no allocation.

#include "search/vectorindex.h"

#include <algorithm>
#include <vector>

namespace m1 {

class TopK
{
public:
    TopK(std::vector<VectorHit> &storage, int k)
        : m_heap(storage)
        , m_k(std::max(0, k))
    {
        m_heap.clear();
    }

    void push(int index, float score)
    {
        if (int(m_heap.size()) < m_k) {
            m_heap.push_back({ index, score });
            std::push_heap(m_heap.begin(), m_heap.end(), Better {});
        } else if (m_k > 0 && score > m_heap.front().score) {
            std::pop_heap(m_heap.begin(), m_heap.end(), Better {});
            m_heap.back() = { index, score };
            std::push_heap(m_heap.begin(), m_heap.end(), Better {});
        }
    }
    float threshold() const { return int(m_heap.size()) < m_k ? -1e30f : m_heap.front().score; }
    // Best first; ties broken by index so results are deterministic.
    void finish() { std::sort(m_heap.begin(), m_heap.end(), Better {}); }

    // A function object, not a function pointer, so the heap operations inline it.
    struct Better
    {
        bool operator()(const VectorHit &a, const VectorHit &b) const
        {
            return a.score != b.score ? a.score > b.score : a.index < b.index;
        }
    };
    static bool better(const VectorHit &a, const VectorHit &b) { return Better {}(a, b); }

private:
    std::vector<VectorHit> &m_heap;
    int m_k;
};

} // namespace m1
