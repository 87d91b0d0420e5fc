#pragma once

// The documentation boost's measure: how well a query matches a tool's examples and synonyms.
// Each example or synonym is an entry; a query's match with an entry is the idf-weighted Dice
// overlap of their token sets (2·shared / (query + entry), in 0..1), and a tool's score is its
// best entry. Uses the shared tokenisation, so "otkaži rezervaciju" matches "otkazati
// rezervacije". Precomputed inverted lists; a query costs a few lookups.

#include "embedding/tokenizer.h"
#include "search/termids.h"

#include <QStringList>
#include <QStringView>

#include <cstdint>
#include <vector>

namespace m1 {

class DocsMatcher
{
public:
    DocsMatcher() = default;
    // entries[i] belongs to tool owners[i]; toolCount sizes the output of match().
    DocsMatcher(const Tokenizer &tokenizer, const QStringList &entries,
                const std::vector<int> &owners, int toolCount);

    bool isEmpty() const { return m_entryMass.empty(); }
    int entryCount() const { return int(m_entryMass.size()); }

    // Writes each tool's best entry score into toolScores (toolCount floats, zero where the caller
    // has not touched) and lists the tools it touched. entryScratch must hold entryCount() floats
    // of zeros; it is left zeroed.
    void match(QStringView query, float *toolScores, std::vector<int> &touchedTools,
               float *entryScratch, std::vector<int> &touchedEntries) const;
    // The same from distinct token hashes (fnv1a), when the caller tokenised already.
    void matchHashes(const std::uint64_t *hashes, int count, float *toolScores,
                     std::vector<int> &touchedTools, float *entryScratch,
                     std::vector<int> &touchedEntries) const;
    // Convenience: one tool's score.
    float score(QStringView query, int tool) const;

private:
    const Tokenizer *m_tokenizer = nullptr;
    TermIds m_terms;
    std::vector<float> m_idf;
    float m_unknownIdf = 0.0f;
    std::vector<int> m_offsets;
    std::vector<int> m_postings; // entry ids
    std::vector<float> m_entryMass;
    std::vector<int> m_owners;
    int m_toolCount = 0;
};

} // namespace m1
