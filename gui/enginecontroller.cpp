#include "enginecontroller.h"

#include "facade/engine.h"

namespace m1 {

EngineController::EngineController(EngineConfig config, QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("m1-engine"));
    m_engine = new Engine(std::move(config));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &Engine::loadingStarted, this, &EngineController::loadingStarted);
    connect(m_engine, &Engine::storeChanged, this, &EngineController::storeChanged);
    connect(m_engine, &Engine::snapshotReady, this, [this](m1::EngineSnapshotPtr snapshot) {
        m_snapshot = snapshot;
        Q_EMIT snapshotReady(snapshot);
    });
    connect(m_engine, &Engine::searchFinished, this, &EngineController::searchFinished);
    connect(m_engine, &Engine::searchRebuilt, this, [this](m1::EngineSnapshotPtr snapshot) {
        m_snapshot = snapshot;
        Q_EMIT searchRebuilt(snapshot);
    });
    connect(m_engine, &Engine::metricsReady, this, &EngineController::metricsReady);
    connect(m_engine, &Engine::logsReady, this, &EngineController::logsReady);
    connect(m_engine, &Engine::simulatorReplied, this, &EngineController::simulatorReplied);
    connect(m_engine, &Engine::simulatorTurnFinished, this, &EngineController::simulatorTurnFinished);
    connect(m_engine, &Engine::simulatorStatusChanged, this, [this](const m1::SimulatorStatus &status) {
        m_simulatorStatus = status;
        Q_EMIT simulatorStatusChanged(status);
    });
    connect(m_engine, &Engine::modelsChanged, this, [this](const m1::ModelStatus &status) {
        m_modelStatus = status;
        Q_EMIT modelsChanged(status);
    });
    connect(m_engine, &Engine::webhookStatusChanged, this, [this](const m1::WebhookStatus &status) {
        m_webhookStatus = status;
        Q_EMIT webhookStatusChanged(status);
    });
    m_thread.start();
}

EngineController::~EngineController()
{
    // The engine finishes what its workers hold (bounded: one load) and is deleted on its own
    // thread; nothing here spins an event loop. The simulator's workers may be waiting on the
    // store, whose replies the engine's event loop delivers, so the engine stops them while that
    // loop still runs and ends its thread itself once they are gone.
    QThread *thread = &m_thread;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, thread] { engine->shutdown([thread] { thread->quit(); }); },
        Qt::QueuedConnection);
    m_thread.wait();
}

void EngineController::start()
{
    QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection);
}

void EngineController::reload()
{
    QMetaObject::invokeMethod(m_engine, &Engine::reload, Qt::QueuedConnection);
}

void EngineController::setSpecSources(const QStringList &sources)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, sources] { engine->setSpecSources(sources); },
        Qt::QueuedConnection);
}

quint64 EngineController::search(const SearchQuery &query)
{
    const quint64 id = ++m_lastSearchId;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, id, query] { engine->search(id, query); }, Qt::QueuedConnection);
    return id;
}

void EngineController::setScoring(const ScoringConfig &scoring)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, scoring] { engine->setScoring(scoring); }, Qt::QueuedConnection);
}

void EngineController::setLogSink(const LogSink *sink)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, sink] { engine->setLogSink(sink); }, Qt::QueuedConnection);
}

void EngineController::setStore(const QString &storeUrl)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, storeUrl] { engine->setStore(storeUrl); }, Qt::QueuedConnection);
}

void EngineController::sendSimulated(const InboundMessage &message, const UserProfile &profile)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, message, profile] { engine->sendSimulated(message, profile); },
        Qt::QueuedConnection);
}

void EngineController::resetSimulatedConversation(const QString &phone)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, phone] { engine->resetSimulatedConversation(phone); },
        Qt::QueuedConnection);
}

void EngineController::applyModels(const ModelSettings &models)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, models] { engine->applyModels(models); }, Qt::QueuedConnection);
}

void EngineController::setWebhook(const WebhookSettings &settings)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, settings] { engine->setWebhook(settings); }, Qt::QueuedConnection);
}

void EngineController::setSimulatorBackend(SimulatorBackend backend)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, backend] { engine->setSimulatorBackend(backend); },
        Qt::QueuedConnection);
}

} // namespace m1
