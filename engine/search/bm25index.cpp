#include "search/bm25index.h"

#include "embedding/fnvhash.h"

#include <algorithm>
#include <cmath>

namespace m1 {

Bm25Index::Bm25Index(const Tokenizer &tokenizer, const QStringList &documents, Bm25Options options)
    : m_tokenizer(tokenizer)
    , m_options(options)
    , m_documentCount(int(documents.size()))
{
    // Pass 1: term frequencies per document.
    std::vector<std::vector<std::pair<int, int>>> perDoc(documents.size()); // (term, tf)
    std::vector<int> lengths(documents.size(), 0);
    std::vector<int> df;
    for (int d = 0; d < documents.size(); ++d) {
        std::vector<int> termsOfDoc;
        tokenizer.forEachToken(documents[d], [&](std::u16string_view token) {
            const std::uint64_t h = fnv1a(token);
            const auto [id, inserted] = m_terms.insert(h, int(df.size()));
            if (inserted)
                df.push_back(0);
            termsOfDoc.push_back(id);
        });
        lengths[size_t(d)] = int(termsOfDoc.size());
        std::sort(termsOfDoc.begin(), termsOfDoc.end());
        auto &counts = perDoc[size_t(d)];
        for (size_t i = 0; i < termsOfDoc.size();) {
            size_t j = i;
            while (j < termsOfDoc.size() && termsOfDoc[j] == termsOfDoc[i])
                ++j;
            counts.emplace_back(termsOfDoc[i], int(j - i));
            ++df[size_t(termsOfDoc[i])];
            i = j;
        }
    }
    const double n = double(std::max(1, m_documentCount));
    double totalLength = 0;
    for (int l : lengths)
        totalLength += l;
    const double avgLength = std::max(1.0, totalLength / n);

    m_idf.resize(df.size());
    for (size_t t = 0; t < df.size(); ++t)
        m_idf[t] = float(std::log(1.0 + (n - df[t] + 0.5) / (df[t] + 0.5)));
    m_unknownIdf = float(std::log(1.0 + (n + 0.5) / 0.5));

    // Pass 2: CSR postings with the full BM25 weight of each (term, document).
    m_offsets.assign(df.size() + 1, 0);
    for (size_t t = 0; t < df.size(); ++t)
        m_offsets[t + 1] = m_offsets[t] + df[t];
    m_postingDoc.resize(size_t(m_offsets.back()));
    m_postingWeight.resize(size_t(m_offsets.back()));
    std::vector<int> fill(m_offsets.begin(), m_offsets.end() - 1);
    const double k1 = m_options.k1;
    const double b = m_options.b;
    for (int d = 0; d < documents.size(); ++d) {
        const double norm = k1 * (1.0 - b + b * lengths[size_t(d)] / avgLength);
        for (const auto &[term, tf] : perDoc[size_t(d)]) {
            const int slot = fill[size_t(term)]++;
            m_postingDoc[size_t(slot)] = d;
            m_postingWeight[size_t(slot)]
                = float(m_idf[size_t(term)] * (tf * (k1 + 1.0)) / (tf + norm));
        }
    }
}

int Bm25Index::termId(std::u16string_view token) const
{
    return m_terms.find(fnv1a(token));
}

float Bm25Index::queryTerms(QStringView query, std::vector<int> &terms) const
{
    std::uint64_t hashes[kMaxQueryTerms];
    int count = 0;
    m_tokenizer.forEachToken(query, [&](std::u16string_view token) {
        const std::uint64_t h = fnv1a(token);
        if (count < kMaxQueryTerms && std::find(hashes, hashes + count, h) == hashes + count)
            hashes[count++] = h;
    });
    return queryTermsFromHashes(hashes, count, terms);
}

float Bm25Index::queryTermsFromHashes(const std::uint64_t *hashes, int count,
                                      std::vector<int> &terms) const
{
    terms.clear();
    // A document of average length holding the term once scores exactly idf (tf·(k1+1)/(tf+k1) =
    // 1).
    float upper = 0.0f;
    for (int i = 0; i < count; ++i) {
        const int id = m_terms.find(hashes[i]);
        if (id < 0) {
            upper += m_unknownIdf;
            continue;
        }
        terms.push_back(id);
        upper += m_idf[size_t(id)];
    }
    return upper;
}

float Bm25Index::accumulate(const std::vector<int> &terms, float *scores,
                            std::vector<int> &touched) const
{
    touched.clear();
    float best = 0.0f;
    for (int term : terms) {
        for (int p = m_offsets[size_t(term)], end = m_offsets[size_t(term) + 1]; p < end; ++p) {
            const int doc = m_postingDoc[size_t(p)];
            if (scores[doc] == 0.0f)
                touched.push_back(doc);
            scores[doc] += m_postingWeight[size_t(p)];
            best = std::max(best, scores[doc]);
        }
    }
    return best;
}

float Bm25Index::score(QStringView query, int document) const
{
    std::vector<int> terms;
    queryTerms(query, terms);
    std::vector<float> scores(size_t(m_documentCount), 0.0f);
    std::vector<int> touched;
    accumulate(terms, scores.data(), touched);
    return scores[size_t(document)];
}

std::vector<std::pair<int, float>> Bm25Index::topK(QStringView query, int k) const
{
    std::vector<int> terms;
    queryTerms(query, terms);
    std::vector<float> scores(size_t(m_documentCount), 0.0f);
    std::vector<int> touched;
    accumulate(terms, scores.data(), touched);
    std::vector<std::pair<int, float>> out;
    for (int d : touched)
        out.emplace_back(d, scores[size_t(d)]);
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (int(out.size()) > k)
        out.resize(size_t(std::max(0, k)));
    return out;
}

} // namespace m1
