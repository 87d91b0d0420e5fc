#pragma once

// Nearest tools by inner product of L2-normalised vectors (= cosine). Implementations are
// immutable after construction and safe to search from many threads.

#include <QString>

#include <vector>

namespace m1 {

struct VectorHit
{
    int index = -1;
    float score = 0.0f;
};

class VectorIndex
{
public:
    virtual ~VectorIndex() = default;

    virtual QString kind() const = 0; // "exact" or "hnsw"
    virtual int size() const = 0;
    virtual int dimension() const = 0;

    // The k best rows for a normalised query, best first, into out (cleared first).
    // allScores, when not null, receives every row's score if the index computes them anyway.
    // Returns whether allScores was filled.
    virtual bool search(const float *query, int k, std::vector<VectorHit> &out,
                        float *allScores = nullptr) const = 0;

    // The exact score of one row (for candidates that came from the lexical side).
    virtual float score(const float *query, int row) const = 0;
};

} // namespace m1
