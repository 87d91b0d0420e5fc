#pragma once

// The one bridge between widgets and the engine. The engine lives on its own thread; requests
// go in as queued calls that return at once, results come back as queued signals with values.
// The GUI thread never waits on the engine.

#include "agent/userprofile.h"
#include "channel/inboundmessage.h"
#include "channel/outboundmessage.h"
#include "core/logrecord.h"
#include "core/metricssnapshot.h"
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
#include <QThread>

namespace m1 {

class Engine;
class LogSink;

class EngineController : public QObject
{
    Q_OBJECT

public:
    explicit EngineController(EngineConfig config, QObject *parent = nullptr);
    ~EngineController() override;

    EngineSnapshotPtr snapshot() const { return m_snapshot; }

public Q_SLOTS:
    void start();
    void reload();
    void setSpecSources(const QStringList &sources);

public:
    // Queues a search on the engine's workers and returns its request id at once; the answer
    // comes as searchFinished(id, result). Ids grow, so a caller keeps the last one it asked for
    // and drops answers to older ones.
    quint64 search(const m1::SearchQuery &query);
    // Rebuilds the engine's search with these weights and thresholds; searchRebuilt follows.
    void setScoring(const m1::ScoringConfig &scoring);

    // Feeds logsReady() from this sink (not owned; it must outlive the controller).
    void setLogSink(const m1::LogSink *sink);
    // Reopens the engine's store ("managed", "memory", "redis://…"); storeChanged follows.
    void setStore(const QString &storeUrl);
    // The simulator: messages go through the engine's real queue and workers; replies come as
    // simulatorReplied, each turn as simulatorTurnFinished.
    void sendSimulated(const m1::InboundMessage &message, const m1::UserProfile &profile);
    void setSimulatorBackend(m1::SimulatorBackend backend);
    void resetSimulatedConversation(const QString &phone);
    SimulatorStatus simulatorStatus() const { return m_simulatorStatus; }
    // The engine switches its embedding provider and planner (off this thread); modelsChanged
    // says what runs afterwards, and why a part was not applied.
    void applyModels(const m1::ModelSettings &models);
    // Starts, reconfigures or stops the engine's WhatsApp webhook server; webhookStatusChanged follows.
    void setWebhook(const m1::WebhookSettings &settings);
    ModelStatus modelStatus() const { return m_modelStatus; }
    WebhookStatus webhookStatus() const { return m_webhookStatus; }

Q_SIGNALS:
    void loadingStarted();
    void snapshotReady(m1::EngineSnapshotPtr snapshot);
    void storeChanged(const QString &description, const QString &error);
    void searchFinished(quint64 requestId, const m1::SearchResult &result);
    void searchRebuilt(m1::EngineSnapshotPtr snapshot);
    void metricsReady(const m1::MetricsSnapshot &snapshot);
    void logsReady(const QList<m1::LogRecord> &records);
    void simulatorReplied(const m1::OutboundMessage &message);
    void simulatorTurnFinished(const m1::SimulatorTurn &turn);
    void simulatorStatusChanged(const m1::SimulatorStatus &status);
    void modelsChanged(const m1::ModelStatus &status);
    void webhookStatusChanged(const m1::WebhookStatus &status);

private:
    QThread m_thread;
    Engine *m_engine = nullptr; // owned by m_thread's lifetime; deleted there
    EngineSnapshotPtr m_snapshot;
    quint64 m_lastSearchId = 0;
    SimulatorStatus m_simulatorStatus;
    ModelStatus m_modelStatus;
    WebhookStatus m_webhookStatus;
};

} // namespace m1
