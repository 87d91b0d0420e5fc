#pragma once

// The console's WhatsApp webhook inside the engine: when enabled, a BotServer — the very
// assembly `m1bot serve` runs — listens on its own thread and feeds the production stream
// (m1:inbound) through the real queue and worker lanes; replies go out through the Graph API.
// Lives on the engine's thread and never blocks it: starting and stopping run on the webhook
// thread and report back. Like the simulator, it (re)assembles itself when its inputs change —
// the tools and their search, the store, the settings — and a start that failed (a port in
// use, a missing secret) is not retried until one of them changes.

#include "facade/enginesnapshot.h"
#include "facade/webhooksettings.h"
#include "facade/webhookstatus.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <functional>

namespace m1 {

class Clock;
class KeyValueStore;
class MetricsRegistry;
class Planner;
class WebhookRunner;

class WebhookHost : public QObject
{
    Q_OBJECT

public:
    // planner (not owned) must outlive this; it is called from the worker lanes.
    WebhookHost(const Clock &clock, MetricsRegistry &metrics, Planner *planner, QObject *parent = nullptr);
    ~WebhookHost() override;

    // Snapshots without a search are ignored; a new registry or search restarts a running server.
    void setSnapshot(m1::EngineSnapshotPtr snapshot);
    // null: no store (a running server stops). Not owned; valid until whenIdle() says so.
    void setStore(KeyValueStore *store);
    void setSettings(const m1::WebhookSettings &settings);
    // Stops for good (tool calls in flight cancelled), then calls `done` on this thread.
    void shutdown(std::function<void()> done);
    // Calls `done` once no server runs (at once when none does).
    void whenIdle(std::function<void()> done);
    WebhookStatus status() const;

Q_SIGNALS:
    void statusChanged(const m1::WebhookStatus &status);

private:
    enum class Phase { Idle, Starting, Running, Stopping };

    void reconcile();
    void startServer();
    void onStarted(quint64 generation, const QString &error, const QString &url);
    void onStopped();
    QString settingsProblem() const;
    QString configuredAddress() const;
    void publishStatus();

    const Clock &m_clock;
    MetricsRegistry &m_metrics;
    Planner *m_planner;
    QThread m_thread;
    WebhookRunner *m_runner; // lives on m_thread; deleted when it finishes

    EngineSnapshotPtr m_snapshot; // with a search
    KeyValueStore *m_store = nullptr;
    WebhookSettings m_settings;
    quint64 m_generation = 0; // bumped by every input change
    quint64 m_runningGeneration = 0;
    quint64 m_failedGeneration = ~quint64(0);
    Phase m_phase = Phase::Idle;
    bool m_shuttingDown = false;
    QString m_error;
    QString m_url;
    QList<std::function<void()>> m_idleCallbacks;
};

} // namespace m1
