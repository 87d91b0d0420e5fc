#pragma once

// Sends OutboundMessages through the WhatsApp Cloud API (POST /{phone-number-id}/messages).
// Asynchronous end to end: send() returns a future at once; requests go out on the sender's
// thread through that thread's shared QNetworkAccessManager; waits (throughput limit, backoff)
// are timers, never a blocked thread. Transient failures (transport errors, timeouts, 429, 5xx,
// Graph rate-limit codes) are retried with backoff; permanent ones (131047 outside the 24 h
// window, 131026, 100, 190, ...) are not, and come back in the SendResult with code and message.

#include "channel/graphapisenderoptions.h"
#include "channel/sendsink.h"
#include "channel/tokenbucket.h"
#include "core/clock.h"
#include "net/retrypolicy.h"

#include <QObject>

#include <functional>
#include <memory>
#include <unordered_set>

class QNetworkReply;

namespace m1 {

class Counter;
class LatencyHistogram;
class MetricsRegistry;
class NetworkClients;

class GraphApiSender : public QObject, public SendSink
{
    Q_OBJECT

public:
    // `clients` and `clock` must outlive the sender. `metrics` may be null (the sender then keeps
    // private counters). `uniform` feeds the backoff jitter; null means a real random source.
    GraphApiSender(GraphApiSenderOptions options, NetworkClients &clients, const Clock &clock,
                   MetricsRegistry *metrics = nullptr, std::function<double()> uniform = {},
                   QObject *parent = nullptr);
    ~GraphApiSender() override;

    // Thread-safe. Messages that fail validation finish at once, without a request.
    QFuture<SendResult> send(const OutboundMessage &message) override;

    struct Stats
    {
        quint64 requests = 0; // HTTP requests made (attempts)
        quint64 sent = 0; // messages Meta accepted
        quint64 failed = 0; // messages that finally failed (including invalid ones)
        quint64 retries = 0; // attempts scheduled after a transient failure
        quint64 throttled = 0; // attempts that waited for the throughput limit
    };
    Stats stats() const;
    const GraphApiSenderOptions &options() const { return m_options; }

Q_SIGNALS:
    void sendFinished(const m1::OutboundMessage &message, const m1::SendResult &result);

private:
    struct Job;
    void attempt(const std::shared_ptr<Job> &job);
    void post(const std::shared_ptr<Job> &job);
    void onReplyFinished(const std::shared_ptr<Job> &job, QNetworkReply *reply);
    void finish(const std::shared_ptr<Job> &job, SendResult result);

    GraphApiSenderOptions m_options;
    NetworkClients &m_clients;
    const Clock &m_clock;
    RetryPolicy m_retryPolicy;
    TokenBucket m_bucket;
    std::unique_ptr<MetricsRegistry> m_ownMetrics;
    Counter *m_requests;
    Counter *m_sent;
    Counter *m_failed;
    Counter *m_retries;
    Counter *m_throttled;
    LatencyHistogram *m_latency;
    std::unordered_set<std::shared_ptr<Job>> m_jobs; // in flight, touched on this thread only
};

} // namespace m1
