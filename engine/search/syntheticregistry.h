#pragma once

// Synthetic registries for benchmarks and tests: N tools with D-dimensional vectors, texts,
// methods, categories, documentation, usage, and queries aimed at known tools, all from a seed.
// Vectors are clustered like real embeddings (50 tools per topic centre; a query is closer to its
// tool than to the siblings, but its top 10 are near-ties), not uniform noise, so approximate
// search recall means roughly what it means on real data.

#include "registry/tooldefinition.h"
#include "search/tooldocumentation.h"
#include "search/usagestats.h"

#include <QList>
#include <QStringList>

#include <vector>

namespace m1 {

struct SyntheticRegistry
{
    static constexpr int kDocumentedTools = 2000;

    int dimension = 0;
    QList<ToolDefinition> tools;
    std::vector<float> vectors; // tools × dimension, unit length
    ToolDocumentation docs;
    // Vectors of SearchEngine::documentationTexts(tools, docs), each near its tool's vector.
    std::vector<float> docsVectors;
    QStringList queryTexts;
    std::vector<float> queryVectors; // queries × dimension, unit length
    std::vector<int> queryTargets; // the tool each query was made from
    QString userPhone; // a user with usage history in fillUsage()

    const float *queryVector(int i) const
    {
        return queryVectors.data() + size_t(i) * size_t(dimension);
    }
    // Records successes for userPhone and outcomes for a tenth of the tools.
    void fillUsage(UsageStats &stats, quint64 seed) const;

    static SyntheticRegistry generate(int tools, int dimension, int queries, quint64 seed);
};

} // namespace m1
