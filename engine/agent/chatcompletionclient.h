#pragma once

// Sends one chat completions request and waits for the answer within a deadline: retries with
// backoff and jitter on 429, 5xx and timeouts (a server's Retry-After or Azure's retry-after-ms
// wins, but a wait that would pass the deadline is not started), refuses at once while the
// circuit breaker is open, and gives up when the deadline passes, aborting the request.
//
// complete() blocks its caller: it runs a local event loop for its own reply on the calling
// thread, over that thread's shared QNetworkAccessManager (NetworkClients). That is meant for
// the worker lanes the orchestrator runs on; LlmPlanner never calls it on the GUI thread.
// Thread-safe: each call has its own reply and loop; the breaker and counters are shared.

#include "agent/llmplanneroptions.h"
#include "net/circuitbreaker.h"
#include "net/retrypolicy.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace m1 {

class Clock;
class Counter;
class MetricsRegistry;
class NetworkClients;

struct ChatCompletionResult
{
    bool ok = false;
    int httpStatus = 0;      // of the last attempt; 0 when nothing came back
    QJsonObject body;        // the answer, when ok
    QString error;           // what went wrong, for the trace (no secrets)
    int attempts = 0;        // requests sent
    bool refused = false;    // the circuit breaker was open: nothing was sent
    bool outOfTime = false;  // the deadline passed (while waiting for an answer or a retry)
    QStringList notes;       // one line per failed attempt
};

class ChatCompletionClient
{
public:
    // uniform is the retry jitter source (null: system random). metrics, when given, counts every
    // request sent (retries included) in agent.llm.requests; it must outlive the client.
    ChatCompletionClient(const LlmPlannerOptions &options, const Clock &clock, NetworkClients &network,
                         std::function<double()> uniform = {}, MetricsRegistry *metrics = nullptr);

    ChatCompletionResult complete(const QJsonObject &body, const QDeadlineTimer &deadline);

    CircuitBreaker &breaker() { return m_breaker; }
    const CircuitBreaker &breaker() const { return m_breaker; }
    quint64 requestCount() const { return m_requests.load(); }

private:
    struct Attempt
    {
        int status = 0;
        QByteArray body;
        QString error;                   // transport error, when there was one
        std::optional<qint64> retryAfterMs;
        bool outOfTime = false;          // aborted at the deadline
    };

    Attempt send(QNetworkAccessManager &network, const QByteArray &payload, qint64 remainingMs) const;
    static void sleepFor(qint64 ms);
    std::optional<qint64> retryAfter(const QByteArray &retryAfterMs, const QByteArray &retryAfter) const;

    const LlmPlannerOptions &m_options;
    const Clock &m_clock;
    NetworkClients &m_network;
    CircuitBreaker m_breaker;
    RetryPolicy m_retry;
    std::atomic<quint64> m_requests { 0 };
    Counter *m_requestCounter = nullptr;
};

} // namespace m1
