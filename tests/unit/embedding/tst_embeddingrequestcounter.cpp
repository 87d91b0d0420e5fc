// The metrics panel's embedding calls: a remote provider counts every HTTP request it sends in
// embedding.requests (retries included), and a key handed over by the front (the console's
// keychain) is the one it sends.

#include "core/clock.h"
#include "core/metricsregistry.h"
#include "embedding/embeddingsettings.h"
#include "embedding/openaiembeddingprovider.h"
#include "testsupport/fakeopenaiserver.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace m1;

class TestEmbeddingRequestCounter : public QObject
{
    Q_OBJECT

private:
    static quint64 requests(const MetricsRegistry &metrics)
    {
        // counter() points into the snapshot: keep it alive while reading the value.
        const MetricsSnapshot snapshot = metrics.snapshot();
        const CounterSample *c = snapshot.counter(u"embedding.requests"_s);
        return c ? c->value : 0;
    }

    OpenAiEmbeddingOptions options() const
    {
        OpenAiEmbeddingOptions o;
        o.baseUrl = m_server.baseUrl();
        o.apiKey = u"secret"_s;
        o.dimension = 32;
        o.maxInputsPerRequest = 2;
        o.maxConcurrency = 1;
        o.retry.baseDelayMs = 1;
        return o;
    }

    SystemClock m_clock;
    FakeOpenAiServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_server.setDimension(32);
        m_server.setApiKey(u"secret"_s);
        QVERIFY(m_server.listen());
    }

    void init() { m_server.resetCounters(); }

    void countsRequestsAndRetries()
    {
        MetricsRegistry metrics(m_clock);
        OpenAiEmbeddingProvider provider(options(), m_clock, nullptr, {}, &metrics);
        // Five texts, two per request: three requests.
        EmbeddingBatchResult result = provider.embedSync({u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(requests(metrics), 3u);
        // A 500 and its retry: two more.
        m_server.queueFailure({500, {}});
        result = provider.embedSync({u"f"_s});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(requests(metrics), 5u);
        QCOMPARE(quint64(m_server.requestCount()), requests(metrics));
    }

    void settingsHandOverKeyAndMetrics()
    {
        MetricsRegistry metrics(m_clock);
        EmbeddingSettings settings;
        QString error;
        QVERIFY2(settings.apply({{u"provider"_s, u"openai"_s}, {u"base_url"_s, m_server.baseUrl().toString()},
                                 {u"dimension"_s, 32}, {u"api_key_env"_s, u"M1_TEST_UNSET_KEY_VARIABLE"_s}},
                                u"test"_s, u"/embedding"_s, &error),
                 qPrintable(error));
        QVERIFY(!settings.hasApiKey()); // neither given nor in the environment
        settings.apiKey = u"secret"_s;
        QVERIFY(settings.hasApiKey());
        const auto provider = settings.createProvider(m_clock, nullptr, &metrics);
        const EmbeddingBatchResult result = provider->embedSync({u"book a pool car"_s});
        QVERIFY2(result.ok(), qPrintable(result.error)); // the fake refuses any other key
        QCOMPARE(requests(metrics), 1u);
    }

    void theLocalEmbedderSendsNothing()
    {
        MetricsRegistry metrics(m_clock);
        EmbeddingSettings settings; // local
        const auto provider = settings.createProvider(m_clock, nullptr, &metrics);
        QVERIFY(provider->embedSync({u"book a pool car"_s}).ok());
        QCOMPARE(requests(metrics), 0u);
        QCOMPARE(m_server.requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEmbeddingRequestCounter)
#include "tst_embeddingrequestcounter.moc"
