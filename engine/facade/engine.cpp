#include "facade/engine.h"

#include "core/logcategories.h"
#include "facade/conversationsimulator.h"
#include "facade/enginestore.h"
#include "facade/searchfactory.h"
#include "facade/snapshotbuilder.h"
#include "facade/telemetrypublisher.h"
#include "search/inmemoryusagestats.h"
#include "search/searchengine.h"
#include "store/storebackend.h"

#include <QElapsedTimer>
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

// The snapshot with a search built over its registry (on the calling worker).
EngineSnapshotPtr withSearch(const EngineSnapshot &base, const EngineConfig &config, const Clock &clock,
                             std::shared_ptr<UsageStats> usage, const std::optional<ScoringConfig> &scoring,
                             MetricsRegistry &metrics)
{
    auto next = std::make_shared<EngineSnapshot>(base);
    QElapsedTimer timer;
    timer.start();
    next->search = SearchFactory::buildShared(config, *base.registry, clock, std::move(usage),
                                              scoring ? &*scoring : nullptr, &metrics, &next->searchError);
    next->searchMs = timer.nsecsElapsed() / 1e6;
    return next;
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
    qRegisterMetaType<m1::SearchQuery>();
    qRegisterMetaType<m1::SearchResult>();
    qRegisterMetaType<m1::ScoringConfig>();
    m_usage = std::make_shared<InMemoryUsageStats>();
    m_workers.setObjectName(QStringLiteral("m1-engine-workers"));
    // Children, so they move to the engine's thread with it; owned by the unique_ptrs.
    m_telemetry = std::make_unique<TelemetryPublisher>(m_metrics, this);
    m_simulator = std::make_unique<ConversationSimulator>(m_clock, m_metrics, this);
    connect(m_telemetry.get(), &TelemetryPublisher::metricsReady, this, &Engine::metricsReady);
    connect(m_telemetry.get(), &TelemetryPublisher::logsReady, this, &Engine::logsReady);
    connect(m_simulator.get(), &ConversationSimulator::replied, this, &Engine::simulatorReplied);
    connect(m_simulator.get(), &ConversationSimulator::turnFinished, this, &Engine::simulatorTurnFinished);
    connect(m_simulator.get(), &ConversationSimulator::statusChanged, this, &Engine::simulatorStatusChanged);
    connect(this, &Engine::searchRebuilt, m_simulator.get(), &ConversationSimulator::setSnapshot);
}

Engine::~Engine()
{
    // Workers hold only shared, immutable inputs; waiting here lets a load in flight finish
    // instead of touching a destroyed engine. The queued result is dropped by the QPointer.
    m_workers.waitForDone();
}

void Engine::start()
{
    if (!m_store)
        openStore();
    m_telemetry->start();
    reload();
}

void Engine::openStore()
{
    QString error;
    m_store = EngineStore::open(m_config, m_clock, m_metrics, thread(), &error);
    if (!m_store) {
        Q_EMIT storeChanged(QString(), error);
        return;
    }
    Q_EMIT storeChanged(m_store->description(), QString());
    m_store->ready().then(this, [this, opened = m_store.get()](const QString &readyError) {
        if (m_store.get() != opened)
            return; // replaced by setStore() meanwhile
        Q_EMIT storeChanged(m_store->description(), readyError);
        if (readyError.isEmpty())
            m_simulator->setStore(&m_store->store());
    });
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
    // This load takes the newest scoring, so a rebuild waiting for it is no longer needed.
    m_rebuildQueued = false;
    const std::optional<ScoringConfig> scoring = m_scoring;
    std::shared_ptr<UsageStats> usage = m_usage;
    const Clock *clock = &m_clock;
    MetricsRegistry *metrics = &m_metrics;
    m_workers.start([self, config, phases, scoring, usage, clock, metrics] {
        EngineSnapshot parsed = *SnapshotBuilder::build(config, phases);
        parsed.configuredSources = config.effectiveSpecSources();
        EngineSnapshotPtr snapshot = withSearch(parsed, config, *clock, usage, scoring, *metrics);
        if (phases && snapshot->search) {
            phases->record(QStringLiteral("embed"), snapshot->search->info().embedMs);
            phases->record(QStringLiteral("index"), snapshot->search->info().indexMs);
        }
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
    m_simulator->setSnapshot(m_snapshot);
    qCInfo(lcEngine).noquote() << "loaded" << m_snapshot->registry->size() << "tools,"
                               << m_snapshot->registry->errors().size() << "load problems,"
                               << m_snapshot->graph->edgeCount() << "graph edges";
    Q_EMIT snapshotReady(m_snapshot);
    if (m_reloadQueued) {
        m_reloadQueued = false;
        startLoad();
    } else if (m_rebuildQueued && !m_rebuilding) {
        m_rebuildQueued = false;
        startSearchRebuild();
    }
}

void Engine::search(quint64 requestId, const SearchQuery &query)
{
    QPointer<Engine> self(this);
    const EngineSnapshotPtr snapshot = m_snapshot;
    m_workers.start([self, snapshot, requestId, query] {
        SearchResult result;
        if (snapshot && snapshot->search) {
            result = snapshot->search->search(query);
        } else {
            result.query = query.text;
            result.error = !snapshot ? QStringLiteral("the tools are still loading")
                                     : QStringLiteral("search is unavailable: ") + snapshot->searchError;
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, requestId, result] {
                if (self)
                    Q_EMIT self->searchFinished(requestId, result);
            },
            Qt::QueuedConnection);
    });
}

void Engine::setScoring(const ScoringConfig &scoring)
{
    m_scoring = scoring;
    if (m_loading || m_rebuilding) {
        m_rebuildQueued = true;
        return;
    }
    if (m_snapshot)
        startSearchRebuild();
}

void Engine::startSearchRebuild()
{
    m_rebuilding = true;
    QPointer<Engine> self(this);
    const EngineSnapshotPtr base = m_snapshot;
    const EngineConfig config = m_config;
    const std::optional<ScoringConfig> scoring = m_scoring;
    std::shared_ptr<UsageStats> usage = m_usage;
    const Clock *clock = &m_clock;
    MetricsRegistry *metrics = &m_metrics;
    m_workers.start([self, base, config, scoring, usage, clock, metrics] {
        EngineSnapshotPtr next = withSearch(*base, config, *clock, usage, scoring, *metrics);
        QMetaObject::invokeMethod(
            self.data(),
            [self, next] {
                if (self)
                    self->finishSearchRebuild(next);
            },
            Qt::QueuedConnection);
    });
}

void Engine::finishSearchRebuild(EngineSnapshotPtr snapshot)
{
    m_rebuilding = false;
    // A load that finished meanwhile brought other tools; its own search is the one to keep.
    if (m_snapshot && snapshot->registry == m_snapshot->registry) {
        m_snapshot = std::move(snapshot);
        Q_EMIT searchRebuilt(m_snapshot);
    }
    if (m_rebuildQueued && !m_loading) {
        m_rebuildQueued = false;
        startSearchRebuild();
    }
}

void Engine::setLogSink(const LogSink *sink)
{
    m_telemetry->setLogSink(sink);
}

void Engine::setStore(const QString &storeUrl)
{
    m_config.store = storeUrl;
    m_simulator->setStore(nullptr);
    // The old store closes only once no simulator worker can touch it.
    m_simulator->whenIdle([this] {
        m_store.reset();
        openStore();
    });
}

void Engine::sendSimulated(const m1::InboundMessage &message, const m1::UserProfile &profile)
{
    m_simulator->send(message, profile);
}

void Engine::setSimulatorBackend(m1::SimulatorBackend backend)
{
    m_simulator->setBackend(backend);
}

void Engine::resetSimulatedConversation(const QString &phone)
{
    m_simulator->resetConversation(phone);
}

void Engine::shutdown(std::function<void()> done)
{
    m_simulator->shutdown(std::move(done));
}

} // namespace m1
