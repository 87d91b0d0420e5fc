#include "facade/engine.h"

#include "core/logcategories.h"
#include "facade/enginestore.h"
#include "store/storebackend.h"
#include "facade/snapshotbuilder.h"

#include <QPointer>

namespace m1 {
namespace {

const Clock &chooseClock(const Clock *given, std::unique_ptr<Clock> &owned)
{
    if (given)
        return *given;
    owned = std::make_unique<SystemClock>();
    return *owned;
}

} // namespace

Engine::Engine(EngineConfig config, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(chooseClock(clock, m_ownedClock))
    , m_metrics(m_clock)
    , m_phases(m_metrics)
{
    qRegisterMetaType<m1::EngineSnapshotPtr>();
    m_workers.setObjectName(QStringLiteral("m1-engine-workers"));
}

Engine::~Engine()
{
    // Workers hold only shared, immutable inputs; waiting here lets a load in flight finish
    // instead of touching a destroyed engine. The queued result is dropped by the QPointer.
    m_workers.waitForDone();
}

void Engine::start()
{
    if (!m_store) {
        QString error;
        m_store = EngineStore::open(m_config, m_clock, m_metrics, thread(), &error);
        if (!m_store) {
            Q_EMIT storeChanged(QString(), error);
        } else {
            Q_EMIT storeChanged(m_store->description(), QString());
            m_store->ready().then(this, [this](const QString &readyError) {
                Q_EMIT storeChanged(m_store->description(), readyError);
            });
        }
    }
    reload();
}

QString Engine::storeDescription() const
{
    return m_store ? m_store->description() : QString();
}

void Engine::setSpecSources(const QStringList &sources)
{
    m_config.specSources = sources;
}

void Engine::reload()
{
    if (m_loading) {
        m_reloadQueued = true;
        return;
    }
    startLoad();
}

void Engine::startLoad()
{
    m_loading = true;
    Q_EMIT loadingStarted();
    QPointer<Engine> self(this);
    const EngineConfig config = m_config;
    StartupPhases *phases = &m_phases;
    m_workers.start([self, config, phases] {
        EngineSnapshotPtr snapshot = SnapshotBuilder::build(config, phases);
        QMetaObject::invokeMethod(
            self.data(),
            [self, snapshot] {
                if (self)
                    self->finishLoad(snapshot);
            },
            Qt::QueuedConnection);
    });
}

void Engine::finishLoad(EngineSnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    m_loading = false;
    qCInfo(lcEngine).noquote() << "loaded" << m_snapshot->registry->size() << "tools,"
                               << m_snapshot->registry->errors().size() << "load problems,"
                               << m_snapshot->graph->edgeCount() << "graph edges";
    Q_EMIT snapshotReady(m_snapshot);
    if (m_reloadQueued) {
        m_reloadQueued = false;
        startLoad();
    }
}

} // namespace m1
