#include "embedding/localembedder.h"

#include "embedding/fnvhash.h"

#include <QFuture>

#include <algorithm>
#include <cmath>

namespace m1 {

namespace {

// Distinct seeds keep the three feature families apart in hash space.
constexpr std::uint64_t kWordSeed = kFnvOffset;
constexpr std::uint64_t kNgramSeed = kFnvOffset ^ 0x9e3779b97f4a7c15ull;
constexpr std::uint64_t kBigramSeed = kFnvOffset ^ 0xc2b2ae3d27d4eb4full;

int roundUpToPowerOfTwo(int value)
{
    int p = 16;
    while (p < value)
        p <<= 1;
    return p;
}

inline void addFeature(float *out, std::uint64_t mask, std::uint64_t hash, float weight)
{
    const std::uint64_t mixed = mixHash(hash);
    out[mixed & mask] += (mixed >> 63) ? -weight : weight;
}

} // namespace

LocalEmbedder::LocalEmbedder(LocalEmbedderOptions options)
    : m_options(options)
{
    // A power of two makes the bucket a mask; dimensions like 1000 are rounded up.
    m_options.dimension = roundUpToPowerOfTwo(std::max(16, m_options.dimension));
    m_options.ngramMin = std::max(1, m_options.ngramMin);
    m_options.ngramMax = std::max(m_options.ngramMin, m_options.ngramMax);
    m_mask = std::uint64_t(m_options.dimension - 1);
}

QString LocalEmbedder::model() const
{
    if (m_weights)
        return QStringLiteral("hash-v2-n%1-%2-w%3-g%4-b%5-idf%6")
            .arg(m_options.ngramMin)
            .arg(m_options.ngramMax)
            .arg(double(m_options.wordWeight))
            .arg(double(m_options.ngramWeight))
            .arg(double(m_options.bigramWeight))
            .arg(m_weights->digest, 16, 16, QLatin1Char('0'));
    // Everything that changes the vectors is in the model name, so cached vectors of another
    // configuration are never reused (v2: the tokenizer's Croatian verb endings).
    return QStringLiteral("hash-v2-n%1-%2-w%3-g%4-b%5")
        .arg(m_options.ngramMin)
        .arg(m_options.ngramMax)
        .arg(double(m_options.wordWeight))
        .arg(double(m_options.ngramWeight))
        .arg(double(m_options.bigramWeight));
}

void LocalEmbedder::embedInto(QStringView text, float *out) const
{
    std::fill(out, out + m_options.dimension, 0.0f);
    std::uint64_t previousWord = 0;
    bool havePrevious = false;
    const int nMin = m_options.ngramMin;
    const int nMax = m_options.ngramMax;
    m_tokenizer.forEachToken(text, [&](std::u16string_view token) {
        const std::uint64_t word = fnv1a(token, kWordSeed);
        const float tokenScale = m_weights ? tokenWeight(word) : 1.0f;
        addFeature(out, m_mask, word, m_options.wordWeight * tokenScale);
        if (havePrevious && m_options.bigramWeight > 0.0f)
            addFeature(out, m_mask, (word * 31 + previousWord) ^ kBigramSeed,
                       m_options.bigramWeight * tokenScale);
        previousWord = word;
        havePrevious = true;

        // N-grams over "<token>" with boundary marks, so prefixes and endings count as such.
        char16_t padded[Tokenizer::kMaxTokenLength + 2];
        const int length = int(token.size()) + 2;
        padded[0] = u'<';
        std::copy(token.begin(), token.end(), padded + 1);
        padded[length - 1] = u'>';
        int count = 0;
        for (int n = nMin; n <= nMax; ++n)
            count += std::max(0, length - n + 1);
        if (count == 0 || m_options.ngramWeight <= 0.0f)
            return;
        const float weight = tokenScale * m_options.ngramWeight / std::sqrt(float(count));
        for (int start = 0; start + nMin <= length; ++start) {
            std::uint64_t h = kNgramSeed;
            for (int i = 0; i < nMax && start + i < length; ++i) {
                h = fnv1aStep(h, padded[start + i]);
                if (i + 1 >= nMin)
                    addFeature(out, m_mask, h, weight);
            }
        }
    });
    double norm = 0.0;
    for (int i = 0; i < m_options.dimension; ++i)
        norm += double(out[i]) * double(out[i]);
    if (norm <= 0.0)
        return; // no tokens: the zero vector, similar to nothing
    const float inv = float(1.0 / std::sqrt(norm));
    for (int i = 0; i < m_options.dimension; ++i)
        out[i] *= inv;
}

float LocalEmbedder::tokenWeight(std::uint64_t tokenHash) const
{
    const auto it = m_weights->byToken.find(tokenHash);
    return it == m_weights->byToken.end() ? m_weights->unknown : it->second;
}

std::unique_ptr<LocalEmbedder> LocalEmbedder::fittedTo(const QStringList &corpus) const
{
    std::unordered_map<std::uint64_t, int> documentFrequency;
    std::vector<std::uint64_t> seen;
    for (const QString &text : corpus) {
        seen.clear();
        m_tokenizer.forEachToken(
            text, [&](std::u16string_view token) { seen.push_back(fnv1a(token, kWordSeed)); });
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (std::uint64_t h : seen)
            ++documentFrequency[h];
    }
    auto weights = std::make_shared<TokenWeights>();
    const double n = double(std::max<qsizetype>(1, corpus.size()));
    // Smoothed idf, scaled so an unseen word weighs 1: weights stay comparable across corpora.
    const double top = std::log(1.0 + n);
    std::vector<std::pair<std::uint64_t, int>> ordered(documentFrequency.begin(),
                                                       documentFrequency.end());
    std::sort(ordered.begin(), ordered.end());
    std::uint64_t digest = kFnvOffset;
    for (const auto &[hash, df] : ordered) {
        const float w = float(std::log(1.0 + n / double(df)) / top);
        weights->byToken.emplace(hash, w);
        digest = (digest ^ hash) * kFnvPrime;
        digest = (digest ^ std::uint64_t(df)) * kFnvPrime;
    }
    weights->unknown = 1.0f;
    weights->digest = digest;
    auto out = std::make_unique<LocalEmbedder>(m_options);
    out->m_weights = std::move(weights);
    return out;
}

std::vector<float> LocalEmbedder::embedOne(QStringView text) const
{
    std::vector<float> v(size_t(m_options.dimension));
    embedInto(text, v.data());
    return v;
}

EmbeddingBatchResult LocalEmbedder::embedSync(const QStringList &texts)
{
    EmbeddingBatchResult result;
    result.vectors.reserve(size_t(texts.size()));
    for (const QString &text : texts)
        result.vectors.push_back(embedOne(text));
    return result;
}

QFuture<EmbeddingBatchResult> LocalEmbedder::embed(const QStringList &texts)
{
    return QtFuture::makeReadyFuture(embedSync(texts));
}

} // namespace m1
