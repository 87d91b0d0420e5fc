#include "facade/webhookrunner.h"

#include "facade/botserver.h"
#include "pipeline/botservice.h"

namespace m1 {

WebhookRunner::WebhookRunner(QObject *parent) : QObject(parent) {}

WebhookRunner::~WebhookRunner()
{
    // Normally stopped already; otherwise this is the last resort (the service stops its lanes).
    release();
}

void WebhookRunner::start(quint64 generation, const BotServerParts &parts, const ServeOptions &options,
                          EngineSnapshotPtr snapshot, TraceHandler traces)
{
    release();
    m_snapshot = std::move(snapshot);
    m_server = std::make_unique<BotServer>(parts, options);
    if (traces)
        m_server->service().pipeline().setTraceHandler(std::move(traces));
    // Waits for the store to create the consumer group: the store answers on another thread.
    if (const QString error = m_server->service().start(); !error.isEmpty()) {
        release();
        Q_EMIT started(generation, error, QString());
        return;
    }
    Q_EMIT started(generation, QString(), m_server->url());
}

void WebhookRunner::stop()
{
    if (!m_server) {
        Q_EMIT stopped();
        return;
    }
    m_server->cancelToolCalls();
    BotService &service = m_server->service();
    connect(
        &service, &BotService::stopped, this,
        [this] {
            // Not inside the service's own signal: destroying it there would pull the floor away.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    release();
                    Q_EMIT stopped();
                },
                Qt::QueuedConnection);
        },
        Qt::SingleShotConnection);
    service.shutdown();
}

void WebhookRunner::release()
{
    m_server.reset();
    m_snapshot.reset();
}

} // namespace m1
