// SearchEngine on a small hand-made registry with the local embedder: the right tool, the JSON
// shape of `m1bot search --json`, method disambiguation, user and evaluation parts, abstaining,
// the query cache, HNSW and RRF variants, and concurrent searches giving the serial answers.

#include "core/clock.h"
#include "core/metricsregistry.h"
#include "embedding/localembedder.h"
#include "search/inmemoryusagestats.h"
#include "search/searchengine.h"

#include <QJsonArray>
#include <QTest>
#include <QtConcurrent>

using namespace m1;
using namespace Qt::StringLiterals;

namespace {

ToolDefinition tool(const QString &id, const QString &method, const QString &category,
                    const QString &text)
{
    ToolDefinition t;
    t.id = id;
    t.operationId = id;
    t.method = method;
    t.category = category;
    t.summary = text;
    t.embeddingText = text;
    return t;
}

QList<ToolDefinition> fleet()
{
    return {
        tool(u"listPoolBookings"_s, u"GET"_s, u"Pool bookings"_s,
             u"Popis rezervacija. List my pool car bookings"_s),
        tool(u"createPoolBooking"_s, u"POST"_s, u"Pool bookings"_s,
             u"Rezerviraj vozilo. Book a pool car for a time slot"_s),
        tool(u"cancelPoolBooking"_s, u"DELETE"_s, u"Pool bookings"_s,
             u"Otkaži rezervaciju. Cancel a pool car booking"_s),
        tool(u"getVehicleMileage"_s, u"GET"_s, u"Vehicles"_s,
             u"Dohvati kilometražu vozila. Current odometer mileage of a vehicle"_s),
        tool(u"createDamageReport"_s, u"POST"_s, u"Damage"_s,
             u"Prijavi štetu. Report damage on a vehicle"_s),
        tool(u"listFuelCards"_s, u"GET"_s, u"Fuel"_s,
             u"Popis kartica za gorivo. List fuel cards"_s),
        tool(u"getFuelCardA"_s, u"GET"_s, u"Fuel"_s, u"Fuel card details and limits"_s),
        tool(u"getFuelCardB"_s, u"GET"_s, u"Fuel"_s, u"Fuel card details and limits"_s),
    };
}

} // namespace

class TestSearchEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void findsTheTool_data();
    void findsTheTool();
    void jsonShape();
    void methodDisambiguation();
    void userBoost();
    void evaluationAdjustment();
    void abstain();
    void queryCache();
    void hnswAndRrf();
    void concurrentSearches();

private:
    std::unique_ptr<SearchEngine> make(const ScoringConfig &config = {});
    SystemClock m_clock;
    LocalEmbedder m_embedder;
    std::shared_ptr<InMemoryUsageStats> m_stats;
};

void TestSearchEngine::init()
{
    m_stats = std::make_shared<InMemoryUsageStats>();
}

std::unique_ptr<SearchEngine> TestSearchEngine::make(const ScoringConfig &config)
{
    ToolDocumentation docs;
    docs.insert(u"getVehicleMileage"_s,
                ToolDocs { { u"how many km does my car have"_s }, { u"km"_s, u"odometer"_s } });
    QString error;
    auto engine
        = SearchEngine::build(fleet(), m_embedder, nullptr, config, docs, m_stats, m_clock, &error);
    if (!engine)
        qWarning().noquote() << error;
    return engine;
}

void TestSearchEngine::findsTheTool_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en read") << u"show my pool bookings"_s << u"listPoolBookings"_s;
    QTest::newRow("en create") << u"book a pool car for tomorrow 8-12"_s << u"createPoolBooking"_s;
    QTest::newRow("en delete") << u"cancel my pool car booking"_s << u"cancelPoolBooking"_s;
    QTest::newRow("hr delete") << u"otkazi rezervaciju"_s << u"cancelPoolBooking"_s;
    QTest::newRow("hr damage") << u"prijavi stetu na vozilu ZG-1234-AB"_s
                               << u"createDamageReport"_s;
    QTest::newRow("docs") << u"km on my car?"_s << u"getVehicleMileage"_s;
    QTest::newRow("hr mileage") << u"koliko kilometara ima vozilo"_s << u"getVehicleMileage"_s;
}

void TestSearchEngine::findsTheTool()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    auto engine = make();
    QVERIFY(engine);
    const SearchResult result = engine->search(SearchQuery { query, {}, 3 });
    QVERIFY(!result.results.isEmpty());
    QCOMPARE(result.results.first().id, expected);
}

void TestSearchEngine::jsonShape()
{
    auto engine = make();
    const QJsonObject json
        = engine->search(SearchQuery { u"show my pool bookings"_s, {}, 2 }).toJson();
    for (const char *key : { "query", "took_us", "results", "abstain" })
        QVERIFY2(json.contains(QLatin1String(key)), key);
    const QJsonArray results = json.value(u"results"_s).toArray();
    QCOMPARE(results.size(), 2);
    const QJsonObject first = results.first().toObject();
    QCOMPARE(first.keys(), QStringList({ u"id"_s, u"parts"_s, u"score"_s }));
    QCOMPARE(first.value(u"parts"_s).toObject().keys(),
             QStringList({ u"category"_s, u"dense"_s, u"docs"_s, u"eval"_s, u"lexical"_s,
                           u"method"_s, u"user"_s }));
    double sum = 0;
    for (const QJsonValue v : first.value(u"parts"_s).toObject())
        sum += v.toDouble();
    QVERIFY(std::abs(sum - first.value(u"score"_s).toDouble()) < 1e-3);
}

void TestSearchEngine::methodDisambiguation()
{
    auto engine = make();
    const SearchResult result = engine->search(SearchQuery { u"cancel pool car booking"_s, {}, 3 });
    QCOMPARE(result.intent, Intent::Delete);
    QVERIFY(result.results.first().parts.method > 0);
    ScoringConfig off;
    off.methodMatch = off.methodMismatch = off.methodWriteFamily = 0;
    auto plain = make(off);
    const SearchResult without = plain->search(SearchQuery { u"cancel pool car booking"_s, {}, 3 });
    QCOMPARE(without.results.first().parts.method, 0.0f);
    // The read tool that shares the words is pushed down by the mismatch.
    float withRead = 0, withoutRead = 0;
    for (const ScoredTool &t : result.results)
        withRead = t.id == u"listPoolBookings" ? t.score : withRead;
    for (const ScoredTool &t : without.results)
        withoutRead = t.id == u"listPoolBookings" ? t.score : withoutRead;
    QVERIFY(withRead < withoutRead);
}

void TestSearchEngine::userBoost()
{
    auto engine = make();
    const QString phone = u"+385911111111"_s;
    // The two fuel-card tools are identical; ties go to the lower index (A).
    QCOMPARE(engine->search(SearchQuery { u"fuel card limits"_s, phone, 3 }).results.first().id,
             u"getFuelCardA"_s);
    for (int i = 0; i < 3; ++i)
        m_stats->recordOutcome(phone, u"getFuelCardB"_s, true);
    const SearchResult mine = engine->search(SearchQuery { u"fuel card limits"_s, phone, 3 });
    QCOMPARE(mine.results.first().id, u"getFuelCardB"_s);
    QVERIFY(mine.results.first().parts.user > 0);
    const SearchResult someoneElse
        = engine->search(SearchQuery { u"fuel card limits"_s, u"+385922222222"_s, 3 });
    QCOMPARE(someoneElse.results.first().parts.user, 0.0f);
}

void TestSearchEngine::evaluationAdjustment()
{
    auto engine = make();
    for (int i = 0; i < 10; ++i)
        m_stats->recordOutcome({}, u"getFuelCardA"_s, false);
    const SearchResult result = engine->search(SearchQuery { u"fuel card limits"_s, {}, 3 });
    QCOMPARE(result.results.first().id, u"getFuelCardB"_s); // A keeps failing
    for (const ScoredTool &t : result.results) {
        if (t.id == u"getFuelCardA")
            QVERIFY(t.parts.eval < 0);
    }
}

void TestSearchEngine::abstain()
{
    ScoringConfig config;
    config.actThreshold = 0.45f;
    config.abstainThreshold = 0.15f;
    config.candidateThreshold = 0.05f;
    auto engine = make(config);
    const SearchResult clear
        = engine->search(SearchQuery { u"cancel my pool car booking"_s, {}, 3 });
    QVERIFY2(!clear.abstain, qPrintable(QString::number(clear.results.first().score)));
    const SearchResult vague
        = engine->search(SearchQuery { u"the weather in Paris tomorrow"_s, {}, 3 });
    QVERIFY(vague.abstain);
    QVERIFY(vague.outOfScope);
    QVERIFY(vague.results.first().score < config.abstainThreshold);
    const SearchResult unsure = engine->search(SearchQuery { u"card"_s, {}, 5 });
    if (unsure.abstain && !unsure.outOfScope)
        QVERIFY(!unsure.candidates.isEmpty()); // in between: the result carries what to offer
    QVERIFY(unsure.candidates.size() <= config.maxCandidates);
    for (const ScoredTool &t : unsure.candidates)
        QVERIFY(t.score >= config.candidateThreshold);
}

void TestSearchEngine::queryCache()
{
    auto engine = make();
    MetricsRegistry metrics(m_clock);
    engine->attachMetrics(metrics);
    QVERIFY(!engine->search(SearchQuery { u"show my pool bookings"_s, {}, 3 }).queryCacheHit);
    QVERIFY(engine->search(SearchQuery { u"show my pool bookings"_s, {}, 3 }).queryCacheHit);
    QCOMPARE(engine->queryCache().hits(), 1u);
    QCOMPARE(engine->queryCache().misses(), 1u);
    QCOMPARE(metrics.counter(u"m1_search_requests_total"_s).value(), 2u);
    QCOMPARE(metrics.counter(u"m1_search_query_cache_hits_total"_s).value(), 1u);
    QCOMPARE(metrics.counter(u"m1_search_query_cache_misses_total"_s).value(), 1u);
}

void TestSearchEngine::hnswAndRrf()
{
    ScoringConfig ann;
    ann.annMinTools = 1;
    auto hnsw = make(ann);
    QCOMPARE(hnsw->vectorIndex().kind(), u"hnsw"_s);
    QCOMPARE(hnsw->search(SearchQuery { u"otkazi rezervaciju"_s, {}, 3 }).results.first().id,
             u"cancelPoolBooking"_s);
    ScoringConfig rrf;
    rrf.fusion = u"rrf"_s;
    auto fused = make(rrf);
    const SearchResult result = fused->search(SearchQuery { u"otkazi rezervaciju"_s, {}, 3 });
    QCOMPARE(result.results.first().id, u"cancelPoolBooking"_s);
    const ScoreBreakdown &b = result.results.first().parts;
    QVERIFY(std::abs(b.total - b.sumOfParts()) < 1e-5f);
}

void TestSearchEngine::concurrentSearches()
{
    auto engine = make();
    m_stats->recordOutcome(u"+1"_s, u"listFuelCards"_s, true);
    QStringList queries;
    for (int i = 0; i < 200; ++i)
        queries.append(QStringList { u"show my pool bookings"_s, u"otkazi rezervaciju"_s,
                                     u"fuel card limits"_s, u"prijavi stetu"_s,
                                     u"km on my car"_s }[i % 5]
                       + u' ' + QString::number(i % 7));
    QStringList serial;
    for (const QString &q : queries)
        serial.append(engine->search(SearchQuery { q, u"+1"_s, 3 }).results.first().id);
    QThreadPool pool;
    pool.setMaxThreadCount(4);
    const QStringList parallel
        = QtConcurrent::blockingMapped<QStringList>(&pool, queries, [&](const QString &q) {
              return engine->search(SearchQuery { q, u"+1"_s, 3 }).results.first().id;
          });
    QCOMPARE(parallel, serial);
}

QTEST_GUILESS_MAIN(TestSearchEngine)
#include "tst_searchengine.moc"
