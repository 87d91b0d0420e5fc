#pragma once

// The default, offline embedder: feature hashing of word unigrams, word bigrams and character
// n-grams (3-5) of the shared Tokenizer's folded, stemmed tokens into a fixed number of
// dimensions, with the sign taken from the hash so collisions cancel instead of adding up, then
// L2-normalised. Deterministic on every run and platform (FNV-1a), no weights to download.
// The n-grams make it tolerant of typos and of inflections the stemmer misses.
//
// Why 1024 dimensions by default: a tool text yields a few hundred distinct features; at 1024
// signed buckets their collisions cost well under a point of recall on the demo set, while the
// index stays 4 KiB per tool and a search over 200 tools stays in L2 cache (see README figures).

#include "embedding/embeddingprovider.h"
#include "embedding/tokenizer.h"

#include <QStringView>

#include <memory>
#include <unordered_map>

namespace m1 {

struct LocalEmbedderOptions
{
    int dimension = 1024;
    int ngramMin = 3;
    int ngramMax = 5;
    float wordWeight = 1.0f;
    float ngramWeight = 1.0f; // total for one token's n-grams, spread over them
    float bigramWeight = 0.5f;
};

class LocalEmbedder final : public EmbeddingProvider
{
public:
    explicit LocalEmbedder(LocalEmbedderOptions options = {});

    QString id() const override { return QStringLiteral("local"); }
    QString model() const override;
    int dimension() const override { return m_options.dimension; }
    bool isLocal() const override { return true; }

    QFuture<EmbeddingBatchResult> embed(const QStringList &texts) override;
    EmbeddingBatchResult embedSync(const QStringList &texts) override;

    // Writes one L2-normalised vector into out (dimension() floats). Thread-safe, allocation-free.
    void embedInto(QStringView text, float *out) const;
    std::vector<float> embedOne(QStringView text) const;

    // A copy whose tokens are weighted by their inverse document frequency in corpus (words
    // every tool text has, like "vehicle" in a fleet API, then count for little; words the
    // corpus never saw get the highest weight). Deterministic for a given corpus; the model
    // name carries a digest of the weights so cached vectors never mix.
    std::unique_ptr<LocalEmbedder> fittedTo(const QStringList &corpus) const;
    bool isFitted() const { return bool(m_weights); }

    const Tokenizer &tokenizer() const { return m_tokenizer; }
    const LocalEmbedderOptions &options() const { return m_options; }

private:
    LocalEmbedderOptions m_options;
    struct TokenWeights
    {
        std::unordered_map<std::uint64_t, float> byToken;
        float unknown = 1.0f;
        std::uint64_t digest = 0;
    };
    float tokenWeight(std::uint64_t tokenHash) const;

    Tokenizer m_tokenizer;
    std::uint64_t m_mask = 0;
    std::shared_ptr<const TokenWeights> m_weights;
};

} // namespace m1
