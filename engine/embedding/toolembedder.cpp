#include "embedding/toolembedder.h"

#include <QElapsedTimer>
#include <QHash>

#include <algorithm>

namespace m1 {

ToolEmbedder::ToolEmbedder(EmbeddingProvider &provider, EmbeddingCache *cache)
    : m_provider(provider)
    , m_cache(cache)
{
}

EmbeddedTexts ToolEmbedder::embed(const QStringList &texts)
{
    QElapsedTimer timer;
    timer.start();
    EmbeddedTexts out;
    out.dimension = m_provider.dimension();
    out.stats.texts = int(texts.size());
    const size_t dim = size_t(out.dimension);
    out.matrix.assign(size_t(texts.size()) * dim, 0.0f);

    // Unique texts, and for each the rows that want it.
    QHash<QString, int> uniqueIndex;
    QStringList unique;
    std::vector<int> rowToUnique(size_t(texts.size()));
    for (int i = 0; i < texts.size(); ++i) {
        auto it = uniqueIndex.constFind(texts[i]);
        if (it == uniqueIndex.constEnd()) {
            it = uniqueIndex.insert(texts[i], int(unique.size()));
            unique.append(texts[i]);
        }
        rowToUnique[size_t(i)] = *it;
    }
    out.stats.unique = int(unique.size());

    std::vector<std::vector<float>> vectors(size_t(unique.size()));
    const bool useCache = m_cache && !m_provider.isLocal();
    QList<QByteArray> keys;
    QStringList missing;
    std::vector<int> missingIndex;
    for (int u = 0; u < unique.size(); ++u) {
        if (useCache) {
            keys.append(EmbeddingCache::makeKey(m_provider.id(), m_provider.model(), out.dimension,
                                                unique[u]));
            if (auto cached = m_cache->find(keys.back()); cached && cached->size() == dim) {
                vectors[size_t(u)] = std::move(*cached);
                ++out.stats.cacheHits;
                continue;
            }
        }
        missing.append(unique[u]);
        missingIndex.push_back(u);
    }

    if (!missing.isEmpty()) {
        EmbeddingBatchResult batch = m_provider.embedSync(missing);
        out.stats.requests = batch.requests;
        out.stats.retries = batch.retries;
        out.stats.embedded = int(missing.size());
        if (!batch.ok()) {
            out.error = batch.error;
            out.stats.ms = double(timer.nsecsElapsed()) / 1e6;
            return out;
        }
        for (size_t m = 0; m < missingIndex.size(); ++m) {
            const int u = missingIndex[m];
            if (useCache)
                m_cache->insert(keys[u], batch.vectors[m]);
            vectors[size_t(u)] = std::move(batch.vectors[m]);
        }
        if (useCache)
            m_cache->flush();
    }

    for (int i = 0; i < texts.size(); ++i) {
        const std::vector<float> &v = vectors[size_t(rowToUnique[size_t(i)])];
        std::copy_n(v.begin(), std::min(v.size(), dim),
                    out.matrix.begin() + ptrdiff_t(size_t(i) * dim));
    }
    out.stats.ms = double(timer.nsecsElapsed()) / 1e6;
    return out;
}

} // namespace m1
