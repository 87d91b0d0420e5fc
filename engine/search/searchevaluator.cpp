#include "search/searchevaluator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace m1 {

namespace {

struct Sample
{
    double r1, r3, r5, rr, ndcg, totalUs, searchUs;
};

EvalMetrics summarize(const std::vector<Sample> &samples)
{
    EvalMetrics m;
    m.queries = int(samples.size());
    if (samples.empty())
        return m;
    std::vector<double> total, search;
    for (const Sample &s : samples) {
        m.recallAt1 += s.r1;
        m.recallAt3 += s.r3;
        m.recallAt5 += s.r5;
        m.mrr += s.rr;
        m.ndcgAt5 += s.ndcg;
        total.push_back(s.totalUs);
        search.push_back(s.searchUs);
    }
    const double n = double(samples.size());
    m.recallAt1 /= n;
    m.recallAt3 /= n;
    m.recallAt5 /= n;
    m.mrr /= n;
    m.ndcgAt5 /= n;
    m.p50Us = SearchEvaluator::percentile(total, 50);
    m.p99Us = SearchEvaluator::percentile(total, 99);
    m.searchP50Us = SearchEvaluator::percentile(search, 50);
    m.searchP99Us = SearchEvaluator::percentile(search, 99);
    return m;
}

double round4(double v)
{
    return std::round(v * 10000.0) / 10000.0;
}

} // namespace

QJsonObject EvalMetrics::toJson() const
{
    return QJsonObject { { QStringLiteral("queries"), queries },
                         { QStringLiteral("recall@1"), round4(recallAt1) },
                         { QStringLiteral("recall@3"), round4(recallAt3) },
                         { QStringLiteral("recall@5"), round4(recallAt5) },
                         { QStringLiteral("mrr"), round4(mrr) },
                         { QStringLiteral("ndcg@5"), round4(ndcgAt5) },
                         { QStringLiteral("p50_us"), std::round(p50Us) },
                         { QStringLiteral("p99_us"), std::round(p99Us) },
                         { QStringLiteral("search_p50_us"), std::round(searchP50Us) },
                         { QStringLiteral("search_p99_us"), std::round(searchP99Us) } };
}

QJsonObject EvalReport::toJson(bool includeMisses) const
{
    QJsonObject out = overall.toJson();
    QJsonObject languages;
    for (auto it = byLanguage.constBegin(); it != byLanguage.constEnd(); ++it)
        languages.insert(it.key(), it.value().toJson());
    if (!languages.isEmpty())
        out.insert(QStringLiteral("by_lang"), languages);
    if (!unknownToolIds.isEmpty())
        out.insert(QStringLiteral("unknown_tool_ids"), QJsonArray::fromStringList(unknownToolIds));
    out.insert(QStringLiteral("misses"), int(misses.size()));
    if (includeMisses) {
        QJsonArray list;
        for (const EvalMiss &miss : misses) {
            list.append(
                QJsonObject { { QStringLiteral("line"), miss.line },
                              { QStringLiteral("query"), miss.query },
                              { QStringLiteral("gold"), QJsonArray::fromStringList(miss.gold) },
                              { QStringLiteral("top"), QJsonArray::fromStringList(miss.top) },
                              { QStringLiteral("rank"), miss.rank } });
        }
        out.insert(QStringLiteral("miss_list"), list);
    }
    return out;
}

QList<EvalQuery> SearchEvaluator::parseQueries(const QByteArray &jsonLines, const QString &source,
                                               QStringList *errors)
{
    QList<EvalQuery> out;
    const QList<QByteArray> lines = jsonLines.split('\n');
    auto report = [&](int line, const QString &message) {
        if (errors)
            errors->append(QStringLiteral("%1:%2: %3").arg(source).arg(line).arg(message));
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i + 1);
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            report(lineNumber,
                   QStringLiteral("not a JSON object (%1 at column %2)")
                       .arg(error.errorString())
                       .arg(error.offset + 1));
            continue;
        }
        const QJsonObject object = doc.object();
        EvalQuery query;
        query.line = lineNumber;
        query.query = object.value(QStringLiteral("query")).toString().trimmed();
        if (query.query.isEmpty()) {
            report(lineNumber, QStringLiteral("/query must be a non-empty string"));
            continue;
        }
        const QJsonValue ids = object.value(QStringLiteral("tool_ids"));
        if (ids.isString()) {
            query.toolIds.append(ids.toString());
        } else {
            const QJsonArray array = ids.toArray();
            for (qsizetype j = 0; j < array.size(); ++j) {
                if (array[j].isString() && !array[j].toString().isEmpty())
                    query.toolIds.append(array[j].toString());
                else
                    report(lineNumber,
                           QStringLiteral("/tool_ids/%1 must be a non-empty string").arg(j));
            }
        }
        if (query.toolIds.isEmpty()) {
            report(lineNumber, QStringLiteral("/tool_ids must list at least one tool id"));
            continue;
        }
        query.lang = object.value(QStringLiteral("lang")).toString();
        out.append(query);
    }
    return out;
}

QList<EvalQuery> SearchEvaluator::loadQueries(const QString &path, QStringList *errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errors)
            errors->append(path + QStringLiteral(": cannot be read (") + file.errorString() + u')');
        return {};
    }
    return parseQueries(file.readAll(), path, errors);
}

double SearchEvaluator::recallAt(const QStringList &ranked, const QStringList &gold, int k)
{
    for (int i = 0; i < std::min<int>(k, int(ranked.size())); ++i) {
        if (gold.contains(ranked[i]))
            return 1;
    }
    return 0;
}

double SearchEvaluator::reciprocalRank(const QStringList &ranked, const QStringList &gold)
{
    for (int i = 0; i < ranked.size(); ++i) {
        if (gold.contains(ranked[i]))
            return 1.0 / double(i + 1);
    }
    return 0;
}

double SearchEvaluator::ndcgAt(const QStringList &ranked, const QStringList &gold, int k)
{
    double dcg = 0, ideal = 0;
    for (int i = 0; i < std::min<int>(k, int(ranked.size())); ++i) {
        if (gold.contains(ranked[i]))
            dcg += 1.0 / std::log2(double(i + 2));
    }
    for (int i = 0; i < std::min<int>(k, int(gold.size())); ++i)
        ideal += 1.0 / std::log2(double(i + 2));
    return ideal > 0 ? dcg / ideal : 0;
}

double SearchEvaluator::percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t rank = size_t(std::ceil(p / 100.0 * double(values.size())));
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

EvalReport SearchEvaluator::evaluate(const SearchEngine &engine, const QList<EvalQuery> &queries,
                                     int depth)
{
    EvalReport report;
    std::vector<Sample> all;
    QMap<QString, std::vector<Sample>> perLanguage;
    QSet<QString> unknown;
    for (const EvalQuery &q : queries) {
        for (const QString &id : q.toolIds) {
            if (engine.indexOf(id) < 0)
                unknown.insert(id);
        }
        const SearchResult result
            = engine.search(SearchQuery { q.query, QString(), std::max(5, depth) });
        QStringList ranked;
        for (const ScoredTool &tool : result.results)
            ranked.append(tool.id);
        const Sample sample {
            recallAt(ranked, q.toolIds, 1), recallAt(ranked, q.toolIds, 3),
            recallAt(ranked, q.toolIds, 5), reciprocalRank(ranked, q.toolIds),
            ndcgAt(ranked, q.toolIds, 5),   double(result.tookUs + result.embedUs),
            double(result.tookUs)
        };
        all.push_back(sample);
        if (!q.lang.isEmpty())
            perLanguage[q.lang].push_back(sample);
        if (sample.r1 < 1.0) {
            const double rr = sample.rr;
            report.misses.append(EvalMiss { q.line, q.query, q.toolIds, ranked.mid(0, 3),
                                            rr > 0 ? int(std::lround(1.0 / rr)) : 0 });
        }
    }
    report.overall = summarize(all);
    for (auto it = perLanguage.constBegin(); it != perLanguage.constEnd(); ++it)
        report.byLanguage.insert(it.key(), summarize(it.value()));
    report.unknownToolIds = QStringList(unknown.begin(), unknown.end());
    report.unknownToolIds.sort();
    return report;
}

} // namespace m1
