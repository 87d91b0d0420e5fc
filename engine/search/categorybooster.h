#pragma once

// The category part of a tool's score: a category earns a boost when it holds most of the best
// dense hits (the message is "about" it) and when the message names it ("pool", "gorivo").
// Built once per registry; boost() is const and writes into caller-owned scratch.

#include "embedding/tokenizer.h"
#include "registry/tooldefinition.h"
#include "search/scoringconfig.h"
#include "search/vectorindex.h"

#include <QList>

#include <cstdint>
#include <utility>
#include <vector>

namespace m1 {

class CategoryBooster
{
public:
    CategoryBooster() = default;
    // categoryOfTool receives each tool's category index (-1: none).
    CategoryBooster(const QList<ToolDefinition> &tools, const Tokenizer &tokenizer,
                    std::vector<int> &categoryOfTool);

    int categoryCount() const { return m_count; }

    // Adds each category's boost to boosts[category] (zero on entry; categoryCount() floats) and
    // lists the categories it touched, so the caller can zero them again.
    void boost(const std::vector<VectorHit> &denseHits, const std::vector<int> &categoryOfTool,
               const std::uint64_t *queryHashes, int hashCount, const ScoringConfig &config,
               float *boosts, std::vector<int> &touched) const;

private:
    int m_count = 0;
    std::vector<std::pair<std::uint64_t, int>> m_terms; // (token hash, category), sorted
};

} // namespace m1
