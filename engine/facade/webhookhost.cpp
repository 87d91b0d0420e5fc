#include "facade/webhookhost.h"

#include "agent/turntrace.h"
#include "conversation/conversationkeys.h"
#include "core/logcategories.h"
#include "facade/webhookrunner.h"
#include "search/searchengine.h"

#include <QDebug>

using namespace Qt::StringLiterals;

namespace m1 {
namespace {

// WhatsAppConfig names what is missing by its environment variable; a settings dialog user
// knows the fields by their labels.
QString settingName(const QString &variable)
{
    if (variable == u"M1_WHATSAPP_APP_SECRET"_s)
        return u"the app secret"_s;
    if (variable == u"M1_WHATSAPP_VERIFY_TOKEN"_s)
        return u"the verify token"_s;
    if (variable == u"M1_WHATSAPP_TOKEN"_s)
        return u"the access token"_s;
    if (variable == u"M1_WHATSAPP_PHONE_NUMBER_ID"_s)
        return u"the phone number ID"_s;
    return variable;
}

// One line per turn in the log, as the simulator writes: no message text, the number redacted.
void logTurn(const InboundMessage &message, const TurnTrace &trace)
{
    qCInfo(lcEngine).noquote() << u"webhook turn of "_s + ConversationKeys::redact(message.from) + u':'
                               << trace.action << (trace.chosenToolId.isEmpty() ? u"-"_s : trace.chosenToolId)
                               << (trace.planner.isEmpty() ? QString() : u"planner "_s + trace.planner)
                               << (trace.error.isEmpty() ? QString() : u"error: "_s + trace.error);
}

} // namespace

WebhookHost::WebhookHost(const Clock &clock, MetricsRegistry &metrics, Planner *planner, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_metrics(metrics)
    , m_planner(planner)
    , m_runner(new WebhookRunner)
{
    qRegisterMetaType<m1::WebhookStatus>();
    qRegisterMetaType<m1::WebhookSettings>();
    m_thread.setObjectName(u"m1-webhook"_s);
    m_runner->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_runner, &QObject::deleteLater);
    connect(m_runner, &WebhookRunner::started, this, &WebhookHost::onStarted);
    connect(m_runner, &WebhookRunner::stopped, this, &WebhookHost::onStopped);
    m_thread.start();
}

WebhookHost::~WebhookHost()
{
    // After shutdown() nothing runs there and this returns at once; otherwise the runner stops
    // its server as it is deleted, on its own thread.
    m_thread.quit();
    m_thread.wait();
}

void WebhookHost::setSnapshot(EngineSnapshotPtr snapshot)
{
    if (!snapshot || !snapshot->registry || !snapshot->search)
        return;
    if (m_snapshot && m_snapshot->registry == snapshot->registry && m_snapshot->search == snapshot->search)
        return;
    m_snapshot = std::move(snapshot);
    ++m_generation;
    reconcile();
}

void WebhookHost::setStore(KeyValueStore *store)
{
    m_store = store;
    ++m_generation;
    reconcile();
}

void WebhookHost::setSettings(const WebhookSettings &settings)
{
    m_settings = settings;
    m_error.clear();
    ++m_generation;
    reconcile();
}

void WebhookHost::shutdown(std::function<void()> done)
{
    m_shuttingDown = true;
    whenIdle(std::move(done));
    reconcile();
}

void WebhookHost::whenIdle(std::function<void()> done)
{
    if (m_phase == Phase::Idle) {
        done();
        return;
    }
    m_idleCallbacks.append(std::move(done));
}

QString WebhookHost::settingsProblem() const
{
    // A null address would mean every interface to the server: never by accident.
    if (m_settings.serve.bind.isNull())
        return u"the bind address is not an IP address (127.0.0.1 for this machine only, 0.0.0.0 for every "
               u"interface)"_s;
    const WhatsAppConfig &whatsapp = m_settings.serve.whatsapp;
    QStringList missing;
    for (const QString &variable : whatsapp.missing())
        missing.append(settingName(variable));
    if (!missing.isEmpty())
        return u"the WhatsApp settings lack "_s + missing.join(u", "_s);
    if (const QStringList invalid = whatsapp.invalid(); !invalid.isEmpty())
        return invalid.join(u"; "_s);
    return {};
}

void WebhookHost::reconcile()
{
    if (m_phase == Phase::Starting || m_phase == Phase::Stopping)
        return; // the transition calls back here when it is done
    if (m_phase == Phase::Running) {
        if (m_shuttingDown || m_runningGeneration != m_generation) {
            m_phase = Phase::Stopping;
            m_url.clear();
            publishStatus();
            QMetaObject::invokeMethod(m_runner, &WebhookRunner::stop, Qt::QueuedConnection);
        }
        return;
    }
    const bool wanted = m_settings.enabled && !m_shuttingDown;
    if (wanted && m_failedGeneration != m_generation) {
        if (const QString problem = settingsProblem(); !problem.isEmpty()) {
            m_error = problem;
            m_failedGeneration = m_generation;
            qCWarning(lcEngine).noquote() << "webhook: not started:" << problem;
        } else if (m_store && m_snapshot) {
            startServer();
            return;
        }
    }
    const auto callbacks = std::exchange(m_idleCallbacks, {});
    for (const auto &callback : callbacks)
        callback();
    publishStatus();
}

void WebhookHost::startServer()
{
    m_phase = Phase::Starting;
    m_runningGeneration = m_generation;
    m_error.clear();
    publishStatus();
    const BotServerParts parts { *m_snapshot->registry, *m_snapshot->search, m_snapshot->graph.get(), *m_store,
                                 m_clock, m_metrics, m_planner };
    QMetaObject::invokeMethod(
        m_runner,
        [runner = m_runner, generation = m_generation, parts, options = m_settings.serve, snapshot = m_snapshot] {
            runner->start(generation, parts, options, snapshot, &logTurn);
        },
        Qt::QueuedConnection);
}

void WebhookHost::onStarted(quint64 generation, const QString &error, const QString &url)
{
    if (!error.isEmpty()) {
        qCWarning(lcEngine).noquote() << "webhook: did not start:" << error;
        m_error = error;
        m_failedGeneration = generation;
        m_phase = Phase::Idle;
        reconcile();
        return;
    }
    m_phase = Phase::Running;
    m_url = url;
    qCInfo(lcEngine).noquote() << "webhook: listening on" << url << "with" << m_settings.serve.workers
                               << "workers, executor" << ServeOptions::executorName(m_settings.serve.executor)
                               << "-" << m_settings.serve.whatsapp.redacted();
    publishStatus();
    reconcile(); // inputs may have changed while it started
}

void WebhookHost::onStopped()
{
    m_phase = Phase::Idle;
    m_url.clear();
    reconcile();
}

QString WebhookHost::configuredAddress() const
{
    const QHostAddress &bind = m_settings.serve.bind;
    const QString host
        = bind.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + bind.toString() + u']' : bind.toString();
    return host + u':' + QString::number(m_settings.serve.port);
}

WebhookStatus WebhookHost::status() const
{
    WebhookStatus s;
    s.address = configuredAddress();
    if (m_phase == Phase::Running && m_runningGeneration == m_generation) {
        s.state = WebhookStatus::State::Listening;
        s.url = m_url;
        // The address it really got (port 0 picks one).
        const qsizetype hostStart = m_url.indexOf(u"://"_s) + 3;
        s.address = m_url.mid(hostStart, m_url.lastIndexOf(u'/') - hostStart);
        s.workers = m_settings.serve.workers;
    } else if (!m_error.isEmpty()) {
        s.state = WebhookStatus::State::Error;
        s.error = m_error;
    } else if (m_settings.enabled && !m_shuttingDown) {
        s.state = WebhookStatus::State::Starting;
    }
    return s;
}

void WebhookHost::publishStatus()
{
    Q_EMIT statusChanged(status());
}

} // namespace m1
