#pragma once
// The bot as a running service: the WhatsApp webhook (HTTP) feeding a BotPipeline whose replies
// go out through the Graph API sender, with /health and /metrics answered from the store's
// connection state, sampled queue depth and the metrics registry. `m1bot serve`, the end-to-end
// tests and `m1bot bench` run exactly this.
//
// Lives on a thread with an event loop (the HTTP server and the queue sampler run there); the
// Graph API sender has a thread of its own (its network client's work would otherwise queue
// behind webhook requests), and so do the workers. Workers block on the sender's futures, and
// the webhook keeps answering while they stop, which is why shutdown() is asynchronous and
// announces its end with stopped().
#include "pipeline/botpipeline.h"
#include "pipeline/botserviceoptions.h"
#include "pipeline/botserviceparts.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>

#include <atomic>
#include <memory>
#include <thread>

class QThread;
class QTimer;

namespace m1 {

class Gauge;
class GraphApiSender;
class WebhookServer;

class BotService : public QObject
{
    Q_OBJECT
public:
    BotService(const BotServiceParts &parts, BotServiceOptions options, QObject *parent = nullptr);
    ~BotService() override;

    // Starts the workers, then listens. "" or what went wrong (nothing keeps running then).
    QString start();
    // Stops accepting connections, lets the lanes finish their messages, then emits stopped().
    // Safe to call more than once; the event loop must run until stopped() arrives.
    void shutdown();
    bool isStopping() const { return m_stopping; }

    quint16 port() const;
    QHostAddress address() const;
    BotPipeline &pipeline() { return *m_pipeline; }
    WebhookServer &webhook() { return *m_webhook; }
    GraphApiSender &sender() { return *m_sender; }
    // What /health adds to its body: store, queue depth (sampled), worker counts.
    QJsonObject healthDetails() const;

Q_SIGNALS:
    // `clean`: every lane finished; false when shutdownTimeoutMs passed first (the lanes' messages
    // stay pending in the stream, and the stopping thread is still joined by the destructor).
    void stopped(bool clean);

private:
    void sampleQueue();
    void finishShutdown(bool clean);

    KeyValueStore &m_store;
    const BotServiceOptions m_options;
    QThread *m_senderThread;
    GraphApiSender *m_sender = nullptr; // lives on m_senderThread
    std::unique_ptr<BotPipeline> m_pipeline;
    std::unique_ptr<WebhookServer> m_webhook;
    QTimer *m_sampler;
    Gauge &m_queueLength;
    Gauge &m_queuePending;
    struct QueueSample; // the last XLEN / XPENDING answer, shared with the store's callback
    std::shared_ptr<QueueSample> m_sample;
    bool m_stopping = false;
    bool m_stopped = false;
    std::thread m_stopper;
};

} // namespace m1
