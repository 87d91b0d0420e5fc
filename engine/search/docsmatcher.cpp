#include "search/docsmatcher.h"

#include "embedding/fnvhash.h"

#include <algorithm>
#include <cmath>

namespace m1 {

DocsMatcher::DocsMatcher(const Tokenizer &tokenizer, const QStringList &entries,
                         const std::vector<int> &owners, int toolCount)
    : m_tokenizer(&tokenizer)
    , m_owners(owners)
    , m_toolCount(toolCount)
{
    std::vector<std::vector<int>> termsOf(entries.size());
    std::vector<int> df;
    for (int e = 0; e < entries.size(); ++e) {
        std::vector<int> &terms = termsOf[size_t(e)];
        tokenizer.forEachToken(entries[e], [&](std::u16string_view token) {
            const auto [id, inserted] = m_terms.insert(fnv1a(token), int(df.size()));
            if (inserted)
                df.push_back(0);
            terms.push_back(id);
        });
        std::sort(terms.begin(), terms.end());
        terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
        for (int t : terms)
            ++df[size_t(t)];
    }
    // idf over entries: words every example uses ("vehicle" in a fleet API) weigh little.
    const double n = double(std::max<qsizetype>(1, entries.size()));
    m_idf.resize(df.size());
    for (size_t t = 0; t < df.size(); ++t)
        m_idf[t] = float(std::log(1.0 + (n - df[t] + 0.5) / (df[t] + 0.5)));
    m_unknownIdf = float(std::log(1.0 + (n + 0.5) / 0.5));
    m_offsets.assign(df.size() + 1, 0);
    for (size_t t = 0; t < df.size(); ++t)
        m_offsets[t + 1] = m_offsets[t] + df[t];
    m_postings.resize(size_t(m_offsets.back()));
    std::vector<int> fill(m_offsets.begin(), m_offsets.end() - 1);
    m_entryMass.assign(size_t(entries.size()), 0.0f);
    for (int e = 0; e < entries.size(); ++e) {
        for (int t : termsOf[size_t(e)]) {
            m_postings[size_t(fill[size_t(t)]++)] = e;
            m_entryMass[size_t(e)] += m_idf[size_t(t)];
        }
    }
}

void DocsMatcher::match(QStringView query, float *toolScores, std::vector<int> &touchedTools,
                        float *entryScratch, std::vector<int> &touchedEntries) const
{
    std::uint64_t hashes[64];
    int count = 0;
    if (m_tokenizer) {
        m_tokenizer->forEachToken(query, [&](std::u16string_view token) {
            const std::uint64_t h = fnv1a(token);
            if (count < 64 && std::find(hashes, hashes + count, h) == hashes + count)
                hashes[count++] = h;
        });
    }
    matchHashes(hashes, count, toolScores, touchedTools, entryScratch, touchedEntries);
}

void DocsMatcher::matchHashes(const std::uint64_t *hashes, int count, float *toolScores,
                              std::vector<int> &touchedTools, float *entryScratch,
                              std::vector<int> &touchedEntries) const
{
    touchedTools.clear();
    touchedEntries.clear();
    if (m_entryMass.empty())
        return;
    float queryMass = 0.0f;
    for (int i = 0; i < count; ++i) {
        const int t = m_terms.find(hashes[i]);
        if (t < 0) {
            queryMass += m_unknownIdf;
            continue;
        }
        queryMass += m_idf[size_t(t)];
        for (int p = m_offsets[size_t(t)], end = m_offsets[size_t(t) + 1]; p < end; ++p) {
            const int e = m_postings[size_t(p)];
            if (entryScratch[e] == 0.0f)
                touchedEntries.push_back(e);
            entryScratch[e] += m_idf[size_t(t)];
        }
    }
    for (int e : touchedEntries) {
        const float dice = 2.0f * entryScratch[e] / (queryMass + m_entryMass[size_t(e)]);
        entryScratch[e] = 0.0f;
        const int tool = m_owners[size_t(e)];
        if (toolScores[tool] == 0.0f)
            touchedTools.push_back(tool);
        toolScores[tool] = std::max(toolScores[tool], dice);
    }
}

float DocsMatcher::score(QStringView query, int tool) const
{
    std::vector<float> tools(size_t(m_toolCount), 0.0f);
    std::vector<float> entries(m_entryMass.size(), 0.0f);
    std::vector<int> touchedTools, touchedEntries;
    match(query, tools.data(), touchedTools, entries.data(), touchedEntries);
    return tool >= 0 && tool < m_toolCount ? tools[size_t(tool)] : 0.0f;
}

} // namespace m1
