// Start-up through the HTTP provider with the on-disk cache: a cold start batches (far fewer
// requests than tools), a warm start with an unchanged registry sends no request at all, and a
// changed tool re-embeds only itself. Search then works on the vectors that came back.

#include "core/clock.h"
#include "embedding/openaiembeddingprovider.h"
#include "search/inmemoryusagestats.h"
#include "search/searchengine.h"
#include "search/syntheticregistry.h"
#include "testsupport/fakeopenaiserver.h"

#include <QTemporaryDir>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestWarmStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coldWarmChanged();
};

void TestWarmStart::coldWarmChanged()
{
    FakeOpenAiServer server;
    server.setDimension(64);
    server.setLatencyMs(20);
    QVERIFY(server.listen());
    SyntheticRegistry registry = SyntheticRegistry::generate(200, 8, 0, 7);
    QTemporaryDir folder;
    SystemClock clock;
    OpenAiEmbeddingOptions options;
    options.baseUrl = server.baseUrl();
    options.dimension = 64;
    options.maxInputsPerRequest = 64;

    // The engine embeds queries with the provider it was built with, so providers outlive engines.
    std::vector<std::unique_ptr<OpenAiEmbeddingProvider>> providers;
    auto start = [&](const QList<ToolDefinition> &tools) {
        EmbeddingCache cache(folder.path());
        cache.load();
        providers.push_back(std::make_unique<OpenAiEmbeddingProvider>(options, clock));
        QString error;
        auto engine = SearchEngine::build(tools, *providers.back(), &cache, ScoringConfig {},
                                          ToolDocumentation {},
                                          std::make_shared<InMemoryUsageStats>(), clock, &error);
        if (!engine)
            qWarning().noquote() << error;
        return engine;
    };

    auto cold = start(registry.tools);
    QVERIFY(cold);
    QCOMPARE(server.requestCount(), 4); // 200 tools in batches of 64
    QCOMPARE(server.inputCount(), 200);
    QCOMPARE(cold->info().embedding.embedded, 200);

    server.resetCounters();
    auto warm = start(registry.tools);
    QVERIFY(warm);
    QCOMPARE(server.requestCount(), 0);
    QCOMPARE(warm->info().embedding.cacheHits, 200);

    server.resetCounters();
    registry.tools[17].embeddingText += u" now also returns the driver"_s;
    auto changed = start(registry.tools);
    QVERIFY(changed);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(server.inputCount(), 1);

    // The warm engine answers a query (embedded by the same server) with the tool it came from.
    const SearchResult result
        = warm->search(SearchQuery { registry.tools[42].embeddingText, {}, 3 });
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.results.first().id, registry.tools[42].id);
}

QTEST_GUILESS_MAIN(TestWarmStart)
#include "tst_warmstart.moc"
