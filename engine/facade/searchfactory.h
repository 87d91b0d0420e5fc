#pragma once

// Builds the search side of an engine from its configuration: scoring weights, per-tool
// documentation, the embedding cache in the data folder, and the provider.

#include "embedding/embeddingprovider.h"
#include "facade/engineconfig.h"
#include "search/searchengine.h"

#include <memory>

namespace m1 {

class Clock;
class ToolRegistry;
class UsageStats;

struct SearchSetup
{
    std::unique_ptr<EmbeddingProvider> provider; // must outlive the engine
    std::unique_ptr<SearchEngine> engine;
    QString error; // set when engine is null
};

class SearchFactory
{
public:
    // Blocking (embeds every tool not in the cache): call on a worker or before an event loop.
    // stats may be null: an in-memory UsageStats is used.
    static SearchSetup build(const EngineConfig &config, const ToolRegistry &registry, const Clock &clock,
                             std::shared_ptr<UsageStats> stats = {});
};

} // namespace m1
