#include "facade/searchfactory.h"

#include "embedding/embeddingcache.h"
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
                                 const Clock &clock, std::shared_ptr<UsageStats> stats)
{
    SearchSetup setup;
    ScoringConfig scoring;
    if (!ScoringConfig::load(BundledResources::scoringConfig(), &scoring, &setup.error))
        return setup;
    const QString docsPath = config.documentationFile.isEmpty() ? BundledResources::toolDocumentation()
                                                                : config.documentationFile;
    const ToolDocumentation docs = ToolDocumentation::load(docsPath, &setup.error);
    if (!setup.error.isEmpty())
        return setup;
    if (!stats)
        stats = std::make_shared<InMemoryUsageStats>();

    // The local embedder is the default: offline and deterministic. (An OpenAI-compatible
    // provider plugs in here through the same interface.)
    setup.provider = std::make_unique<LocalEmbedder>();
    // A remote provider's vectors are cached on disk so a warm start sends no request; the
    // local embedder computes faster than a cache could be read, so it goes without.
    std::unique_ptr<EmbeddingCache> cache;
    if (!setup.provider->isLocal()) {
        cache = std::make_unique<EmbeddingCache>(
            QDir(EngineStore::dataDir(config)).filePath(QStringLiteral("embeddings")));
        cache->load();
    }
    setup.engine = SearchEngine::build(registry.tools(), *setup.provider, cache.get(), scoring, docs,
                                       std::move(stats), clock, &setup.error);
    if (cache)
        cache->flush();
    return setup;
}

} // namespace m1
