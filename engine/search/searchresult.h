#pragma once

// The values search takes and returns. Plain types, cheap to copy between threads; toJson()
// gives exactly the fields `m1bot search --json` prints (DESIGN.md), plus a few extra.

#include "search/intentclassifier.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace m1 {

// Every part the single scoring pass added, already weighted: total is their sum.
struct ScoreBreakdown
{
    float dense = 0;
    float lexical = 0;
    float method = 0;
    float user = 0;
    float category = 0;
    float docs = 0;
    float eval = 0;
    float total = 0;

    float sumOfParts() const { return dense + lexical + method + user + category + docs + eval; }
    QJsonObject toJson() const; // {dense, lexical, method, user, category, docs, eval}
};

struct ScoredTool
{
    int toolIndex = -1;
    QString id;
    float score = 0;
    ScoreBreakdown parts;

    QJsonObject toJson() const; // {id, score, parts}
};

struct SearchQuery
{
    QString text;
    QString userPhone; // empty: no user boost
    int topK = 5;
};

struct SearchResult
{
    QString query;
    qint64 tookUs = 0; // analysis, retrieval and scoring; not the query's embedding
    qint64 embedUs = 0; // the query's embedding (≈0 on a query-cache hit)
    bool queryCacheHit = false;
    Intent intent = Intent::Unknown;
    QList<ScoredTool> results; // best first, at most topK
    // The best score is under the act threshold: do not run a tool, ask (candidates say which).
    bool abstain = true;
    // The best score is under the abstain threshold: nothing here is about the message.
    bool outOfScope = true;
    QList<ScoredTool> candidates; // results at or above the candidate threshold
    QString error; // the query could not be embedded, for instance

    const ScoredTool *best() const { return results.isEmpty() ? nullptr : &results.first(); }
    QJsonObject toJson() const;
};

} // namespace m1
