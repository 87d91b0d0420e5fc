#pragma once

// Okapi BM25 over the tools' text with the local embedder's tokenisation (folded, stemmed), so
// exact words, codes and names that a dense vector blurs still count. Terms are 64-bit FNV
// hashes; postings are stored CSR-style with each posting's BM25 weight precomputed, so a query
// is a handful of hash lookups and additions.

#include "embedding/tokenizer.h"
#include "search/termids.h"

#include <QStringList>
#include <QStringView>

#include <cstdint>
#include <vector>

namespace m1 {

struct Bm25Options
{
    float k1 = 1.2f;
    float b = 0.75f;
};

class Bm25Index
{
public:
    static constexpr int kMaxQueryTerms = 64;

    Bm25Index(const Tokenizer &tokenizer, const QStringList &documents, Bm25Options options = {});

    int documentCount() const { return m_documentCount; }
    int termCount() const { return int(m_offsets.size()) - 1; }

    // The query's distinct known terms (ids) into terms (at most kMaxQueryTerms); returns the
    // score a document of average length containing every query term once would get (unknown
    // terms count at the highest idf), so score / that is on a 0..1-ish scale that means the
    // same for every query, unlike score / best score.
    float queryTerms(QStringView query, std::vector<int> &terms) const;
    // The same from token hashes (fnv1a of each distinct token), when the caller tokenised already.
    float queryTermsFromHashes(const std::uint64_t *hashes, int count,
                               std::vector<int> &terms) const;

    // Adds each matching document's score into scores (documentCount() floats, zero where the
    // caller has not touched) and lists the documents it touched (each once). Returns the best.
    float accumulate(const std::vector<int> &terms, float *scores, std::vector<int> &touched) const;

    // Convenience for tests and tools: the score of one document, and the k best.
    float score(QStringView query, int document) const;
    std::vector<std::pair<int, float>> topK(QStringView query, int k) const;

    float idf(int term) const { return m_idf[size_t(term)]; }
    int termId(std::u16string_view token) const; // -1 when unknown

private:
    const Tokenizer &m_tokenizer;
    Bm25Options m_options;
    int m_documentCount = 0;
    float m_unknownIdf = 0.0f;
    TermIds m_terms;
    std::vector<float> m_idf;
    std::vector<int> m_offsets; // term → first posting
    std::vector<int> m_postingDoc;
    std::vector<float> m_postingWeight;
};

} // namespace m1
