#include "search/searchbenchmark.h"

#include "core/clock.h"
#include "embedding/embeddingcache.h"
#include "embedding/openaiembeddingprovider.h"
#include "embedding/toolembedder.h"
#include "search/dotkernels.h"
#include "search/inmemoryusagestats.h"
#include "search/searchengine.h"
#include "search/searchevaluator.h"
#include "search/syntheticregistry.h"
#include "testsupport/fakeopenaiserver.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <chrono>
#include <cmath>

namespace m1 {

namespace {

struct Latency
{
    double p50 = 0, p99 = 0;
};

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

Latency measure(const SearchEngine &engine, const SyntheticRegistry &r, const SearchBenchOptions &o)
{
    const int queries = int(r.queryTexts.size());
    auto once = [&](int i) {
        SearchQuery q { r.queryTexts[i % queries], r.userPhone, 5 };
        const auto start = std::chrono::steady_clock::now();
        const SearchResult result = engine.searchWithVector(q, r.queryVector(i % queries));
        const auto end = std::chrono::steady_clock::now();
        Q_UNUSED(result);
        return std::chrono::duration<double, std::micro>(end - start).count();
    };
    for (int i = 0; i < o.warmup; ++i)
        once(i);
    std::vector<double> samples;
    samples.reserve(size_t(queries));
    for (int i = 0; i < queries; ++i)
        samples.push_back(once(i));
    return { SearchEvaluator::percentile(samples, 50), SearchEvaluator::percentile(samples, 99) };
}

} // namespace

QJsonObject SearchBenchmark::runSearch(const SearchBenchOptions &o) const
{
    SystemClock clock;
    const SyntheticRegistry r
        = SyntheticRegistry::generate(o.tools, o.dim, std::max(1, o.queries), o.seed);
    auto stats = std::make_shared<InMemoryUsageStats>();
    r.fillUsage(*stats, o.seed);

    QJsonObject out { { QStringLiteral("tools"), o.tools },
                      { QStringLiteral("dim"), o.dim },
                      { QStringLiteral("bench_queries"), int(r.queryTexts.size()) },
                      { QStringLiteral("kernel"), QString::fromLatin1(kernels::name()) } };
    const bool annByConfig = m_config.annMinTools > 0 && o.tools >= m_config.annMinTools;

    ScoringConfig exactConfig = m_config;
    exactConfig.annMinTools = 0;
    QElapsedTimer timer;
    timer.start();
    const SearchEngine exact(r.tools, r.vectors.data(), o.dim, nullptr, exactConfig, r.docs, stats,
                             clock, r.docsVectors.data());
    out.insert(QStringLiteral("index_ms"), round1(double(timer.nsecsElapsed()) / 1e6));
    // float16 below the screen's size when the float32 matrix outgrows L2 (ExactVectorIndex).
    out.insert(QStringLiteral("exact_precision"), exact.exactIndex().isHalf()
                   ? QStringLiteral("float16")
                   : QStringLiteral("float32"));
    const Latency exactLatency = measure(exact, r, o);
    out.insert(QStringLiteral("exact_p50_us"), round1(exactLatency.p50));
    out.insert(QStringLiteral("exact_p99_us"), round1(exactLatency.p99));
    Latency chosen = exactLatency;

    if (o.measureAnn || annByConfig) {
        ScoringConfig annConfig = m_config;
        annConfig.annMinTools = 1;
        timer.restart();
        const SearchEngine ann(r.tools, r.vectors.data(), o.dim, nullptr, annConfig, r.docs, stats,
                               clock, r.docsVectors.data());
        out.insert(QStringLiteral("ann_build_ms"), round1(double(timer.nsecsElapsed()) / 1e6));
        const Latency annLatency = measure(ann, r, o);
        out.insert(QStringLiteral("ann_p50_us"), round1(annLatency.p50));
        out.insert(QStringLiteral("ann_p99_us"), round1(annLatency.p99));
        // Recall of the raw indexes: how many of exact's 10 nearest HNSW finds.
        std::vector<VectorHit> truth, found;
        double recall = 0;
        const int queries = int(r.queryTexts.size());
        for (int i = 0; i < queries; ++i) {
            exact.exactIndex().search(r.queryVector(i), 10, truth);
            ann.vectorIndex().search(r.queryVector(i), 10, found);
            int hits = 0;
            for (const VectorHit &t : truth)
                hits += std::any_of(found.begin(), found.end(),
                                    [&](const VectorHit &f) { return f.index == t.index; })
                    ? 1
                    : 0;
            recall += truth.empty() ? 1.0 : double(hits) / double(truth.size());
        }
        out.insert(QStringLiteral("ann_recall_at_10"),
                   std::round(recall / std::max(1, queries) * 10000.0) / 10000.0);
        out.insert(QStringLiteral("ann_ef_search"), annConfig.hnsw.efSearch);
        out.insert(QStringLiteral("ann_m"), annConfig.hnsw.m);
        if (annByConfig)
            chosen = annLatency;
    }
    out.insert(QStringLiteral("index_kind"),
               annByConfig ? QStringLiteral("hnsw") : QStringLiteral("exact"));
    out.insert(QStringLiteral("search_p50_us"), round1(chosen.p50));
    out.insert(QStringLiteral("search_p99_us"), round1(chosen.p99));
    return out;
}

QJsonObject SearchBenchmark::runStartup(const SearchBenchOptions &o) const
{
    QJsonObject out;
    FakeOpenAiServer server;
    server.setDimension(o.startupDim);
    server.setLatencyMs(o.startupLatencyMs);
    server.setApiKey(QStringLiteral("bench-key"));
    if (!server.listen()) {
        out.insert(QStringLiteral("startup_error"),
                   QStringLiteral("the loopback embedding server could not listen"));
        return out;
    }
    const SyntheticRegistry r = SyntheticRegistry::generate(o.startupTools, 8, 0, o.seed);
    QStringList texts;
    for (const ToolDefinition &tool : r.tools)
        texts.append(tool.embeddingText);

    QTemporaryDir folder;
    SystemClock clock;
    OpenAiEmbeddingOptions options;
    options.baseUrl = server.baseUrl();
    options.apiKey = QStringLiteral("bench-key");
    options.dimension = o.startupDim;
    options.model = QStringLiteral("text-embedding-3-small");

    auto phase = [&](const QStringList &input, double *ms, int *requests, QString *error) {
        EmbeddingCache cache(folder.path());
        cache.load();
        OpenAiEmbeddingProvider provider(options, clock);
        const int before = server.requestCount();
        QElapsedTimer timer;
        timer.start();
        const EmbeddedTexts embedded = ToolEmbedder(provider, &cache).embed(input);
        *ms = double(timer.nsecsElapsed()) / 1e6;
        *requests = server.requestCount() - before;
        if (!embedded.ok())
            *error = embedded.error;
    };
    double coldMs = 0, warmMs = 0, changedMs = 0;
    int coldRequests = 0, warmRequests = 0, changedRequests = 0;
    QString error;
    phase(texts, &coldMs, &coldRequests, &error);
    const int coldInputs = server.inputCount();
    phase(texts, &warmMs, &warmRequests, &error);
    QStringList changed = texts;
    if (!changed.isEmpty())
        changed[0] += QStringLiteral(" (changed)");
    const int inputsBefore = server.inputCount();
    phase(changed, &changedMs, &changedRequests, &error);
    const double baseline = double(o.startupTools) * o.startupLatencyMs;

    out.insert(QStringLiteral("startup_tools"), o.startupTools);
    out.insert(QStringLiteral("startup_latency_ms_per_request"), o.startupLatencyMs);
    out.insert(QStringLiteral("embed_requests"), coldRequests);
    out.insert(QStringLiteral("embed_inputs"), coldInputs);
    out.insert(QStringLiteral("embed_requests_warm"), warmRequests);
    out.insert(QStringLiteral("embed_requests_one_changed"), changedRequests);
    out.insert(QStringLiteral("embed_inputs_one_changed"), server.inputCount() - inputsBefore);
    // Not "startup_ms": that object belongs to the whole bench (parse, embed, graph, index,
    // total); startup_embed_ms is this section's part of it.
    out.insert(QStringLiteral("startup_embed_ms"), round1(coldMs));
    out.insert(QStringLiteral("embed_ms"),
               QJsonObject { { QStringLiteral("cold"), round1(coldMs) },
                             { QStringLiteral("warm"), round1(warmMs) },
                             { QStringLiteral("one_changed"), round1(changedMs) } });
    out.insert(QStringLiteral("embed_baseline_ms"), baseline);
    out.insert(QStringLiteral("embed_ratio"),
               baseline > 0 ? std::round(coldMs / baseline * 10000.0) / 10000.0 : 0.0);
    if (!error.isEmpty())
        out.insert(QStringLiteral("startup_error"), error);
    return out;
}

} // namespace m1
