#include "embedding/openaiembeddingprovider.h"

#include "embedding/embeddingrequestjob.h"

#include "core/metricsregistry.h"

#include <QEventLoop>
#include <QPromise>

namespace m1 {

OpenAiEmbeddingProvider::OpenAiEmbeddingProvider(OpenAiEmbeddingOptions options, const Clock &clock,
                                                 NetworkClients *network,
                                                 std::function<double()> uniform,
                                                 MetricsRegistry *metrics)
    : m_shared(std::make_shared<Shared>(std::move(options), clock, std::move(uniform)))
    , m_network(network)
{
    if (metrics)
        m_shared->requestCounter = &metrics->counter(
            QStringLiteral("embedding.requests"),
            QStringLiteral("HTTP requests sent to the embedding provider, retries included"));
    if (!m_network) {
        m_ownedNetwork = std::make_unique<NetworkClients>();
        m_network = m_ownedNetwork.get();
    }
}

OpenAiEmbeddingProvider::~OpenAiEmbeddingProvider() = default;

QString OpenAiEmbeddingProvider::model() const
{
    const OpenAiEmbeddingOptions &o = m_shared->options;
    return o.flavor == OpenAiEmbeddingOptions::Flavor::Azure ? o.deployment : o.model;
}

void OpenAiEmbeddingProvider::start(const QStringList &texts,
                                    std::function<void(EmbeddingBatchResult)> done)
{
    auto *job
        = new EmbeddingRequestJob(m_shared, m_network->forCurrentThread(), texts, std::move(done));
    job->start();
}

QFuture<EmbeddingBatchResult> OpenAiEmbeddingProvider::embed(const QStringList &texts)
{
    auto promise = std::make_shared<QPromise<EmbeddingBatchResult>>();
    QFuture<EmbeddingBatchResult> future = promise->future();
    promise->start();
    start(texts, [promise](EmbeddingBatchResult result) {
        promise->addResult(std::move(result));
        promise->finish();
    });
    return future;
}

EmbeddingBatchResult OpenAiEmbeddingProvider::embedSync(const QStringList &texts)
{
    EmbeddingBatchResult out;
    bool done = false;
    QEventLoop loop;
    start(texts, [&](EmbeddingBatchResult result) {
        out = std::move(result);
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    // A worker thread (the engine's pool) may outlive a provider that owns its clients; the
    // manager made for it would then never be deleted.
    if (m_ownedNetwork)
        m_ownedNetwork->releaseForCurrentThread();
    return out;
}

} // namespace m1
