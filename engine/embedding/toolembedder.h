#pragma once

// Embeds many texts (a registry's tool texts, documentation examples) through the cache and a
// provider: duplicates are embedded once, cached vectors are reused, and everything missing
// goes to the provider as one batch (which it splits into as few requests as its limits allow).

#include "embedding/embeddingcache.h"
#include "embedding/embeddingprovider.h"

#include <QStringList>

#include <vector>

namespace m1 {

struct EmbeddingRunStats
{
    int texts = 0;
    int unique = 0;
    int cacheHits = 0;
    int embedded = 0; // sent to the provider
    int requests = 0; // HTTP requests, retries included
    int retries = 0;
    double ms = 0;
};

struct EmbeddedTexts
{
    int dimension = 0;
    std::vector<float> matrix; // texts.size() rows of `dimension` floats, row-major
    EmbeddingRunStats stats;
    QString error; // empty on success

    bool ok() const { return error.isEmpty(); }
    const float *row(int i) const { return matrix.data() + size_t(i) * size_t(dimension); }
};

class ToolEmbedder
{
public:
    // cache may be null. The local embedder is cheaper than a cache lookup, so it bypasses it.
    ToolEmbedder(EmbeddingProvider &provider, EmbeddingCache *cache);

    // Blocking: call on a worker thread or on a thread whose event loop is not running.
    EmbeddedTexts embed(const QStringList &texts);

private:
    EmbeddingProvider &m_provider;
    EmbeddingCache *m_cache;
};

} // namespace m1
