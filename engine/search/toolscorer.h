#pragma once

// The single scoring pass: for one candidate tool, fuse the dense and lexical evidence and add
// the method, user, category, documentation and evaluation parts, recording each in a
// ScoreBreakdown. Everything about a tool that does not depend on the query (its method class,
// category) is precomputed here once; everything about the query comes in a ScoringContext
// prepared once per query, so scoring a candidate is a few loads and multiplies.

#include "search/intentclassifier.h"
#include "search/scoringconfig.h"
#include "search/searchresult.h"

#include <QString>

#include <utility>
#include <vector>

namespace m1 {

enum class MethodClass : quint8 { Read, Create, Update, Delete, Other };

struct ToolProfile
{
    MethodClass method = MethodClass::Other;
    int category = -1;
};

struct ScoringContext
{
    Intent intent = Intent::Unknown;
    float lexicalScale = 0; // 1 / the query's lexical upper bound (linear fusion)
    const float *docs = nullptr; // per tool, 0..1
    const float *docsDense = nullptr; // per tool, best cosine with one of its examples
    const float *docsClass = nullptr; // per tool, the example classifier's probability
    const float *evalAdjust = nullptr; // per tool, already weighted
    const float *categoryBoost = nullptr; // per category, already weighted
    const std::pair<int, quint32> *userCounts = nullptr; // (tool, successes), few
    int userCountSize = 0;
};

class ToolScorer
{
public:
    ToolScorer() = default;
    ToolScorer(const ScoringConfig &config, std::vector<ToolProfile> profiles);

    static MethodClass methodClass(const QString &httpMethod);

    // Linear fusion: dense is the cosine, lexical the raw BM25 score.
    // RRF fusion: dense and lexical are already the rescaled reciprocal-rank terms (0..1).
    ScoreBreakdown score(int tool, float dense, float lexical, const ScoringContext &context) const;

    float methodPart(Intent intent, MethodClass method) const;
    float userPart(quint32 successes) const;
    const std::vector<ToolProfile> &profiles() const { return m_profiles; }
    const ScoringConfig &config() const { return m_config; }

private:
    ScoringConfig m_config;
    std::vector<ToolProfile> m_profiles;
    bool m_rrf = false;
    float m_inverseSaturation = 1.0f;
};

} // namespace m1
