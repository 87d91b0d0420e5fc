#pragma once

// Builds the search side of an engine from its configuration: scoring weights, per-tool
// documentation, the embedding cache in the data folder, and the provider.

#include "embedding/embeddingprovider.h"
#include "facade/engineconfig.h"
#include "search/searchengine.h"

#include <memory>

namespace m1 {

class Clock;
class MetricsRegistry;
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
    // scoring, when given, replaces the configured weights and thresholds (config.scoringFile or
    // the bundled scoring.json).
    // metrics, when given, counts a remote provider's requests (embedding.requests).
    static SearchSetup build(const EngineConfig &config, const ToolRegistry &registry, const Clock &clock,
                             std::shared_ptr<UsageStats> stats = {}, const ScoringConfig *scoring = nullptr,
                             MetricsRegistry *metrics = nullptr);
    // The same as one shared value: the provider lives exactly as long as the engine. metrics,
    // when given, records every search (it must outlive the engine). Null with *error set when
    // the search could not be built.
    static std::shared_ptr<const SearchEngine> buildShared(const EngineConfig &config,
                                                           const ToolRegistry &registry,
                                                           const Clock &clock,
                                                           std::shared_ptr<UsageStats> stats,
                                                           const ScoringConfig *scoring,
                                                           MetricsRegistry *metrics, QString *error);
};

} // namespace m1
