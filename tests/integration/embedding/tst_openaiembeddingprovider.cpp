// OpenAiEmbeddingProvider against the loopback FakeOpenAiServer: the OpenAI and Azure request
// formats and headers, batching by count and by tokens, bounded concurrency, 429 with
// Retry-After honoured, 500s retried, a hanging server timed out, the breaker opening, and
// errors that say what went wrong.

#include "core/clock.h"
#include "embedding/openaiembeddingprovider.h"
#include "testsupport/fakeopenaiserver.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace m1;
using namespace Qt::StringLiterals;

class TestOpenAiEmbeddingProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void openAiFormat();
    void azureFormat();
    void endpoints();
    void batchesByCountAndTokens();
    void concurrencyIsBounded();
    void asyncFuture();
    void retryAfterIsHonoured();
    void serverErrorsAreRetried();
    void timeoutBecomesAnError();
    void breakerOpens();
    void wrongKeyIsNotRetried();
    void wrongDimensionIsReported();

private:
    OpenAiEmbeddingOptions options(OpenAiEmbeddingOptions::Flavor flavor
                                   = OpenAiEmbeddingOptions::Flavor::OpenAi) const;
    std::unique_ptr<FakeOpenAiServer> m_server;
    SystemClock m_clock;
};

void TestOpenAiEmbeddingProvider::init()
{
    m_server = std::make_unique<FakeOpenAiServer>();
    m_server->setDimension(32);
    m_server->setApiKey(u"secret"_s);
    QVERIFY(m_server->listen());
}

OpenAiEmbeddingOptions
TestOpenAiEmbeddingProvider::options(OpenAiEmbeddingOptions::Flavor flavor) const
{
    OpenAiEmbeddingOptions o;
    o.flavor = flavor;
    o.baseUrl = m_server->baseUrl();
    o.apiKey = u"secret"_s;
    o.dimension = 32;
    o.deployment = u"emb-small"_s;
    o.retry.baseDelayMs = 10;
    o.timeoutMs = 5000;
    return o;
}

void TestOpenAiEmbeddingProvider::openAiFormat()
{
    OpenAiEmbeddingProvider provider(options(), m_clock);
    const EmbeddingBatchResult result
        = provider.embedSync({ u"book a pool car"_s, u"prijavi štetu"_s });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(m_server->lastPath(), u"/v1/embeddings"_s);
    const QJsonObject body = QJsonDocument::fromJson(m_server->lastBody()).object();
    QCOMPARE(body.value(u"model"_s).toString(), u"text-embedding-3-small"_s);
    QCOMPARE(body.value(u"input"_s).toArray().size(), 2);
    QCOMPARE(int(result.vectors.size()), 2);
    QCOMPARE(result.vectors[1], m_server->vectorFor(u"prijavi štetu"_s)); // in input order
    QCOMPARE(result.requests, 1);
    QCOMPARE(provider.id(), u"openai"_s);
}

void TestOpenAiEmbeddingProvider::azureFormat()
{
    OpenAiEmbeddingProvider provider(options(OpenAiEmbeddingOptions::Flavor::Azure), m_clock);
    const EmbeddingBatchResult result = provider.embedSync({ u"km on my car"_s });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(m_server->lastPath(), u"/openai/deployments/emb-small/embeddings"_s);
    QCOMPARE(result.vectors[0], m_server->vectorFor(u"km on my car"_s));
    QCOMPARE(provider.id(), u"azure"_s);
    QCOMPARE(provider.model(), u"emb-small"_s);
}

void TestOpenAiEmbeddingProvider::endpoints()
{
    OpenAiEmbeddingOptions o;
    o.baseUrl = QUrl(u"https://api.openai.com"_s);
    QCOMPARE(o.endpoint().toString(), u"https://api.openai.com/v1/embeddings"_s);
    o.baseUrl = QUrl(u"http://localhost:8080/v1/"_s);
    QCOMPARE(o.endpoint().toString(), u"http://localhost:8080/v1/embeddings"_s);
    o.baseUrl = QUrl(u"http://gw/llm/v1/embeddings"_s);
    QCOMPARE(o.endpoint().toString(), u"http://gw/llm/v1/embeddings"_s);
    o.flavor = OpenAiEmbeddingOptions::Flavor::Azure;
    o.baseUrl = QUrl(u"https://acme.openai.azure.com/"_s);
    o.deployment = u"emb"_s;
    o.apiVersion = u"2024-02-01"_s;
    QCOMPARE(
        o.endpoint().toString(),
        u"https://acme.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-02-01"_s);
}

void TestOpenAiEmbeddingProvider::batchesByCountAndTokens()
{
    OpenAiEmbeddingOptions o = options();
    o.maxInputsPerRequest = 10;
    OpenAiEmbeddingProvider provider(o, m_clock);
    QStringList texts;
    for (int i = 0; i < 35; ++i)
        texts.append(u"tool text number %1"_s.arg(i));
    const EmbeddingBatchResult result = provider.embedSync(texts);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(m_server->requestCount(), 4);
    QList<int> sizes = m_server->batchSizes();
    std::sort(sizes.begin(), sizes.end());
    QCOMPARE(sizes, (QList<int> { 5, 10, 10, 10 }));
    for (int i = 0; i < 35; ++i)
        QCOMPARE(result.vectors[size_t(i)], m_server->vectorFor(texts[i]));

    // A token budget splits too: each text is ~34 estimated tokens, the budget fits 3.
    m_server->resetCounters();
    o.maxInputsPerRequest = 2048;
    o.maxTokensPerRequest = 110;
    OpenAiEmbeddingProvider byTokens(o, m_clock);
    const EmbeddingBatchResult tokens = byTokens.embedSync(QStringList(9, QString(100, u'x')));
    QVERIFY2(tokens.ok(), qPrintable(tokens.error));
    QCOMPARE(m_server->requestCount(), 3);
}

void TestOpenAiEmbeddingProvider::concurrencyIsBounded()
{
    OpenAiEmbeddingOptions o = options();
    o.maxInputsPerRequest = 1;
    o.maxConcurrency = 3;
    m_server->setLatencyMs(30);
    OpenAiEmbeddingProvider provider(o, m_clock);
    QStringList texts;
    for (int i = 0; i < 12; ++i)
        texts.append(QString::number(i));
    const EmbeddingBatchResult result = provider.embedSync(texts);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(m_server->requestCount(), 12);
    QVERIFY(m_server->maxConcurrent() <= 3);
    QVERIFY(m_server->maxConcurrent() >= 2); // requests did overlap
}

void TestOpenAiEmbeddingProvider::asyncFuture()
{
    OpenAiEmbeddingProvider provider(options(), m_clock);
    QFutureWatcher<EmbeddingBatchResult> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcher<EmbeddingBatchResult>::finished);
    watcher.setFuture(provider.embed({ u"a"_s, u"b"_s }));
    QVERIFY(finished.wait(10000));
    const EmbeddingBatchResult result = watcher.result();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(int(result.vectors.size()), 2);
}

void TestOpenAiEmbeddingProvider::retryAfterIsHonoured()
{
    OpenAiEmbeddingOptions o = options();
    o.retry.baseDelayMs = 1; // backoff alone would retry at once
    m_server->queueFailure({ 429, "1" });
    OpenAiEmbeddingProvider provider(o, m_clock, nullptr, [] { return 0.0; });
    const EmbeddingBatchResult result = provider.embedSync({ u"x"_s });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.requests, 2);
    QCOMPARE(result.retries, 1);
    const QList<qint64> times = m_server->requestTimesMs();
    QCOMPARE(times.size(), 2);
    QVERIFY2(times[1] - times[0] >= 950,
             qPrintable(QString::number(times[1] - times[0]))); // waited the second
}

void TestOpenAiEmbeddingProvider::serverErrorsAreRetried()
{
    m_server->queueFailures(2, { 500, {} });
    OpenAiEmbeddingProvider provider(options(), m_clock);
    const EmbeddingBatchResult result = provider.embedSync({ u"x"_s, u"y"_s });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.requests, 3);
    QCOMPARE(m_server->requestCount(), 3);

    // Out of attempts: the error names the endpoint, the attempts and the last answer.
    m_server->queueFailures(5, { 503, {} });
    OpenAiEmbeddingOptions o = options();
    o.retry.maxAttempts = 2;
    OpenAiEmbeddingProvider limited(o, m_clock);
    const EmbeddingBatchResult failed = limited.embedSync({ u"x"_s });
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error.contains(u"after 2 attempt(s)"_s) && failed.error.contains(u"HTTP 503"_s),
             qPrintable(failed.error));
}

void TestOpenAiEmbeddingProvider::timeoutBecomesAnError()
{
    OpenAiEmbeddingOptions o = options();
    o.timeoutMs = 200;
    o.retry.maxAttempts = 2;
    m_server->queueFailures(2, { 0, {} }); // never answers
    OpenAiEmbeddingProvider provider(o, m_clock);
    const EmbeddingBatchResult result = provider.embedSync({ u"x"_s });
    QVERIFY(!result.ok());
    QCOMPARE(m_server->requestCount(), 2);
    QVERIFY2(result.error.contains(u"after 2 attempt(s)"_s), qPrintable(result.error));
}

void TestOpenAiEmbeddingProvider::breakerOpens()
{
    OpenAiEmbeddingOptions o = options();
    o.retry.maxAttempts = 1;
    o.breaker.failureThreshold = 2;
    o.breaker.openMs = 60000;
    m_server->setAlwaysFail(500);
    OpenAiEmbeddingProvider provider(o, m_clock);
    QVERIFY(!provider.embedSync({ u"x"_s }).ok());
    QVERIFY(!provider.embedSync({ u"x"_s }).ok());
    QCOMPARE(provider.breakerState(), CircuitBreaker::State::Open);
    const int before = m_server->requestCount();
    const EmbeddingBatchResult refused = provider.embedSync({ u"x"_s });
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error.contains(u"circuit breaker open"_s), qPrintable(refused.error));
    QCOMPARE(m_server->requestCount(), before); // failed fast, nothing sent
}

void TestOpenAiEmbeddingProvider::wrongKeyIsNotRetried()
{
    OpenAiEmbeddingOptions o = options();
    o.apiKey = u"wrong"_s;
    OpenAiEmbeddingProvider provider(o, m_clock);
    const EmbeddingBatchResult result = provider.embedSync({ u"x"_s });
    QVERIFY(!result.ok());
    QCOMPARE(m_server->requestCount(), 1);
    QVERIFY2(result.error.contains(u"HTTP 401"_s), qPrintable(result.error));
}

void TestOpenAiEmbeddingProvider::wrongDimensionIsReported()
{
    OpenAiEmbeddingOptions o = options();
    o.dimension = 64;
    OpenAiEmbeddingProvider provider(o, m_clock);
    const EmbeddingBatchResult result = provider.embedSync({ u"x"_s });
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(u"/data/0/embedding has 32 numbers, expected 64"_s),
             qPrintable(result.error));
}

QTEST_GUILESS_MAIN(TestOpenAiEmbeddingProvider)
#include "tst_openaiembeddingprovider.moc"
