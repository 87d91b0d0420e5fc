#pragma once

// Runs tools against the real backend over HTTP. Asynchronous: execute() returns a future at
// once, from any thread; requests go out on the executor's own thread through that thread's
// shared QNetworkAccessManager (NetworkClients); waits are timers. Retries (RetryPolicy,
// Retry-After honoured) only for idempotent methods — GET, HEAD, PUT, DELETE, OPTIONS, and
// POST/PATCH that carry an Idempotency-Key — on transport errors, timeouts, 429 and 5xx. One
// circuit breaker per host stops calls to a backend that keeps failing. A call lacking a
// required parameter is refused before anything is sent.

#include "agent/authconfig.h"
#include "agent/httpexecutoroptions.h"
#include "agent/httprequestspec.h"
#include "agent/toolexecutor.h"

#include "core/clock.h"
#include "net/circuitbreaker.h"
#include "net/retrypolicy.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

class QNetworkReply;

namespace m1 {

class Counter;
class LatencyHistogram;
class MetricsRegistry;
class NetworkClients;

class HttpToolExecutor : public QObject, public ToolExecutor
{
    Q_OBJECT

public:
    // `metrics` may be null. `uniform` feeds the backoff jitter (null: a real random source).
    HttpToolExecutor(NetworkClients &clients, const Clock &clock, AuthConfig auth,
                     HttpExecutorOptions options = {}, MetricsRegistry *metrics = nullptr,
                     std::function<double()> uniform = {}, QObject *parent = nullptr);
    ~HttpToolExecutor() override;

    QFuture<ToolResult> execute(const ToolDefinition &tool, const ToolCall &call) override;

    // The request execute() would send (auth included); for logs, the console and tests.
    HttpRequestSpec prepare(const ToolDefinition &tool, const ToolCall &call) const;

    static bool isIdempotent(const QString &method);
    CircuitBreaker::State breakerState(const QString &host) const;
    const HttpExecutorOptions &options() const { return m_options; }

private:
    struct Call;
    void attempt(const std::shared_ptr<Call> &call);
    void onFinished(const std::shared_ptr<Call> &call, QNetworkReply *reply);
    void finish(const std::shared_ptr<Call> &call, ToolResult result);
    CircuitBreaker &breakerFor(const QString &host);
    static QString hostKey(const QUrl &url);

    NetworkClients &m_clients;
    const Clock &m_clock;
    AuthConfig m_auth;
    HttpExecutorOptions m_options;
    RetryPolicy m_retry;
    mutable QMutex m_breakersMutex;
    QHash<QString, std::shared_ptr<CircuitBreaker>> m_breakers;
    QSet<QNetworkReply *> m_inFlight; // executor thread only; aborted on destruction
    Counter *m_calls = nullptr;
    Counter *m_failures = nullptr;
    Counter *m_retries = nullptr;
    Counter *m_refused = nullptr;
    Counter *m_opened = nullptr;
    LatencyHistogram *m_latency = nullptr;
};

} // namespace m1
