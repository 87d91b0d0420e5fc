#pragma once

// Finds the tools for a message. Built once per registry (tool texts embedded through the cache,
// vectors normalised into one matrix, BM25 and documentation indexes, per-tool method and
// category precomputed), then searched from any number of threads: search() is const and keeps
// its working arrays per thread, so the hot path allocates only the result.

#include "core/clock.h"
#include "embedding/embeddingcache.h"
#include "embedding/embeddingprovider.h"
#include "embedding/toolembedder.h"
#include "registry/tooldefinition.h"
#include "search/bm25index.h"
#include "search/categorybooster.h"
#include "search/docsmatcher.h"
#include "search/exactvectorindex.h"
#include "search/exampleclassifier.h"
#include "search/intentclassifier.h"
#include "search/queryembeddingcache.h"
#include "search/scoringconfig.h"
#include "search/searchresult.h"
#include "search/tooldocumentation.h"
#include "search/toolscorer.h"
#include "search/usagestats.h"

#include <QHash>
#include <QReadWriteLock>
#include <QStringList>

#include <atomic>
#include <memory>

namespace m1 {

class LocalEmbedder;
class Counter;
class LatencyHistogram;
class MetricsRegistry;

struct SearchEngineInfo
{
    EmbeddingRunStats embedding; // tool texts + documentation examples
    double embedMs = 0;
    double indexMs = 0; // matrix, HNSW, BM25, docs
    QString indexKind; // "exact" or "hnsw"
    int tools = 0;
    int dimension = 0;
    int docsEntries = 0;
};

class SearchEngine
{
public:
    // Embeds the tools' texts (through cache when given) and builds everything. Returns null and
    // sets error when embedding fails. Blocking: call on a worker thread. The provider embeds the
    // queries later, so it must outlive the engine (the cache need not).
    static std::unique_ptr<SearchEngine>
    build(const QList<ToolDefinition> &tools, EmbeddingProvider &provider, EmbeddingCache *cache,
          const ScoringConfig &config, const ToolDocumentation &docs,
          std::shared_ptr<UsageStats> stats, const Clock &clock, QString *error);

    // From vectors computed elsewhere (rows = tools.size(), row-major, dim floats each).
    // provider may be null: then only searchWithVector() works.
    // docsVectors, when given, are the vectors of documentationTexts(tools, docs) in order;
    // without them the local embedder (if it is the provider) embeds those texts here.
    SearchEngine(const QList<ToolDefinition> &tools, const float *vectors, int dim,
                 EmbeddingProvider *provider, const ScoringConfig &config,
                 const ToolDocumentation &docs, std::shared_ptr<UsageStats> stats,
                 const Clock &clock, const float *docsVectors = nullptr);
    ~SearchEngine();

    // Embeds the query (query cache first) and searches. Thread-safe.
    SearchResult search(const SearchQuery &query) const;
    // Searches with a query vector the caller already has (dimension() floats, any norm).
    SearchResult searchWithVector(const SearchQuery &query, const float *queryVector) const;

    // The documentation texts (examples, then synonyms, of each documented tool the registry
    // has) that the dense half of the documentation boost embeds, with the tool of each.
    static QStringList documentationTexts(const QList<ToolDefinition> &tools,
                                          const ToolDocumentation &docs,
                                          std::vector<int> *owners = nullptr);

    // Records every search from now on: m1_search_requests_total, m1_search_latency (scoring,
    // ns), m1_search_embed_latency (query embedding, ns), m1_search_abstain_total and
    // m1_search_query_cache_{hits,misses}_total. Call before searching from other threads;
    // metrics must outlive the engine.
    void attachMetrics(MetricsRegistry &metrics);

    int toolCount() const { return int(m_ids.size()); }
    int dimension() const { return m_dimension; }
    const QString &toolId(int index) const { return m_ids[index]; }
    int indexOf(const QString &toolId) const { return m_indexById.value(toolId, -1); }

    const VectorIndex &vectorIndex() const { return *m_dense; }
    const ExactVectorIndex &exactIndex() const { return *m_exact; }
    const Bm25Index &lexicalIndex() const { return *m_bm25; }
    const QueryEmbeddingCache &queryCache() const { return m_queryCache; }
    const ScoringConfig &config() const { return m_config; }
    const SearchEngineInfo &info() const { return m_info; }
    const Tokenizer &tokenizer() const { return m_tokenizer; }

    // The text a tool is embedded and indexed by: its embeddingText (or a fallback built from its
    // id, method, path, summary, description and tags) plus its documented synonyms and examples.
    static QString indexText(const ToolDefinition &tool, const ToolDocumentation &docs);

private:
    struct Scratch;
    Scratch &scratch() const;
    void refreshEvalAdjust() const;
    MethodClass writeClass(const ToolDefinition &tool) const;
    void buildDocs(const QList<ToolDefinition> &tools, const ToolDocumentation &docs,
                   const float *docsVectors);
    // Adds a tool found by the documentation side to the candidates (once).
    void addCandidate(Scratch &s, int tool, bool haveAll) const;

    ScoringConfig m_config;
    const Clock &m_clock;
    std::unique_ptr<EmbeddingProvider> m_ownedProvider; // the idf-fitted local embedder
    EmbeddingProvider *m_provider = nullptr;
    const LocalEmbedder *m_local = nullptr; // set when the provider is the local embedder
    std::shared_ptr<UsageStats> m_stats;
    // The classifier's tokenizer with stop words dropped: its marked pass over a query gives the
    // classifier's words and the lexical parts' terms at once.
    Tokenizer m_tokenizer { Tokenizer::Options { ExampleClassifier::tokenizerOptions().stem, true,
                                                 ExampleClassifier::tokenizerOptions().splitCamelCase } };
    IntentClassifier m_intents;
    int m_dimension = 0;
    QStringList m_ids;
    QHash<QString, int> m_indexById;
    std::shared_ptr<const ExactVectorIndex> m_exact;
    std::shared_ptr<const VectorIndex> m_dense;
    std::unique_ptr<Bm25Index> m_bm25;
    DocsMatcher m_docs;
    std::vector<int> m_docsOwners; // tool of each documentation text
    std::shared_ptr<const VectorIndex> m_docsDense; // exact, or HNSW from annMinTools texts on
    ExampleClassifier m_classifier;
    ToolScorer m_scorer;
    CategoryBooster m_categories;
    std::vector<int> m_categoryOfTool;
    mutable QueryEmbeddingCache m_queryCache;
    mutable QReadWriteLock m_evalLock;
    mutable std::vector<float> m_evalAdjust;
    mutable std::atomic<quint64> m_evalVersion { ~quint64(0) };
    SearchEngineInfo m_info;
    struct Metrics
    {
        Counter *requests = nullptr;
        Counter *abstains = nullptr;
        Counter *cacheHits = nullptr;
        Counter *cacheMisses = nullptr;
        LatencyHistogram *latency = nullptr;
        LatencyHistogram *embedLatency = nullptr;
    } m_metrics;
    quint64 m_instance = 0; // tells the per-thread scratch which engine it was sized for
};

} // namespace m1
