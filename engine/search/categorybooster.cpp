#include "search/categorybooster.h"

#include "embedding/fnvhash.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace m1 {

CategoryBooster::CategoryBooster(const QList<ToolDefinition> &tools, const Tokenizer &tokenizer,
                                 std::vector<int> &categoryOfTool)
{
    categoryOfTool.assign(size_t(tools.size()), -1);
    QHash<QString, int> categoryIds;
    for (int i = 0; i < tools.size(); ++i) {
        const QString &category = tools[i].category;
        if (category.isEmpty())
            continue;
        auto it = categoryIds.constFind(category);
        if (it == categoryIds.constEnd()) {
            it = categoryIds.insert(category, int(categoryIds.size()));
            // A category is named in a message by any of its words ("Pool bookings" → pool, book).
            tokenizer.forEachToken(category, [&](std::u16string_view token) {
                m_terms.emplace_back(fnv1a(token), *it);
            });
        }
        categoryOfTool[size_t(i)] = *it;
    }
    m_count = int(categoryIds.size());
    std::sort(m_terms.begin(), m_terms.end());
    m_terms.erase(std::unique(m_terms.begin(), m_terms.end()), m_terms.end());
}

void CategoryBooster::boost(const std::vector<VectorHit> &denseHits,
                            const std::vector<int> &categoryOfTool,
                            const std::uint64_t *queryHashes, int hashCount,
                            const ScoringConfig &config, float *boosts,
                            std::vector<int> &touched) const
{
    touched.clear();
    if (m_count == 0)
        return;
    float total = 0.0f;
    const int top = std::min<int>(config.categoryTop, int(denseHits.size()));
    for (int r = 0; r < top; ++r)
        total += std::max(0.0f, denseHits[size_t(r)].score);
    if (total > 0.0f && config.categoryShareWeight != 0.0f) {
        for (int r = 0; r < top; ++r) {
            const int category = categoryOfTool[size_t(denseHits[size_t(r)].index)];
            if (category < 0)
                continue;
            if (boosts[category] == 0.0f)
                touched.push_back(category);
            boosts[category] += std::max(0.0f, denseHits[size_t(r)].score) / total;
        }
        for (int category : touched) {
            const float share = boosts[category];
            boosts[category]
                = share >= config.categoryMinShare ? config.categoryShareWeight * share : 0.0f;
        }
    }
    if (config.categoryNameMatch == 0.0f)
        return;
    for (int i = 0; i < hashCount; ++i) {
        auto it = std::lower_bound(m_terms.begin(), m_terms.end(),
                                   std::make_pair(queryHashes[i], std::numeric_limits<int>::min()));
        for (; it != m_terms.end() && it->first == queryHashes[i]; ++it) {
            if (boosts[it->second] == 0.0f)
                touched.push_back(it->second);
            boosts[it->second] += config.categoryNameMatch;
        }
    }
}

} // namespace m1
