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
    m_thread.start();
}

EngineController::~EngineController()
{
    // The engine finishes what its workers hold (bounded: one load) and is deleted on its own
    // thread; nothing here spins an event loop.
    m_thread.quit();
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

} // namespace m1
