#pragma once

// The HTTP endpoint Meta delivers WhatsApp webhooks to, plus the operator endpoints:
//   GET  /webhook  verification handshake (hub.mode=subscribe, hub.verify_token) → hub.challenge
//   POST /webhook  signature checked over the raw body before anything else (401), body parsed
//                  (400 when unreadable), messages and statuses handed to the InboundSink; the
//                  answer is 200 only once the sink confirms they are stored, 503 otherwise
//   GET  /health   {"status", "queue", ...} from the injected probe and details; 503 when the
//                  queue cannot take messages
//   GET  /metrics  Prometheus text from the injected provider
// Every request is counted by outcome in the metrics registry (channel.webhook.*).

#include "channel/httpserver.h"
#include "channel/inboundsink.h"
#include "channel/webhookparser.h"
#include "channel/webhookserveroptions.h"
#include "channel/webhooksignature.h"
#include "core/clock.h"

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

namespace m1 {

class Counter;
class LatencyHistogram;
class MetricsRegistry;

class WebhookServer : public QObject
{
    Q_OBJECT

public:
    // Whether the inbound queue can take messages; `detail` says why not.
    using QueueProbe = std::function<bool(QString *detail)>;
    using MetricsProvider = std::function<QString()>;
    // Extra members for the /health body (store, queue depth, workers); called on this thread,
    // so it must answer from cached values, never wait on the store.
    using HealthDetails = std::function<QJsonObject()>;

    // `metrics` may be null (private counters are kept then). The sink must outlive the server.
    WebhookServer(WebhookServerOptions options, InboundSink &sink, const Clock &clock,
                  MetricsRegistry *metrics = nullptr, QObject *parent = nullptr);
    ~WebhookServer() override;

    void setQueueProbe(QueueProbe probe) { m_queueProbe = std::move(probe); }
    void setMetricsProvider(MetricsProvider provider) { m_metricsProvider = std::move(provider); }
    void setHealthDetails(HealthDetails details) { m_healthDetails = std::move(details); }

    bool listen(QString *error = nullptr);
    void close();
    quint16 port() const;
    QHostAddress address() const;
    const WebhookServerOptions &options() const { return m_options; }

    struct Stats
    {
        quint64 accepted = 0; // POSTs answered 200
        quint64 unauthorized = 0; // 401: missing or wrong signature
        quint64 badRequest = 0; // 400: unreadable body
        quint64 tooLarge = 0; // 413
        quint64 unavailable = 0; // 503: the sink failed or timed out
        quint64 verified = 0; // handshakes answered 200
        quint64 forbidden = 0; // 403: handshakes refused, ops endpoints from outside
        quint64 messages = 0; // messages handed to the sink and confirmed
        quint64 statuses = 0;
        quint64 problems = 0; // tolerated oddities in accepted bodies
    };
    Stats stats() const;

Q_SIGNALS:
    // After the sink confirmed a batch (for live views and tests).
    void batchStored(qsizetype messages, qsizetype statuses);

private:
    void handle(const HttpRequest &request, HttpResponder responder);
    void handleVerification(const HttpRequest &request, const HttpResponder &responder);
    void handleDelivery(const HttpRequest &request, const HttpResponder &responder);
    void handleHealth(const HttpRequest &request, const HttpResponder &responder);
    void handleMetrics(const HttpRequest &request, const HttpResponder &responder);
    bool allowOps(const HttpRequest &request, const HttpResponder &responder);
    void onHttpError(int status);
    void finishDelivery(const HttpResponder &responder, qint64 startedNs, bool stored,
                        const QString &why, qsizetype messages, qsizetype statuses);

    WebhookServerOptions m_options;
    InboundSink &m_sink;
    const Clock &m_clock;
    WebhookSignature m_signature;
    WebhookParser m_parser;
    HttpServer m_http;
    QueueProbe m_queueProbe;
    MetricsProvider m_metricsProvider;
    HealthDetails m_healthDetails;
    std::unique_ptr<MetricsRegistry> m_ownMetrics;
    struct Counters;
    std::unique_ptr<Counters> m_counters;
};

} // namespace m1
