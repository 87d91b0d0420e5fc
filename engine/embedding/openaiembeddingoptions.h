#pragma once

// Where and how to reach an OpenAI-compatible embeddings endpoint: OpenAI itself, Azure OpenAI
// (deployment URL, api-key header, api-version) or any server that speaks POST /v1/embeddings.

#include "net/circuitbreaker.h"
#include "net/retrypolicy.h"

#include <QString>
#include <QUrl>

namespace m1 {

struct OpenAiEmbeddingOptions
{
    enum class Flavor { OpenAi, Azure };

    Flavor flavor = Flavor::OpenAi;
    // OpenAI: the server root ("https://api.openai.com"), a ".../v1" root or the full
    // ".../v1/embeddings" URL. Azure: the resource endpoint ("https://NAME.openai.azure.com").
    QUrl baseUrl;
    QString apiKey; // Bearer token (OpenAI) or api-key (Azure)
    QString model = QStringLiteral("text-embedding-3-small");
    QString deployment; // Azure only
    QString apiVersion = QStringLiteral("2024-02-01"); // Azure only
    int dimension = 1536; // expected vector length
    bool sendDimensions = false; // ask the model to shorten (text-embedding-3-*)

    // Batching: OpenAI accepts up to 2048 inputs and 300k tokens per request, 8191 per input.
    int maxInputsPerRequest = 2048;
    int maxTokensPerRequest = 250'000;
    int maxTokensPerInput = 8191;
    int maxConcurrency = 4; // requests in flight per batch
    int timeoutMs = 30'000; // no bytes for this long aborts the request (then retried)

    RetryOptions retry;
    CircuitBreakerOptions breaker;

    QUrl endpoint() const;
    QString providerId() const
    {
        return flavor == Flavor::Azure ? QStringLiteral("azure") : QStringLiteral("openai");
    }
    // Rough, deliberately pessimistic token count (UTF-8 bytes / 3): real tokenisers give ~4
    // bytes per token for English, fewer for Croatian.
    static int estimateTokens(const QString &text);
};

} // namespace m1
