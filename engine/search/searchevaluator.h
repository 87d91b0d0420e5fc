#pragma once

// Retrieval quality of a SearchEngine on a query set (JSON Lines, one
// {"query": "...", "tool_ids": ["..."], "lang": "en"} per line; lang optional): recall@1/3/5,
// MRR, nDCG@5 and latency percentiles, overall and per language.
//
// Gold ids are alternatives (any one answers the query, as in resources/eval), so recall@k is
// the share of queries with a gold tool in the top k; nDCG@5 rewards ranking several gold high.

#include "search/searchengine.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

namespace m1 {

struct EvalQuery
{
    QString query;
    QStringList toolIds;
    QString lang;
    int line = 0;
};

struct EvalMetrics
{
    int queries = 0;
    double recallAt1 = 0, recallAt3 = 0, recallAt5 = 0, mrr = 0, ndcgAt5 = 0;
    double p50Us = 0, p99Us = 0; // the whole search call, query embedding included
    double searchP50Us = 0, searchP99Us = 0; // without the query embedding

    QJsonObject
    toJson() const; // queries, recall@1, recall@3, recall@5, mrr, ndcg@5, p50_us, p99_us, ...
};

struct EvalMiss
{
    int line = 0;
    QString query;
    QStringList gold;
    QStringList top; // the first results returned
    int rank = 0; // of the first gold tool, 0 when not in the list
};

struct EvalReport
{
    EvalMetrics overall;
    QMap<QString, EvalMetrics> byLanguage;
    QList<EvalMiss> misses; // queries whose first result was not gold
    QStringList unknownToolIds; // gold ids the engine does not have (counted as misses)

    QJsonObject toJson(bool includeMisses = false) const;
};

class SearchEvaluator
{
public:
    // Bad lines become "source:line: problem" errors; good lines still load.
    static QList<EvalQuery> parseQueries(const QByteArray &jsonLines, const QString &source,
                                         QStringList *errors);
    static QList<EvalQuery> loadQueries(const QString &path, QStringList *errors);

    // depth: how many results to ask for (MRR looks this deep).
    static EvalReport evaluate(const SearchEngine &engine, const QList<EvalQuery> &queries,
                               int depth = 10);

    static double recallAt(const QStringList &ranked, const QStringList &gold, int k);
    static double reciprocalRank(const QStringList &ranked, const QStringList &gold);
    static double ndcgAt(const QStringList &ranked, const QStringList &gold, int k);
    static double percentile(std::vector<double> values, double p); // nearest rank
};

} // namespace m1
