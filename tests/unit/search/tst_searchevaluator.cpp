// SearchEvaluator: metrics on hand-computed rankings, JSONL parsing with per-line errors, and a
// small end-to-end evaluation with a per-language breakdown.

#include "core/clock.h"
#include "embedding/localembedder.h"
#include "search/searchevaluator.h"

#include <QTest>

#include <cmath>

using namespace m1;
using namespace Qt::StringLiterals;

class TestSearchEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metrics();
    void parsing();
    void endToEnd();
};

void TestSearchEvaluator::metrics()
{
    const QStringList ranked { u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s };
    QCOMPARE(SearchEvaluator::recallAt(ranked, { u"c"_s }, 1), 0.0);
    QCOMPARE(SearchEvaluator::recallAt(ranked, { u"c"_s }, 3), 1.0);
    QCOMPARE(SearchEvaluator::recallAt(ranked, { u"x"_s, u"b"_s }, 3), 1.0); // any gold counts
    QCOMPARE(SearchEvaluator::reciprocalRank(ranked, { u"c"_s }), 1.0 / 3);
    QCOMPARE(SearchEvaluator::reciprocalRank(ranked, { u"z"_s }), 0.0);
    // nDCG@5 for gold {b, e}: DCG = 1/log2(3) + 1/log2(6); ideal = 1 + 1/log2(3).
    const double expected = (1 / std::log2(3.0) + 1 / std::log2(6.0)) / (1 + 1 / std::log2(3.0));
    QVERIFY(std::abs(SearchEvaluator::ndcgAt(ranked, { u"b"_s, u"e"_s }, 5) - expected) < 1e-9);
    QCOMPARE(SearchEvaluator::ndcgAt(ranked, { u"a"_s }, 5), 1.0);
    QCOMPARE(SearchEvaluator::percentile({ 5, 1, 4, 2, 3 }, 50), 3.0);
    QCOMPARE(SearchEvaluator::percentile({ 5, 1, 4, 2, 3 }, 99), 5.0);
}

void TestSearchEvaluator::parsing()
{
    QStringList errors;
    const QByteArray jsonl = R"({"query": "q1", "tool_ids": ["a"], "lang": "en"}

{"query": "", "tool_ids": ["a"]}
not json
{"query": "q2", "tool_ids": []}
{"query": "q3", "tool_ids": "b"}
)";
    const QList<EvalQuery> queries = SearchEvaluator::parseQueries(jsonl, u"q.jsonl"_s, &errors);
    QCOMPARE(queries.size(), 2);
    QCOMPARE(queries[0].lang, u"en"_s);
    QCOMPARE(queries[1].toolIds, QStringList { u"b"_s });
    QCOMPARE(queries[1].line, 6);
    QCOMPARE(errors.size(), 3);
    QVERIFY(errors[0].startsWith(u"q.jsonl:3: /query"_s));
    QVERIFY(errors[1].startsWith(u"q.jsonl:4: not a JSON object"_s));
    QVERIFY(errors[2].startsWith(u"q.jsonl:5: /tool_ids"_s));
}

void TestSearchEvaluator::endToEnd()
{
    auto make = [](const QString &id, const QString &text) {
        ToolDefinition t;
        t.id = id;
        t.method = u"GET"_s;
        t.embeddingText = text;
        return t;
    };
    const QList<ToolDefinition> tools { make(u"mileage"_s,
                                             u"vehicle mileage odometer kilometraža"_s),
                                        make(u"fuel"_s, u"fuel card gorivo kartica"_s),
                                        make(u"damage"_s, u"report damage prijavi štetu"_s) };
    SystemClock clock;
    LocalEmbedder embedder;
    QString error;
    auto engine = SearchEngine::build(tools, embedder, nullptr, ScoringConfig {},
                                      ToolDocumentation {}, nullptr, clock, &error);
    QVERIFY(engine);
    const QList<EvalQuery> queries {
        { u"vehicle mileage"_s, { u"mileage"_s }, u"en"_s, 1 },
        { u"kartica za gorivo"_s, { u"fuel"_s }, u"hr"_s, 2 },
        { u"prijavi stetu"_s, { u"damage"_s, u"nope"_s }, u"hr"_s, 3 }
    };
    const EvalReport report = SearchEvaluator::evaluate(*engine, queries);
    QCOMPARE(report.overall.queries, 3);
    QCOMPARE(report.overall.recallAt1, 1.0);
    QCOMPARE(report.byLanguage.value(u"hr"_s).queries, 2);
    QCOMPARE(report.unknownToolIds, QStringList { u"nope"_s });
    const QJsonObject json = report.toJson();
    for (const char *key :
         { "queries", "recall@1", "recall@3", "recall@5", "mrr", "ndcg@5", "p50_us", "p99_us" })
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QVERIFY(json.value(u"by_lang"_s).toObject().contains(u"en"_s));
}

QTEST_GUILESS_MAIN(TestSearchEvaluator)
#include "tst_searchevaluator.moc"
