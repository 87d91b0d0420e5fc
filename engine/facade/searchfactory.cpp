#include "facade/searchfactory.h"

#include "embedding/embeddingcache.h"
#include "embedding/embeddingsettings.h"
#include "embedding/localembedder.h"
#include "facade/bundledresources.h"
#include "facade/enginestore.h"
#include "registry/toolregistry.h"
#include "search/inmemoryusagestats.h"
#include "search/scoringconfig.h"
#include "search/tooldocumentation.h"

#include <QDir>

namespace m1 {

SearchSetup SearchFactory::build(const EngineConfig &config, const ToolRegistry &registry,
                                 const Clock &clock, std::shared_ptr<UsageStats> stats,
                                 const ScoringConfig *scoringOverride, MetricsRegistry *metrics)
{
    SearchSetup setup;
    ScoringConfig scoring;
    if (scoringOverride) {
        scoring = *scoringOverride;
    } else {
        const QString scoringPath = config.scoringFile.isEmpty() ? BundledResources::scoringConfig()
                                                                 : config.scoringFile;
        if (!ScoringConfig::load(scoringPath, &scoring, &setup.error))
            return setup;
        if (!config.scoring.isEmpty()
            && !scoring.apply(config.scoring, config.sourceFile, &setup.error,
                              QStringLiteral("/scoring")))
            return setup;
    }
    EmbeddingSettings embedding;
    embedding.apiKey = config.embeddingApiKey;
    if (!config.embedding.isEmpty()
        && !embedding.apply(config.embedding, config.sourceFile, QStringLiteral("/embedding"),
                            &setup.error))
        return setup;
    const QString docsPath = config.documentationFile.isEmpty() ? BundledResources::toolDocumentation()
                                                                : config.documentationFile;
    const ToolDocumentation docs = ToolDocumentation::load(docsPath, &setup.error);
    if (!setup.error.isEmpty())
        return setup;
    if (!stats)
        stats = std::make_shared<InMemoryUsageStats>();

    // The local embedder is the default: offline and deterministic. An OpenAI-compatible or
    // Azure provider comes from the "embedding" section, its key from the environment (or the
    // front that keeps it).
    if (!embedding.hasApiKey()) {
        setup.error = QStringLiteral("the %1 embedding provider needs its API key in the "
                                     "environment variable %2, which is not set")
                          .arg(embedding.provider, embedding.apiKeyVariable());
        return setup;
    }
    setup.provider = embedding.createProvider(clock, nullptr, metrics);
    // A remote provider's vectors are cached on disk so a warm start sends no request; the
    // local embedder computes faster than a cache could be read, so it goes without.
    std::unique_ptr<EmbeddingCache> cache;
    if (!setup.provider->isLocal()) {
        cache = std::make_unique<EmbeddingCache>(
            !embedding.cacheFolder.isEmpty()
                ? embedding.cacheFolder
                : QDir(EngineStore::dataDir(config)).filePath(QStringLiteral("embeddings")));
        cache->load();
    }
    setup.engine = SearchEngine::build(registry.tools(), *setup.provider, cache.get(), scoring, docs,
                                       std::move(stats), clock, &setup.error);
    if (cache)
        cache->flush();
    return setup;
}

std::shared_ptr<const SearchEngine> SearchFactory::buildShared(const EngineConfig &config,
                                                               const ToolRegistry &registry,
                                                               const Clock &clock,
                                                               std::shared_ptr<UsageStats> stats,
                                                               const ScoringConfig *scoring,
                                                               MetricsRegistry *metrics, QString *error)
{
    SearchSetup setup = build(config, registry, clock, std::move(stats), scoring, metrics);
    if (error)
        *error = setup.error;
    if (!setup.engine)
        return {};
    if (metrics)
        setup.engine->attachMetrics(*metrics);
    // The engine embeds queries through the provider, so the deleter keeps the provider alive
    // until the engine is gone.
    std::shared_ptr<EmbeddingProvider> provider(std::move(setup.provider));
    return std::shared_ptr<const SearchEngine>(setup.engine.release(),
                                               [provider](const SearchEngine *engine) { delete engine; });
}

} // namespace m1
