// SearchBenchmark at a small size: the report has its fields, HNSW recall is high on clustered
// data, and the start-up scenario batches (few requests) and warm-starts with none.

#include "search/scoringconfig.h"
#include "search/searchbenchmark.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestSearchBenchmark : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void search();
    void startup();
    void bySize(); // M1_BENCH_TOOLS=20000 M1_BENCH_DIM=1536: the full figures, printed
};

void TestSearchBenchmark::search()
{
    SearchBenchOptions options;
    options.tools = 500;
    options.dim = 64;
    options.queries = 200;
    options.warmup = 20;
    const QJsonObject report = SearchBenchmark().runSearch(options);
    qInfo().noquote() << QJsonDocument(report).toJson(QJsonDocument::Compact);
    for (const char *key : { "tools", "dim", "search_p50_us", "search_p99_us", "ann_recall_at_10",
                             "exact_p50_us", "ann_p50_us" })
        QVERIFY2(report.contains(QLatin1String(key)), key);
    QCOMPARE(report.value(u"index_kind"_s).toString(), u"exact"_s);
    QVERIFY(report.value(u"ann_recall_at_10"_s).toDouble() >= 0.9);
    // 500 × 64 floats is under the float16 threshold (ExactVectorIndex::kDefaultHalfMinFloats).
    QCOMPARE(report.value(u"exact_precision"_s).toString(), u"float32"_s);
}

void TestSearchBenchmark::startup()
{
    SearchBenchOptions options;
    options.startupTools = 50;
    options.startupDim = 32;
    options.startupLatencyMs = 5;
    const QJsonObject report = SearchBenchmark().runStartup(options);
    qInfo().noquote() << QJsonDocument(report).toJson(QJsonDocument::Compact);
    QVERIFY2(!report.contains(u"startup_error"_s),
             qPrintable(report.value(u"startup_error"_s).toString()));
    QCOMPARE(report.value(u"embed_requests"_s).toInt(), 1);
    QCOMPARE(report.value(u"embed_inputs"_s).toInt(), 50);
    QCOMPARE(report.value(u"embed_requests_warm"_s).toInt(), 0);
    QCOMPARE(report.value(u"embed_requests_one_changed"_s).toInt(), 1);
    QCOMPARE(report.value(u"embed_inputs_one_changed"_s).toInt(), 1);
}

void TestSearchBenchmark::bySize()
{
    const int tools = qEnvironmentVariableIntValue("M1_BENCH_TOOLS");
    if (tools <= 0)
        QSKIP("set M1_BENCH_TOOLS (and M1_BENCH_DIM) to measure a size");
    SearchBenchOptions options;
    options.tools = tools;
    options.dim = qEnvironmentVariableIsSet("M1_BENCH_DIM")
        ? qEnvironmentVariableIntValue("M1_BENCH_DIM")
        : 1536;
    options.queries = 2000;
    options.measureAnn = !qEnvironmentVariableIsSet("M1_BENCH_NOANN");
    ScoringConfig config;
    QString error;
    QVERIFY2(ScoringConfig::load(QStringLiteral(M1_SOURCE_DIR "/resources/config/scoring.json"),
                                 &config, &error),
             qPrintable(error));
    if (const QByteArray override = qgetenv("M1_SCORING_OVERRIDE"); !override.isEmpty())
        QVERIFY2(config.apply(QJsonDocument::fromJson(override).object(), u"M1_SCORING_OVERRIDE"_s,
                              &error),
                 qPrintable(error));
    QJsonObject report = SearchBenchmark(config).runSearch(options);
    if (qEnvironmentVariableIsSet("M1_BENCH_STARTUP")) {
        const QJsonObject startup = SearchBenchmark(config).runStartup(options);
        for (auto it = startup.begin(); it != startup.end(); ++it)
            report.insert(it.key(), it.value());
    }
    qInfo().noquote() << QJsonDocument(report).toJson(QJsonDocument::Compact);
    QVERIFY(report.value(u"search_p50_us"_s).toDouble() > 0);
}

QTEST_GUILESS_MAIN(TestSearchBenchmark)
#include "tst_searchbenchmark.moc"
