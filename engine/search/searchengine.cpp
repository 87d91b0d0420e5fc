#include "search/searchengine.h"

#include "core/logcategories.h"
#include "core/metricsregistry.h"
#include "embedding/fnvhash.h"
#include "embedding/localembedder.h"
#include "search/dotkernels.h"
#include "search/hnswvectorindex.h"
#include "search/topk.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <limits>

namespace m1 {

namespace {

std::atomic<quint64> g_nextInstance { 1 };

struct Candidate
{
    int tool;
    float dense;
    float lexical;
    int denseRank; // -1: not in the dense list
    int lexicalRank;
};

struct Scored
{
    int tool;
    ScoreBreakdown parts;
};

} // namespace

// Per-thread working memory of one engine: sized once, zero where untouched between queries.
struct SearchEngine::Scratch
{
    quint64 owner = 0;
    std::vector<float> query, dense, lexical, docs, docsDense, docsClass, docsEntries, category;
    std::vector<int> mark, slot;
    int stamp = 0;
    std::vector<int> terms, lexTouched, docsTouched, docsEntryTouched, categoryTouched;
    std::vector<VectorHit> denseHits, lexHits, docsHits;
    std::vector<int> docsDenseTouched;
    std::vector<std::pair<int, float>> classHits;
    std::vector<Candidate> candidates;
    std::vector<Scored> scored;
    std::vector<std::pair<int, quint32>> user;
    std::uint64_t hashes[Bm25Index::kMaxQueryTerms];
    int hashCount = 0;
    std::vector<std::uint64_t> words; // every token's hash in order, stop words too
};

QString SearchEngine::indexText(const ToolDefinition &tool, const ToolDocumentation &docs)
{
    QString text = tool.embeddingText;
    if (text.isEmpty()) {
        QStringList parts { tool.id,     tool.summary, tool.description, tool.tags.join(u' '),
                            tool.method, tool.path };
        parts.removeAll(QString());
        text = parts.join(QStringLiteral(". "));
    }
    // The words people use for a tool belong to its text (unless the loader put them there).
    const ToolDocs *doc = docs.find(tool.id);
    if (!doc && !tool.operationId.isEmpty())
        doc = docs.find(tool.operationId);
    if (doc) {
        const QString extra = (doc->synonyms + doc->examples).join(QStringLiteral(". "));
        if (!extra.isEmpty() && !text.contains(extra))
            text += u'\n' + extra;
    }
    return text;
}

std::unique_ptr<SearchEngine>
SearchEngine::build(const QList<ToolDefinition> &tools, EmbeddingProvider &provider,
                    EmbeddingCache *cache, const ScoringConfig &config,
                    const ToolDocumentation &docs, std::shared_ptr<UsageStats> stats,
                    const Clock &clock, QString *error)
{
    QStringList texts;
    texts.reserve(tools.size());
    for (const ToolDefinition &tool : tools)
        texts.append(indexText(tool, docs));
    // The local embedder learns which words are common in this registry (idf), so shared
    // vocabulary ("vehicle" in a fleet API) stops dominating every similarity.
    std::unique_ptr<LocalEmbedder> fitted;
    EmbeddingProvider *effective = &provider;
    if (auto *local = dynamic_cast<LocalEmbedder *>(&provider); local && config.localIdf != 0) {
        fitted = local->fittedTo(texts);
        effective = fitted.get();
    }
    // The documentation examples ride in the same batches as the tools' texts.
    const QStringList examples = config.docsDenseWeight != 0.0f
        ? documentationTexts(tools, docs)
        : QStringList();
    ToolEmbedder embedder(*effective, cache);
    const EmbeddedTexts embedded = embedder.embed(texts + examples);
    if (!embedded.ok()) {
        if (error)
            *error = QStringLiteral("embedding the tools failed: ") + embedded.error;
        return nullptr;
    }
    const float *docsVectors = examples.isEmpty()
        ? nullptr
        : embedded.matrix.data() + size_t(texts.size()) * size_t(embedded.dimension);
    auto engine = std::make_unique<SearchEngine>(tools, embedded.matrix.data(), embedded.dimension,
                                                 effective, config, docs, std::move(stats), clock,
                                                 docsVectors);
    engine->m_ownedProvider = std::move(fitted);
    engine->m_info.embedding = embedded.stats;
    engine->m_info.embedMs = embedded.stats.ms;
    return engine;
}

SearchEngine::SearchEngine(const QList<ToolDefinition> &tools, const float *vectors, int dim,
                           EmbeddingProvider *provider, const ScoringConfig &config,
                           const ToolDocumentation &docs, std::shared_ptr<UsageStats> stats,
                           const Clock &clock, const float *docsVectors)
    : m_config(config)
    , m_clock(clock)
    , m_provider(provider)
    , m_stats(std::move(stats))
    , m_dimension(dim)
    , m_queryCache(config.queryCacheCapacity, config.queryCacheTtlMs, clock)
    , m_instance(g_nextInstance.fetch_add(1))
{
    QElapsedTimer timer;
    timer.start();
    m_local = dynamic_cast<const LocalEmbedder *>(provider);
    const int n = int(tools.size());
    QStringList texts;
    texts.reserve(n);
    m_ids.reserve(n);
    std::vector<ToolProfile> profiles(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        m_ids.append(tools[i].id);
        m_indexById.insert(tools[i].id, i);
        texts.append(indexText(tools[i], docs));
        profiles[size_t(i)].method = writeClass(tools[i]);
    }
    m_exact = std::make_shared<ExactVectorIndex>(vectors, n, dim);
    if (m_config.annMinTools > 0 && n >= m_config.annMinTools)
        m_dense = std::make_shared<HnswVectorIndex>(m_exact, m_config.hnsw);
    else
        m_dense = m_exact;
    m_bm25 = std::make_unique<Bm25Index>(m_tokenizer, texts, m_config.bm25);
    m_categories = CategoryBooster(tools, m_tokenizer, m_categoryOfTool);
    for (int i = 0; i < n; ++i)
        profiles[size_t(i)].category = m_categoryOfTool[size_t(i)];
    buildDocs(tools, docs, docsVectors);
    m_scorer = ToolScorer(m_config, std::move(profiles));
    m_info.indexMs = double(timer.nsecsElapsed()) / 1e6;
    m_info.indexKind = m_dense->kind();
    m_info.tools = n;
    m_info.dimension = dim;
    m_info.docsEntries = m_docs.entryCount();
    qCDebug(lcSearch) << "search index:" << n << "tools," << dim << "dims," << m_info.indexKind
                      << "in" << m_info.indexMs << "ms, kernel" << kernels::name();
}

SearchEngine::~SearchEngine() = default;

MethodClass SearchEngine::writeClass(const ToolDefinition &tool) const
{
    const MethodClass byMethod = ToolScorer::methodClass(tool.method);
    if (byMethod == MethodClass::Read || byMethod == MethodClass::Other)
        return byMethod;
    // Many APIs model actions as POST /things/{id}/cancel or PUT .../extend: the verb of the
    // operation says more than the HTTP method, so it is read with the query's own patterns.
    Tokenizer::Options raw;
    raw.stem = false;
    raw.dropStopWords = false;
    const Tokenizer words(raw);
    const QString name = tool.operationId.isEmpty() ? tool.id : tool.operationId;
    QString lastSegment = tool.path.section(u'/', -1);
    if (lastSegment.startsWith(u'{'))
        lastSegment.clear();
    const QString text = u' ' + (words.tokens(name) + words.tokens(lastSegment)).join(u' ') + u' ';
    switch (m_intents.classify(text)) {
    case Intent::Create:
        return MethodClass::Create;
    case Intent::Update:
        return MethodClass::Update;
    case Intent::Delete:
        return MethodClass::Delete;
    case Intent::Read:
    case Intent::Unknown:
        break;
    }
    return byMethod;
}

void SearchEngine::attachMetrics(MetricsRegistry &metrics)
{
    m_metrics.requests = &metrics.counter(QStringLiteral("m1_search_requests_total"),
                                          QStringLiteral("Tool searches"));
    m_metrics.abstains
        = &metrics.counter(QStringLiteral("m1_search_abstain_total"),
                           QStringLiteral("Searches whose best tool was under the act threshold"));
    m_metrics.cacheHits = &metrics.counter(QStringLiteral("m1_search_query_cache_hits_total"),
                                           QStringLiteral("Query embeddings found in the cache"));
    m_metrics.cacheMisses = &metrics.counter(QStringLiteral("m1_search_query_cache_misses_total"),
                                             QStringLiteral("Query embeddings computed"));
    m_metrics.latency
        = &metrics.histogram(QStringLiteral("m1_search_latency"),
                             QStringLiteral("Search time without the query embedding"));
    m_metrics.embedLatency
        = &metrics.histogram(QStringLiteral("m1_search_embed_latency"),
                             QStringLiteral("Query embedding time (cache hits included)"));
}

QStringList SearchEngine::documentationTexts(const QList<ToolDefinition> &tools,
                                             const ToolDocumentation &docs,
                                             std::vector<int> *owners)
{
    QStringList entries;
    if (owners)
        owners->clear();
    if (docs.isEmpty())
        return entries;
    QHash<QString, int> byId;
    for (int i = 0; i < tools.size(); ++i) {
        byId.insert(tools[i].id, i);
        if (!tools[i].operationId.isEmpty() && !byId.contains(tools[i].operationId))
            byId.insert(tools[i].operationId, i);
    }
    QStringList ids = docs.toolIds();
    ids.sort(); // a stable order, so vectors computed elsewhere line up
    for (const QString &id : std::as_const(ids)) {
        const int tool = byId.value(id, -1);
        if (tool < 0)
            continue; // documentation for a tool this registry does not have
        const ToolDocs *doc = docs.find(id);
        for (const QString &text : doc->examples + doc->synonyms) {
            entries.append(text);
            if (owners)
                owners->push_back(tool);
        }
    }
    return entries;
}

void SearchEngine::buildDocs(const QList<ToolDefinition> &tools, const ToolDocumentation &docs,
                             const float *docsVectors)
{
    const QStringList entries = documentationTexts(tools, docs, &m_docsOwners);
    if (entries.isEmpty())
        return;
    m_docs = DocsMatcher(m_tokenizer, entries, m_docsOwners, int(tools.size()));
    if (m_config.docsClassifierWeight != 0.0f)
        m_classifier = ExampleClassifier(entries, m_docsOwners, int(tools.size()));
    if (m_config.docsDenseWeight == 0.0f)
        return;
    std::vector<float> local;
    if (!docsVectors && m_local) {
        local.resize(size_t(entries.size()) * size_t(m_dimension));
        for (int i = 0; i < entries.size(); ++i)
            m_local->embedInto(entries[i], local.data() + size_t(i) * size_t(m_dimension));
        docsVectors = local.data();
    }
    if (!docsVectors)
        return;
    auto exact = std::make_shared<const ExactVectorIndex>(docsVectors, int(entries.size()),
                                                          m_dimension);
    // Hand-written examples outnumber tools ten to one, so their index turns approximate
    // sooner; a missed example costs little, since its tool has a dozen more.
    if (m_config.docsDenseAnnMin > 0 && exact->size() >= m_config.docsDenseAnnMin)
        m_docsDense = std::make_shared<HnswVectorIndex>(exact, m_config.hnsw);
    else
        m_docsDense = std::move(exact);
}

void SearchEngine::addCandidate(Scratch &s, int tool, bool haveAll) const
{
    if (s.mark[size_t(tool)] == s.stamp)
        return;
    s.mark[size_t(tool)] = s.stamp;
    s.slot[size_t(tool)] = int(s.candidates.size());
    const float dense = haveAll ? s.dense[size_t(tool)] : m_dense->score(s.query.data(), tool);
    s.candidates.push_back({ tool, dense, s.lexical[size_t(tool)], -1, -1 });
}

SearchEngine::Scratch &SearchEngine::scratch() const
{
    thread_local std::unique_ptr<Scratch> local;
    if (!local)
        local = std::make_unique<Scratch>();
    Scratch &s = *local;
    if (s.owner != m_instance) {
        const size_t n = size_t(toolCount());
        s.owner = m_instance;
        s.query.assign(size_t(m_dimension), 0.0f);
        s.dense.assign(n, 0.0f);
        s.lexical.assign(n, 0.0f);
        s.docs.assign(n, 0.0f);
        s.docsDense.assign(n, 0.0f);
        s.docsClass.assign(n, 0.0f);
        s.docsEntries.assign(size_t(m_docs.entryCount()), 0.0f);
        s.category.assign(size_t(m_categories.categoryCount()), 0.0f);
        s.mark.assign(n, -1);
        s.slot.assign(n, 0);
        s.stamp = 0;
        const size_t c = size_t(std::max(m_config.candidates, 8));
        s.candidates.reserve(2 * c);
        s.scored.reserve(2 * c);
        s.denseHits.reserve(c + 64);
        s.lexHits.reserve(c + 64);
    }
    return s;
}

void SearchEngine::refreshEvalAdjust() const
{
    if (!m_stats || m_config.evalWeight == 0.0f)
        return;
    const quint64 version = m_stats->version();
    if (m_evalVersion.load(std::memory_order_acquire) == version)
        return;
    std::vector<float> adjust(size_t(toolCount()), 0.0f);
    const double minObservations = std::max(1, m_config.evalMinObservations);
    for (int i = 0; i < toolCount(); ++i) {
        const UsageStats::Outcomes o = m_stats->toolOutcomes(m_ids[i]);
        const double seen = double(o.successes) + double(o.failures);
        if (seen == 0)
            continue;
        // Laplace-smoothed success rate mapped to -1..1, trusted fully after minObservations.
        const double rate = (double(o.successes) + 1.0) / (seen + 2.0);
        adjust[size_t(i)] = float(m_config.evalWeight * (2.0 * rate - 1.0)
                                  * std::min(1.0, seen / minObservations));
    }
    QWriteLocker lock(&m_evalLock);
    m_evalAdjust = std::move(adjust);
    m_evalVersion.store(version, std::memory_order_release);
}

SearchResult SearchEngine::search(const SearchQuery &query) const
{
    const qint64 start = m_clock.monotonicNs();
    QueryEmbeddingCache::Vector vector = m_queryCache.find(query.text);
    const bool hit = bool(vector);
    QString error;
    if (!vector) {
        if (m_local) {
            vector = std::make_shared<const std::vector<float>>(m_local->embedOne(query.text));
        } else if (m_provider) {
            EmbeddingBatchResult batch = m_provider->embedSync({ query.text });
            if (batch.ok() && batch.vectors.size() == 1
                && int(batch.vectors[0].size()) == m_dimension)
                vector = std::make_shared<const std::vector<float>>(std::move(batch.vectors[0]));
            else
                error = batch.ok() ? QStringLiteral("the embedding provider returned no vector")
                                   : batch.error;
        } else {
            error = QStringLiteral("this search engine has no embedding provider");
        }
        if (vector)
            m_queryCache.insert(query.text, vector);
    }
    const qint64 embedUs = (m_clock.monotonicNs() - start) / 1000;
    if (!vector) {
        SearchResult failed;
        failed.query = query.text;
        failed.embedUs = embedUs;
        failed.error = QStringLiteral("the query could not be embedded: ") + error;
        return failed;
    }
    SearchResult result = searchWithVector(query, vector->data());
    result.embedUs = embedUs;
    result.queryCacheHit = hit;
    if (m_metrics.requests) {
        m_metrics.requests->add();
        (hit ? m_metrics.cacheHits : m_metrics.cacheMisses)->add();
        if (result.abstain)
            m_metrics.abstains->add();
        m_metrics.latency->record(result.tookUs * 1000);
        m_metrics.embedLatency->record(embedUs * 1000);
    }
    return result;
}

SearchResult SearchEngine::searchWithVector(const SearchQuery &query,
                                            const float *queryVector) const
{
    const qint64 start = m_clock.monotonicNs();
    Scratch &s = scratch();
    const int n = toolCount();
    SearchResult result;
    result.query = query.text;
    if (n == 0) {
        result.tookUs = (m_clock.monotonicNs() - start) / 1000;
        return result;
    }
    const ScoringConfig &cfg = m_config;

    // Query analysis: normalise once; tokenise once for every lexical part.
    const float norm
        = std::sqrt(std::max(kernels::dotWide(queryVector, queryVector, m_dimension), 0.0f));
    const float inv = norm > 0 ? 1.0f / norm : 0.0f;
    kernels::scale(queryVector, inv, s.query.data(), m_dimension);
    s.hashCount = 0;
    s.words.clear();
    // The classifier keeps stop words, the lexical parts drop them: one pass marks them.
    m_tokenizer.forEachTokenMarked(query.text, [&s](std::u16string_view token, bool stopWord) {
        const std::uint64_t h = fnv1a(token);
        s.words.push_back(h);
        if (!stopWord && s.hashCount < Bm25Index::kMaxQueryTerms
            && std::find(s.hashes, s.hashes + s.hashCount, h) == s.hashes + s.hashCount)
            s.hashes[s.hashCount++] = h;
    });
    result.intent = m_intents.classify(m_tokenizer.fold(query.text));

    // Retrieval: dense top-C and lexical top-C.
    const int c = std::max(cfg.candidates, query.topK);
    const bool haveAll = m_dense->search(s.query.data(), c, s.denseHits, s.dense.data());
    const float upper = m_bm25->queryTermsFromHashes(s.hashes, s.hashCount, s.terms);
    m_bm25->accumulate(s.terms, s.lexical.data(), s.lexTouched);
    {
        // One selection pass over the touched documents (a heap costs more at these sizes).
        s.lexHits.clear();
        for (int doc : s.lexTouched)
            s.lexHits.push_back({ doc, s.lexical[size_t(doc)] });
        if (int(s.lexHits.size()) > c) {
            std::nth_element(s.lexHits.begin(), s.lexHits.begin() + c, s.lexHits.end(),
                             TopK::Better {});
            s.lexHits.resize(size_t(c));
        }
        std::sort(s.lexHits.begin(), s.lexHits.end(), TopK::Better {});
    }

    // Candidates: the union of both lists, each with both kinds of evidence.
    if (++s.stamp == 0x3fffffff) {
        std::fill(s.mark.begin(), s.mark.end(), -1);
        s.stamp = 0;
    }
    s.candidates.clear();
    for (int r = 0; r < int(s.denseHits.size()); ++r) {
        const VectorHit &hit = s.denseHits[size_t(r)];
        s.mark[size_t(hit.index)] = s.stamp;
        s.slot[size_t(hit.index)] = int(s.candidates.size());
        s.candidates.push_back({ hit.index, hit.score, s.lexical[size_t(hit.index)], r, -1 });
    }
    for (int r = 0; r < int(s.lexHits.size()); ++r) {
        const int tool = s.lexHits[size_t(r)].index;
        if (s.mark[size_t(tool)] == s.stamp) {
            s.candidates[size_t(s.slot[size_t(tool)])].lexicalRank = r;
            continue;
        }
        s.mark[size_t(tool)] = s.stamp;
        const float dense = haveAll ? s.dense[size_t(tool)] : m_dense->score(s.query.data(), tool);
        s.candidates.push_back({ tool, dense, s.lexical[size_t(tool)], -1, r });
    }

    // Examples close to the query vouch for their tools, which join the candidates; so do the
    // tools the example classifier finds most probable.
    s.docsDenseTouched.clear();
    if (m_docsDense && cfg.docsDenseWeight != 0.0f && cfg.docsDenseHits > 0) {
        m_docsDense->search(s.query.data(), cfg.docsDenseHits, s.docsHits);
        for (const VectorHit &hit : s.docsHits) {
            const int tool = m_docsOwners[size_t(hit.index)];
            float &best = s.docsDense[size_t(tool)];
            if (best == 0.0f)
                s.docsDenseTouched.push_back(tool);
            best = std::max(best, std::max(hit.score, 1e-6f));
            addCandidate(s, tool, haveAll);
        }
    }
    s.classHits.clear();
    if (!m_classifier.isEmpty() && cfg.docsClassifierWeight != 0.0f) {
        m_classifier.predictWords(s.words.data(), int(s.words.size()),
                                  std::max(cfg.docsClassifierTop, 1), s.classHits);
        for (const auto &[tool, probability] : s.classHits) {
            s.docsClass[size_t(tool)] = probability;
            if (cfg.docsClassifierTop > 0)
                addCandidate(s, tool, haveAll);
        }
    }

    // Per-query context of the boosts.
    ScoringContext context;
    if (!s.docsDenseTouched.empty())
        context.docsDense = s.docsDense.data();
    if (!s.classHits.empty())
        context.docsClass = s.docsClass.data();
    context.intent = result.intent;
    context.lexicalScale = upper > 0 ? 1.0f / upper : 0.0f;
    if (!m_docs.isEmpty() && cfg.docsWeight != 0.0f) {
        m_docs.matchHashes(s.hashes, s.hashCount, s.docs.data(), s.docsTouched,
                           s.docsEntries.data(), s.docsEntryTouched);
        context.docs = s.docs.data();
    }
    s.user.clear();
    if (m_stats && !query.userPhone.isEmpty() && cfg.userWeight != 0.0f) {
        m_stats->forEachUserSuccess(query.userPhone, [&](const QString &toolId, quint32 count) {
            const int tool = m_indexById.value(toolId, -1);
            if (tool >= 0 && s.mark[size_t(tool)] == s.stamp)
                s.user.emplace_back(tool, count);
        });
        context.userCounts = s.user.data();
        context.userCountSize = int(s.user.size());
    }
    s.categoryTouched.clear();
    if (m_categories.categoryCount() > 0) {
        m_categories.boost(s.denseHits, m_categoryOfTool, s.hashes, s.hashCount, cfg,
                           s.category.data(), s.categoryTouched);
        context.categoryBoost = s.category.data();
    }
    refreshEvalAdjust();
    QReadLocker evalLock(&m_evalLock);
    if (!m_evalAdjust.empty())
        context.evalAdjust = m_evalAdjust.data();

    // The one scoring pass.
    s.scored.clear();
    const bool rrf = cfg.fusion == u"rrf";
    const float rrfScale
        = float(cfg.rrfK + 1) / std::max(1e-6f, cfg.denseWeight + cfg.lexicalWeight);
    for (const Candidate &candidate : s.candidates) {
        float dense = candidate.dense;
        float lexical = candidate.lexical;
        if (rrf) {
            dense = candidate.denseRank < 0
                ? 0.0f
                : cfg.denseWeight * rrfScale / float(cfg.rrfK + 1 + candidate.denseRank);
            lexical = candidate.lexicalRank < 0 && lexical <= 0.0f ? 0.0f
                                                                   : cfg.lexicalWeight * rrfScale
                    / float(cfg.rrfK + 1 + std::max(0, candidate.lexicalRank));
        }
        s.scored.push_back(
            { candidate.tool, m_scorer.score(candidate.tool, dense, lexical, context) });
    }
    evalLock.unlock();

    const int keep = std::min<int>(int(s.scored.size()), std::max(query.topK, cfg.maxCandidates));
    std::partial_sort(s.scored.begin(), s.scored.begin() + keep, s.scored.end(),
                      [](const Scored &a, const Scored &b) {
                          return a.parts.total != b.parts.total ? a.parts.total > b.parts.total
                                                                : a.tool < b.tool;
                      });
    const int shown = std::min(keep, std::max(0, query.topK));
    result.results.reserve(shown);
    for (int i = 0; i < keep; ++i) {
        const Scored &scored = s.scored[size_t(i)];
        ScoredTool tool { scored.tool, m_ids[scored.tool], scored.parts.total, scored.parts };
        if (i < cfg.maxCandidates && scored.parts.total >= cfg.candidateThreshold)
            result.candidates.append(tool);
        if (i < shown)
            result.results.append(std::move(tool));
    }
    const float best = s.scored.empty() ? -1e30f : s.scored.front().parts.total;
    const float second = s.scored.size() > 1 ? s.scored[1].parts.total : -1e30f;
    result.abstain = best < cfg.actThreshold || best - second < cfg.actMargin;
    result.outOfScope = best < cfg.abstainThreshold;

    // Leave the scratch zeroed for the next query.
    for (int doc : s.lexTouched)
        s.lexical[size_t(doc)] = 0.0f;
    for (int tool : s.docsTouched)
        s.docs[size_t(tool)] = 0.0f;
    for (int tool : s.docsDenseTouched)
        s.docsDense[size_t(tool)] = 0.0f;
    for (const auto &hit : s.classHits)
        s.docsClass[size_t(hit.first)] = 0.0f;
    for (int category : s.categoryTouched)
        s.category[size_t(category)] = 0.0f;
    result.tookUs = (m_clock.monotonicNs() - start) / 1000;
    return result;
}

} // namespace m1
