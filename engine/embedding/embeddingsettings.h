#pragma once

// Which embedding provider to run, as an engine configuration file describes it:
//   "embedding": {"provider": "local" | "openai" | "azure", "dimension": 1024,
//                 "base_url": "...", "model": "...", "deployment": "...", "api_version": "...",
//                 "api_key_env": "OPENAI_API_KEY", "send_dimensions": false,
//                 "max_inputs_per_request": 2048, "max_tokens_per_request": 250000,
//                 "max_concurrency": 4, "timeout_ms": 30000, "max_attempts": 5,
//                 "cache_folder": "..."}
// API keys are read from the environment variable named by api_key_env, never from the file; a
// front that keeps keys itself (the console's keychain) hands one over in apiKey instead.
// Errors name the source and the JSON pointer.

#include "core/clock.h"
#include "embedding/embeddingprovider.h"
#include "embedding/localembedder.h"
#include "embedding/openaiembeddingoptions.h"

#include <QJsonObject>

#include <memory>

namespace m1 {

class MetricsRegistry;
class NetworkClients;

struct EmbeddingSettings
{
    QString provider = QStringLiteral("local");
    LocalEmbedderOptions local;
    OpenAiEmbeddingOptions remote;
    QString apiKeyEnv; // empty: OPENAI_API_KEY or AZURE_OPENAI_API_KEY by provider
    QString cacheFolder; // empty: no on-disk cache
    QString apiKey; // never from JSON; set by a front that keeps keys itself. Empty: the environment.

    // Applies a (possibly partial) object. pointerPrefix is where it sits in its file
    // ("/embedding"). On error nothing is changed.
    bool apply(const QJsonObject &json, const QString &sourceName, const QString &pointerPrefix,
               QString *error);
    // The environment variable the API key is read from (remote providers).
    QString apiKeyVariable() const;
    // apiKey, else the environment variable's value; empty for the local provider.
    QString effectiveApiKey() const;
    // False for a remote provider without a key from either place.
    bool hasApiKey() const { return provider == u"local" || !effectiveApiKey().isEmpty(); }
    // A provider as configured. network may be null (the provider then keeps its own); metrics,
    // when given, counts a remote provider's requests (it must outlive the provider).
    std::unique_ptr<EmbeddingProvider> createProvider(const Clock &clock, NetworkClients *network,
                                                      MetricsRegistry *metrics = nullptr) const;
};

} // namespace m1
