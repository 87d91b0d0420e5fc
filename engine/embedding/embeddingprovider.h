#pragma once

// Turns texts into vectors. One interface for the offline local embedder and the HTTP providers,
// so the index builder, the query path and the benchmark do not care which one runs.

#include <QFuture>
#include <QString>
#include <QStringList>

#include <vector>

namespace m1 {

struct EmbeddingBatchResult
{
    std::vector<std::vector<float>> vectors; // one per input, in input order, each dimension() long
    QString error; // empty on success; then vectors is complete
    int requests = 0; // HTTP requests sent for this batch, retries included
    int retries = 0;

    bool ok() const { return error.isEmpty(); }
};

class EmbeddingProvider
{
public:
    virtual ~EmbeddingProvider() = default;

    virtual QString id() const = 0; // "local", "openai", "azure": part of every cache key
    virtual QString model() const = 0;
    virtual int dimension() const = 0;
    // True when embedding is a cheap in-process computation (no network, no batching needed).
    virtual bool isLocal() const = 0;

    // Embeds a batch. HTTP providers run on the calling thread's event loop, so that thread must
    // have one; the future finishes there.
    virtual QFuture<EmbeddingBatchResult> embed(const QStringList &texts) = 0;

    // Blocking convenience for worker threads without an event loop of their own (never the GUI
    // thread): HTTP providers spin a private event loop on the calling thread until done.
    virtual EmbeddingBatchResult embedSync(const QStringList &texts) = 0;

    // Total HTTP requests this provider has sent (0 for local), for start-up reports.
    virtual quint64 requestCount() const { return 0; }
};

} // namespace m1
