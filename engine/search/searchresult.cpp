#include "search/searchresult.h"

#include <QJsonArray>

#include <cmath>

namespace m1 {

namespace {

// Scores printed with 4 decimals: enough to compare, stable in diffs.
double rounded(float value)
{
    return std::round(double(value) * 10000.0) / 10000.0;
}

} // namespace

QJsonObject ScoreBreakdown::toJson() const
{
    return QJsonObject { { QStringLiteral("dense"), rounded(dense) },
                         { QStringLiteral("lexical"), rounded(lexical) },
                         { QStringLiteral("method"), rounded(method) },
                         { QStringLiteral("user"), rounded(user) },
                         { QStringLiteral("category"), rounded(category) },
                         { QStringLiteral("docs"), rounded(docs) },
                         { QStringLiteral("eval"), rounded(eval) } };
}

QJsonObject ScoredTool::toJson() const
{
    return QJsonObject { { QStringLiteral("id"), id },
                         { QStringLiteral("score"), rounded(score) },
                         { QStringLiteral("parts"), parts.toJson() } };
}

QJsonObject SearchResult::toJson() const
{
    QJsonArray resultArray;
    for (const ScoredTool &tool : results)
        resultArray.append(tool.toJson());
    QJsonArray candidateArray;
    for (const ScoredTool &tool : candidates)
        candidateArray.append(tool.id);
    QJsonObject out { { QStringLiteral("query"), query },
                      { QStringLiteral("took_us"), double(tookUs) },
                      { QStringLiteral("embed_us"), double(embedUs) },
                      { QStringLiteral("query_cache_hit"), queryCacheHit },
                      { QStringLiteral("intent"), IntentClassifier::name(intent) },
                      { QStringLiteral("results"), resultArray },
                      { QStringLiteral("abstain"), abstain },
                      { QStringLiteral("out_of_scope"), outOfScope },
                      { QStringLiteral("candidates"), candidateArray } };
    if (!error.isEmpty())
        out.insert(QStringLiteral("error"), error);
    return out;
}

} // namespace m1
