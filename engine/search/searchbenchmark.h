#pragma once

// The figures `m1bot bench` reports for search, produced here so the CLI stays thin:
//  - search latency without the embedding call, every scoring part on (documentation, usage
//    history, evaluation statistics, intent, categories), on a synthetic registry of N tools ×
//    D dims; exact and HNSW apart, and HNSW's recall@10 against exact;
//  - the embedding phase of start-up through the HTTP provider against the loopback fake server
//    (latency per request added): cold time and requests, the one-request-per-tool baseline,
//    a warm start (0 requests) and a start with one changed tool.

#include "search/scoringconfig.h"

#include <QJsonObject>

namespace m1 {

struct SearchBenchOptions
{
    int tools = 200;
    int dim = 1536;
    int queries = 2000;
    int warmup = 200;
    quint64 seed = 42;
    bool measureAnn = true; // also build HNSW when the configuration would not
    int startupTools = 200;
    int startupDim = 1536;
    int startupLatencyMs = 50;
};

class SearchBenchmark
{
public:
    explicit SearchBenchmark(ScoringConfig config = {})
        : m_config(std::move(config))
    {
    }

    // tools, dim, index_kind, search_p50_us, search_p99_us, exact_p50_us, exact_p99_us,
    // ann_p50_us, ann_p99_us, ann_recall_at_10, ann_build_ms, index_ms, kernel
    QJsonObject runSearch(const SearchBenchOptions &options) const;
    // embed_requests, embed_requests_warm, embed_requests_one_changed, embed_inputs,
    // startup_embed_ms, embed_ms {cold, warm, one_changed}, embed_baseline_ms (tools × latency),
    // embed_ratio (cold / baseline)
    // Needs a QCoreApplication (the HTTP client and the fake server run on this thread's loop).
    QJsonObject runStartup(const SearchBenchOptions &options) const;

private:
    ScoringConfig m_config;
};

} // namespace m1
