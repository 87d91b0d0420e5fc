#pragma once

// The one facade the fronts see. It owns the engine's services and their threads; requests go
// in as plain calls that return at once, results come back as queued signals carrying values.

#include "agent/userprofile.h"
#include "channel/inboundmessage.h"
#include "channel/outboundmessage.h"
#include "core/clock.h"
#include "core/logrecord.h"
#include "core/metricsregistry.h"
#include "core/metricssnapshot.h"
#include "core/startupphases.h"
#include "facade/engineconfig.h"
#include "facade/enginesnapshot.h"
#include "facade/modelsettings.h"
#include "facade/modelstatus.h"
#include "facade/simulatorstatus.h"
#include "facade/simulatorturn.h"
#include "facade/webhooksettings.h"
#include "facade/webhookstatus.h"
#include "search/scoringconfig.h"
#include "search/searchresult.h"

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

namespace m1 {

class ConversationSimulator;
class LogSink;
class PlannerSwitch;
class StoreBackend;
class TelemetryPublisher;
class UsageStats;
class WebhookHost;

class Engine : public QObject
{
    Q_OBJECT

public:
    // clock may be null: the engine then uses the system clock.
    explicit Engine(EngineConfig config, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~Engine() override;

    const EngineConfig &config() const { return m_config; }
    MetricsRegistry &metrics() { return m_metrics; }
    const StartupPhases &startupPhases() const { return m_phases; }
    EngineSnapshotPtr snapshot() const { return m_snapshot; }
    bool isLoading() const { return m_loading; }

    // Opens the configured store (on the engine's thread) and loads the sources.
    void start();
    QString storeDescription() const;

    // Parses the sources and builds the graph on a worker; snapshotReady() follows.
    // A reload requested while one runs is queued behind it, never run in parallel.
    void reload();
    void setSpecSources(const QStringList &sources);

    // Searches the current snapshot's tools on a worker; searchFinished(requestId, …) follows.
    // Before the first load, or when the search could not be built, the result's error says so.
    void search(quint64 requestId, const m1::SearchQuery &query);
    // Rebuilds the search with these weights and thresholds on a worker (searchRebuilt follows)
    // and keeps them for later loads. Rebuilds never overlap: the newest scoring wins.
    void setScoring(const m1::ScoringConfig &scoring);
    // What search learns from use (user boost, evaluation adjustment); whatever runs tools
    // records outcomes here so later searches see them.
    std::shared_ptr<UsageStats> usageStats() const { return m_usage; }

    // Feeds logsReady() from this sink (not owned; it must outlive the engine). null: no feed.
    void setLogSink(const LogSink *sink);
    // Reopens the store at storeUrl ("managed", "memory", "redis://…"): the simulator's workers
    // stop first, then the old store closes and the new one opens; storeChanged() follows.
    void setStore(const QString &storeUrl);
    // Queues a message from the simulator's test user on the simulator's inbound stream (the real
    // queue and workers); replies come back as simulatorReplied(), the turn as
    // simulatorTurnFinished(). Messages sent before the simulator runs wait for it.
    void sendSimulated(const m1::InboundMessage &message, const m1::UserProfile &profile);
    void setSimulatorBackend(m1::SimulatorBackend backend);
    // Forgets the test user's conversation in the store, so the next message starts afresh.
    void resetSimulatedConversation(const QString &phone);
    // Switches the embedding provider and the planner to what `models` describes (the config
    // file's "embedding" and "planner" keys). The planner changes at once (turns already planning
    // finish with the old one); a new embedding provider rebuilds the search on a worker first
    // (searchRebuilt follows). A part that is invalid, lacks its API key or cannot embed the
    // tools is not applied: the old one keeps running and modelsChanged() says why.
    void applyModels(const m1::ModelSettings &models);
    ModelStatus modelStatus() const;
    // Runs, reconfigures or stops the WhatsApp webhook server (the same assembly as `m1bot
    // serve`, on the production stream); webhookStatusChanged() follows.
    void setWebhook(const m1::WebhookSettings &settings);
    // Stops the webhook server and the simulator's workers without blocking this thread, then
    // calls `done` on it.
    void shutdown(std::function<void()> done);

Q_SIGNALS:
    void loadingStarted();
    void snapshotReady(m1::EngineSnapshotPtr snapshot);
    // error is empty when the store is usable; description says which store it is.
    void storeChanged(const QString &description, const QString &error);
    void searchFinished(quint64 requestId, const m1::SearchResult &result);
    // The same tools with a search rebuilt after setScoring().
    void searchRebuilt(m1::EngineSnapshotPtr snapshot);
    // Every metric as values, once a second (TelemetryPublisher); new log records as they come.
    void metricsReady(const m1::MetricsSnapshot &snapshot);
    void logsReady(const QList<m1::LogRecord> &records);
    void simulatorReplied(const m1::OutboundMessage &message);
    void simulatorTurnFinished(const m1::SimulatorTurn &turn);
    void simulatorStatusChanged(const m1::SimulatorStatus &status);
    void modelsChanged(const m1::ModelStatus &status);
    void webhookStatusChanged(const m1::WebhookStatus &status);

private:
    void startLoad();
    void finishLoad(EngineSnapshotPtr snapshot);
    void startSearchRebuild();
    void finishSearchRebuild(EngineSnapshotPtr snapshot, std::optional<ModelSettings> tried);
    void requestSearchRebuild();
    void openStore();
    void applyEmbedding(const ModelSettings &models);
    void publishModels();

    EngineConfig m_config;
    std::unique_ptr<Clock> m_ownedClock;
    const Clock &m_clock;
    MetricsRegistry m_metrics;
    StartupPhases m_phases;
    QThreadPool m_workers;
    std::unique_ptr<StoreBackend> m_store;
    EngineSnapshotPtr m_snapshot;
    bool m_loading = false;
    bool m_reloadQueued = false;
    std::shared_ptr<UsageStats> m_usage;
    std::optional<ScoringConfig> m_scoring; // set by setScoring(); else the configured file
    bool m_rebuilding = false;
    bool m_rebuildQueued = false;
    // An embedding provider asked for by applyModels() and not yet built into a search (or
    // being built: m_embeddingInFlight). The running one is m_config.embedding.
    std::optional<ModelSettings> m_pendingEmbedding;
    bool m_embeddingInFlight = false;
    QString m_embeddingError;
    // The planner every pipeline points at; outlives the simulator's and the webhook's lanes.
    std::unique_ptr<PlannerSwitch> m_planners;
    // Declared after m_store, so destroyed before it: the simulator's workers use the store.
    std::unique_ptr<TelemetryPublisher> m_telemetry;
    std::unique_ptr<ConversationSimulator> m_simulator;
    std::unique_ptr<WebhookHost> m_webhook;
};

} // namespace m1

Q_DECLARE_METATYPE(m1::SearchQuery)
Q_DECLARE_METATYPE(m1::SearchResult)
Q_DECLARE_METATYPE(m1::ScoringConfig)
