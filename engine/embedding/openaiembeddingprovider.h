#pragma once

// Embeddings from an OpenAI-compatible HTTP endpoint (OpenAI, Azure OpenAI, or any /v1/embeddings
// server). A batch is cut into requests by input count and estimated tokens, sent with bounded
// concurrency over the calling thread's shared QNetworkAccessManager, retried with backoff and
// jitter on 429/5xx/timeouts (honouring Retry-After), and refused fast while the circuit
// breaker is open.

#include "core/clock.h"
#include "embedding/embeddingprovider.h"
#include "embedding/openaiembeddingoptions.h"
#include "net/circuitbreaker.h"
#include "net/networkclients.h"
#include "net/retrypolicy.h"

#include <atomic>
#include <functional>
#include <memory>

namespace m1 {

class Counter;
class MetricsRegistry;

class OpenAiEmbeddingProvider final : public EmbeddingProvider
{
public:
    // network may be null: the provider then keeps its own per-thread managers.
    // uniform is the retry jitter source (null: system random). metrics, when given, counts
    // every HTTP request (retries included) in embedding.requests; it must outlive the provider.
    OpenAiEmbeddingProvider(OpenAiEmbeddingOptions options, const Clock &clock,
                            NetworkClients *network = nullptr,
                            std::function<double()> uniform = {},
                            MetricsRegistry *metrics = nullptr);
    ~OpenAiEmbeddingProvider() override;

    QString id() const override { return m_shared->options.providerId(); }
    QString model() const override;
    int dimension() const override { return m_shared->options.dimension; }
    bool isLocal() const override { return false; }

    QFuture<EmbeddingBatchResult> embed(const QStringList &texts) override;
    EmbeddingBatchResult embedSync(const QStringList &texts) override;
    quint64 requestCount() const override { return m_shared->requests.load(); }

    CircuitBreaker::State breakerState() const { return m_shared->breaker.state(); }
    const OpenAiEmbeddingOptions &options() const { return m_shared->options; }

    // State the in-flight jobs share with the provider, so a job can finish after it is gone.
    struct Shared
    {
        Shared(OpenAiEmbeddingOptions o, const Clock &clock, std::function<double()> uniform)
            : options(std::move(o))
            , breaker(clock, options.breaker)
            , retry(options.retry, std::move(uniform))
            , clock(clock)
        {
        }
        OpenAiEmbeddingOptions options;
        CircuitBreaker breaker;
        RetryPolicy retry;
        const Clock &clock;
        std::atomic<quint64> requests { 0 };
        Counter *requestCounter = nullptr; // embedding.requests, when metrics were given
    };

private:
    void start(const QStringList &texts, std::function<void(EmbeddingBatchResult)> done);

    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<NetworkClients> m_ownedNetwork;
    NetworkClients *m_network;
};

} // namespace m1
