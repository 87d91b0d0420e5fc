#pragma once

// Where and how the LLM planner reaches a chat completions endpoint: OpenAI itself (or any
// server speaking POST /v1/chat/completions) or Azure OpenAI (deployment URL, api-key header,
// api-version), and how long it may take.

#include "net/circuitbreaker.h"
#include "net/retrypolicy.h"

#include <QString>
#include <QUrl>

namespace m1 {

struct LlmPlannerOptions
{
    enum class Flavor { OpenAi, Azure };

    Flavor flavor = Flavor::OpenAi;
    // OpenAI: the server root ("https://api.openai.com"), a ".../v1" root or the full
    // ".../v1/chat/completions" URL. Azure: the resource endpoint ("https://NAME.openai.azure.com").
    QUrl endpoint = QUrl(QStringLiteral("https://api.openai.com"));
    QString apiKey; // from the environment (M1_LLM_API_KEY), never from a file
    QString model = QStringLiteral("gpt-4o-mini"); // OpenAI only
    QString deployment;                            // Azure only
    QString apiVersion = QStringLiteral("2024-06-01"); // Azure only

    int topK = 5;              // candidate tools offered to the model as functions
    int historyMessages = 6;   // earlier messages sent along for context
    int timeoutMs = 4'000;     // one request without a byte for this long is abandoned (then retried)
    int budgetMs = 8'000;      // everything one turn may spend on the LLM, retries included
    RetryOptions retry { 3, 250, 2'000, 60'000 };
    CircuitBreakerOptions breaker { 5, 30'000, 1 };

    QUrl chatCompletionsUrl() const;
    QString providerName() const
    {
        return flavor == Flavor::Azure ? QStringLiteral("azure") : QStringLiteral("openai");
    }
    QString modelName() const { return flavor == Flavor::Azure ? deployment : model; }
};

} // namespace m1
