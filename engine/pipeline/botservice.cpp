#include "pipeline/botservice.h"

#include "channel/graphapisender.h"
#include "channel/webhookserver.h"
#include "core/logcategories.h"
#include "core/metricsregistry.h"
#include "pipeline/inboundqueue.h"
#include "store/keyvaluestore.h"

#include <QDebug>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Runs `fn` on `thread` (which has a running event loop) and waits for it. The anchor object is
// handed back to this thread by `fn`'s side, so it is destroyed where it lives.
template<typename Fn> void runOn(QThread *thread, Fn fn)
{
    QThread *here = QThread::currentThread();
    QObject anchor;
    anchor.moveToThread(thread);
    QMetaObject::invokeMethod(
        &anchor,
        [&anchor, &fn, here] {
            fn();
            anchor.moveToThread(here);
        },
        Qt::BlockingQueuedConnection);
}

} // namespace

BotService::BotService(const BotServiceParts &parts, BotServiceOptions options, QObject *parent)
    : QObject(parent)
    , m_store(parts.store)
    , m_options(std::move(options))
    , m_sampler(new QTimer(this))
    , m_queueLength(parts.metrics.gauge(u"pipeline.queue.length"_s,
                                        u"Entries in the inbound stream not yet handled (sampled)"_s))
    , m_queuePending(parts.metrics.gauge(
          u"pipeline.queue.pending"_s, u"Entries read by a worker and not yet acknowledged (sampled)"_s))
    , m_sample(std::make_shared<QueueSample>())
{
    m_senderThread = new QThread(this);
    m_senderThread->setObjectName(u"m1-graph-sender"_s);
    m_senderThread->start();
    runOn(m_senderThread, [this, &parts] {
        m_sender = new GraphApiSender(m_options.sender, parts.network, parts.clock, &parts.metrics);
    });
    m_pipeline = std::make_unique<BotPipeline>(
        BotPipelineParts { parts.registry, parts.search, parts.store, *m_sender, parts.executor,
                           parts.clock, parts.metrics, parts.planner, parts.graph },
        m_options.pipeline);
    m_webhook = std::make_unique<WebhookServer>(m_options.webhook, m_pipeline->inbound(),
                                                parts.clock, &parts.metrics);
    MetricsRegistry *metrics = &parts.metrics;
    m_webhook->setMetricsProvider([metrics] { return metrics->prometheusText(); });
    m_webhook->setQueueProbe([this](QString *detail) {
        if (m_store.isConnected())
            return true;
        *detail = u"the state store is not reachable: "_s + m_store.description();
        return false;
    });
    m_webhook->setHealthDetails([this] { return healthDetails(); });
    m_sampler->setInterval(std::max(100, m_options.queueSampleMs));
    connect(m_sampler, &QTimer::timeout, this, &BotService::sampleQueue);
}

BotService::~BotService()
{
    m_webhook->close();
    if (m_stopper.joinable())
        m_stopper.join();
    m_pipeline->stop();
    m_webhook.reset();
    m_pipeline.reset();
    // The sender goes with its thread's event loop still running: its replies and timers are
    // there. Its thread's network manager is released when the thread ends.
    runOn(m_senderThread, [this] { delete m_sender; });
    m_senderThread->quit();
    m_senderThread->wait();
}

QString BotService::start()
{
    if (const QString error = m_pipeline->start(); !error.isEmpty())
        return error;
    QString error;
    if (!m_webhook->listen(&error)) {
        m_pipeline->stop();
        return error;
    }
    sampleQueue();
    m_sampler->start();
    return {};
}

void BotService::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_sampler->stop();
    // Nothing new is accepted; a POST already in progress on a kept-alive connection still gets
    // its answer (and its messages are stored, for whoever reads the stream next).
    m_webhook->close();
    qCInfo(lcEngine) << "bot service: stopping; finishing the messages the workers hold";
    // The destructor joins this thread before anything it uses goes away; a queued call whose
    // context object is gone is dropped by Qt.
    m_stopper = std::thread([this] {
        m_pipeline->stop();
        QMetaObject::invokeMethod(this, [this] { finishShutdown(true); }, Qt::QueuedConnection);
    });
    QTimer::singleShot(m_options.shutdownTimeoutMs, this, [this] { finishShutdown(false); });
}

void BotService::finishShutdown(bool clean)
{
    if (m_stopped)
        return;
    m_stopped = true;
    if (!clean)
        qCWarning(lcEngine) << "bot service: the workers did not finish within"
                            << m_options.shutdownTimeoutMs
                            << "ms; their messages stay pending for another process";
    Q_EMIT stopped(clean);
}

quint16 BotService::port() const
{
    return m_webhook->port();
}

QHostAddress BotService::address() const
{
    return m_webhook->address();
}

struct BotService::QueueSample
{
    std::atomic<qint64> length { -1 };
    std::atomic<qint64> pending { -1 };
    std::atomic<bool> busy { false };
};

void BotService::sampleQueue()
{
    // Last round's answer goes to the gauges here, on this thread; the store's callback only
    // touches the shared sample, which outlives this object if the answer comes late.
    m_queueLength.set(double(m_sample->length.load()));
    m_queuePending.set(double(m_sample->pending.load()));
    if (!m_store.isConnected() || m_sample->busy.exchange(true))
        return;
    const InboundQueue &queue = m_pipeline->queue();
    m_store.submit({ RedisCommand::of("XLEN", queue.stream()),
                     RedisCommand::of("XPENDING", queue.stream(), queue.group()) },
                   [sample = m_sample](const QList<RedisReply> &replies) {
                       if (replies.size() == 2 && !replies.at(0).isError()) {
                           sample->length = replies.at(0).integer();
                           sample->pending = replies.at(1).isError() || replies.at(1).elements().isEmpty()
                               ? 0
                               : replies.at(1).elements().first().integer();
                       }
                       sample->busy = false;
                   });
}

QJsonObject BotService::healthDetails() const
{
    const WorkerPoolStats stats = m_pipeline->stats();
    return QJsonObject {
        { u"store"_s, m_store.description() },
        { u"store_connected"_s, m_store.isConnected() },
        { u"stream"_s, QString::fromUtf8(m_pipeline->options().stream) },
        { u"queue_length"_s, double(m_sample->length.load()) },
        { u"queue_pending"_s, double(m_sample->pending.load()) },
        { u"workers"_s, m_pipeline->options().workers.workers },
        { u"processed"_s, double(stats.processed) },
        { u"failures"_s, double(stats.failures) },
        { u"stopping"_s, m_stopping },
    };
}

} // namespace m1
