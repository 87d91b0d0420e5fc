#include "facade/engine.h"

#include "core/logcategories.h"
#include "embedding/embeddingsettings.h"
#include "facade/conversationsimulator.h"
#include "facade/enginestore.h"
#include "facade/searchfactory.h"
#include "facade/snapshotbuilder.h"
#include "facade/plannerswitch.h"
#include "facade/telemetrypublisher.h"
#include "facade/webhookhost.h"
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
    qRegisterMetaType<m1::ModelStatus>();
    qRegisterMetaType<m1::ModelSettings>();
    m_usage = std::make_shared<InMemoryUsageStats>();
    m_workers.setObjectName(QStringLiteral("m1-engine-workers"));
    m_planners = std::make_unique<PlannerSwitch>(m_config.planner, m_config.plannerApiKey, m_clock, m_metrics);
    // Children, so they move to the engine's thread with it; owned by the unique_ptrs.
    m_telemetry = std::make_unique<TelemetryPublisher>(m_metrics, this);
    m_simulator = std::make_unique<ConversationSimulator>(m_clock, m_metrics, m_planners->planner(), this);
    m_webhook = std::make_unique<WebhookHost>(m_clock, m_metrics, m_planners->planner(), this);
    connect(m_telemetry.get(), &TelemetryPublisher::metricsReady, this, &Engine::metricsReady);
    connect(m_telemetry.get(), &TelemetryPublisher::logsReady, this, &Engine::logsReady);
    connect(m_simulator.get(), &ConversationSimulator::replied, this, &Engine::simulatorReplied);
    connect(m_simulator.get(), &ConversationSimulator::turnFinished, this, &Engine::simulatorTurnFinished);
    connect(m_simulator.get(), &ConversationSimulator::statusChanged, this, &Engine::simulatorStatusChanged);
    connect(this, &Engine::searchRebuilt, m_simulator.get(), &ConversationSimulator::setSnapshot);
    connect(m_webhook.get(), &WebhookHost::statusChanged, this, &Engine::webhookStatusChanged);
    connect(this, &Engine::snapshotReady, m_webhook.get(), &WebhookHost::setSnapshot);
    connect(this, &Engine::searchRebuilt, m_webhook.get(), &WebhookHost::setSnapshot);
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
    if (!m_planners->error().isEmpty())
        qCWarning(lcEngine).noquote() << m_planners->error();
    publishModels();
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
        if (readyError.isEmpty()) {
            m_simulator->setStore(&m_store->store());
            m_webhook->setStore(&m_store->store());
        }
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
    } else if ((m_rebuildQueued || m_pendingEmbedding) && !m_rebuilding) {
        m_rebuildQueued = false;
        startSearchRebuild();
    }
    publishModels(); // the new search's dimension
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
    requestSearchRebuild();
}

void Engine::requestSearchRebuild()
{
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
    EngineConfig config = m_config;
    // A new embedding provider is tried on this rebuild; it runs only if the search builds.
    const std::optional<ModelSettings> tried = std::exchange(m_pendingEmbedding, std::nullopt);
    if (tried) {
        config.embedding = tried->embedding;
        config.embeddingApiKey = tried->embeddingApiKey;
        m_embeddingInFlight = true;
    }
    const std::optional<ScoringConfig> scoring = m_scoring;
    std::shared_ptr<UsageStats> usage = m_usage;
    const Clock *clock = &m_clock;
    MetricsRegistry *metrics = &m_metrics;
    m_workers.start([self, base, config, scoring, usage, clock, metrics, tried] {
        EngineSnapshotPtr next = withSearch(*base, config, *clock, usage, scoring, *metrics);
        QMetaObject::invokeMethod(
            self.data(),
            [self, next, tried] {
                if (self)
                    self->finishSearchRebuild(next, tried);
            },
            Qt::QueuedConnection);
    });
}

void Engine::finishSearchRebuild(EngineSnapshotPtr snapshot, std::optional<ModelSettings> tried)
{
    m_rebuilding = false;
    if (tried) {
        m_embeddingInFlight = false;
        const QString provider = tried->embedding.value(u"provider").toString(QStringLiteral("local"));
        if (!snapshot->search) {
            // The old provider and its search stay.
            m_embeddingError = QStringLiteral("the %1 embedding provider was not applied: %2").arg(provider, snapshot->searchError);
            qCWarning(lcEngine).noquote() << m_embeddingError;
            publishModels();
            snapshot.reset();
        } else {
            m_config.embedding = tried->embedding;
            m_config.embeddingApiKey = tried->embeddingApiKey;
            m_embeddingError.clear();
            qCInfo(lcEngine).noquote() << "embedding provider now" << provider << "-"
                                       << snapshot->search->info().dimension << "dimensions";
        }
    }
    // A load that finished meanwhile brought other tools; its own search is the one to keep (and
    // when it was built with the previous provider, it is rebuilt with the new one).
    if (snapshot && m_snapshot && snapshot->registry == m_snapshot->registry) {
        m_snapshot = std::move(snapshot);
        Q_EMIT searchRebuilt(m_snapshot);
    } else if (snapshot && tried) {
        m_rebuildQueued = true;
    }
    if (tried)
        publishModels();
    if ((m_rebuildQueued || m_pendingEmbedding) && !m_loading) {
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
    m_webhook->setStore(nullptr);
    // The old store closes only once no simulator or webhook worker can touch it.
    auto waiting = std::make_shared<int>(2);
    const auto reopen = [this, waiting] {
        if (--*waiting > 0)
            return;
        m_store.reset();
        openStore();
    };
    m_simulator->whenIdle(reopen);
    m_webhook->whenIdle(reopen);
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
    // Both stop at once; `done` runs when the second one has.
    auto waiting = std::make_shared<int>(2);
    const auto finished = [waiting, done = std::move(done)] {
        if (--*waiting == 0)
            done();
    };
    m_webhook->shutdown(finished);
    m_simulator->shutdown(finished);
}

void Engine::setWebhook(const WebhookSettings &settings)
{
    m_webhook->setSettings(settings);
}

void Engine::applyModels(const ModelSettings &models)
{
    if (m_planners->apply(models.planner, models.plannerApiKey)) {
        m_config.planner = PlannerConfig::fromJson(models.planner, QString(), [](const QString &, const QString &) {});
        m_config.plannerApiKey = models.plannerApiKey;
    }
    applyEmbedding(models);
    publishModels();
}

void Engine::applyEmbedding(const ModelSettings &models)
{
    if (models.embedding == m_config.embedding && models.embeddingApiKey == m_config.embeddingApiKey
        && !m_pendingEmbedding && !m_embeddingInFlight && m_embeddingError.isEmpty())
        return; // already running
    EmbeddingSettings settings;
    settings.apiKey = models.embeddingApiKey;
    QString problem;
    const QString current = m_config.embedding.value(u"provider").toString(QStringLiteral("local"));
    if (!settings.apply(models.embedding, QStringLiteral("settings"), QStringLiteral("/embedding"), &problem)) {
        // problem already names the key: "settings: /embedding/base_url is required for ..."
    } else if (!settings.hasApiKey()) {
        problem = QStringLiteral("the %1 embedding provider has no API key (none in the settings, and %2 is not set)")
                      .arg(settings.provider, settings.apiKeyVariable());
    }
    if (!problem.isEmpty()) {
        m_embeddingError = QStringLiteral("the embedding settings were not applied: %1; still using %2")
                               .arg(problem, current);
        qCWarning(lcEngine).noquote() << m_embeddingError;
        return;
    }
    m_embeddingError.clear();
    m_pendingEmbedding = models;
    requestSearchRebuild();
}

ModelStatus Engine::modelStatus() const
{
    ModelStatus s;
    EmbeddingSettings running;
    QString ignored;
    running.apply(m_config.embedding, QString(), QString(), &ignored); // checked when it was applied
    s.embedding = running.provider;
    if (running.provider == u"azure")
        s.embeddingModel = running.remote.deployment;
    else if (running.provider == u"openai")
        s.embeddingModel = running.remote.model;
    s.dimension = m_snapshot && m_snapshot->search ? m_snapshot->search->info().dimension : 0;
    s.planner = m_planners->name();
    s.plannerModel = m_planners->model();
    s.applying = m_embeddingInFlight || m_pendingEmbedding.has_value();
    s.embeddingError = m_embeddingError;
    s.plannerError = m_planners->error();
    return s;
}

void Engine::publishModels()
{
    Q_EMIT modelsChanged(modelStatus());
}

} // namespace m1
