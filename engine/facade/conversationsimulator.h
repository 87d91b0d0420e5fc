#pragma once

// The console's conversation simulator inside the engine: a BotPipeline whose replies go to a
// signal instead of the Graph API. Messages go through the real queue and worker lanes; each
// turn's trace comes back with its store traffic and queue-to-end time. Lives on the engine's
// thread; starting and stopping the pipeline (which wait on the store) run on a job thread of
// its own, so the engine's event loop keeps serving the store meanwhile.
//
// It starts with the first message (until then it costs nothing, not even queue polling) and
// (re)assembles itself when its inputs change — the loaded snapshot and its search, the
// store, dry run or live — and holds messages sent while it is not running (bounded) until it is.

#include "agent/userprofile.h"
#include "channel/inboundmessage.h"
#include "channel/outboundmessage.h"
#include "facade/enginesnapshot.h"
#include "facade/simulatorstatus.h"
#include "facade/simulatorturn.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace m1 {

class Clock;
class Counter;
class Gauge;
class KeyValueStore;
class LatencyHistogram;
class MetricsRegistry;
class Planner;

class ConversationSimulator : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxWaiting = 2000; // messages held while the pipeline is not running
    static constexpr int kWorkers = 5;

    // planner (not owned; null: the orchestrator's own rules) must outlive this.
    ConversationSimulator(const Clock &clock, MetricsRegistry &metrics, Planner *planner = nullptr,
                          QObject *parent = nullptr);
    ~ConversationSimulator() override;

    // Tools and search to run with (the snapshot's search); reassembles when they changed.
    void setSnapshot(EngineSnapshotPtr snapshot);
    // null: no store (the pipeline stops). Not owned; must stay valid until whenIdle() says so.
    void setStore(KeyValueStore *store);
    void setBackend(SimulatorBackend backend);
    // Pushes to the inbound queue as `profile` (remembered for the phone: the workers look it up).
    void send(const InboundMessage &message, const UserProfile &profile);
    // Forgets the phone's conversation (state and history) in the store: the next message
    // starts a new one. Queued behind what was sent before, on the same connection.
    void resetConversation(const QString &phone);

    // Stops for good: cancels tool calls in flight, stops the pipeline (off this thread), then
    // calls `done` on this object's thread.
    void shutdown(std::function<void()> done);
    // Calls `done` once no pipeline runs (at once when none does).
    void whenIdle(std::function<void()> done);
    SimulatorStatus status() const;

Q_SIGNALS:
    void replied(const m1::OutboundMessage &message);
    void turnFinished(const m1::SimulatorTurn &turn);
    void statusChanged(const m1::SimulatorStatus &status);

private:
    struct Assembly;
    struct Profiles;
    enum class Phase { Idle, Starting, Running, Stopping };

    void reconcile();
    void startAssembly();
    void stopAssembly();
    void onStarted(const QString &error);
    void onStopped();
    void push(const InboundMessage &message);
    void onTurn(const InboundMessage &message, const TurnTrace &trace);
    void publishStatus();
    void runIdleCallbacks();

    const Clock &m_clock;
    MetricsRegistry &m_metrics;
    Planner *m_planner;
    Counter &m_pushed;
    Counter &m_turnCommands;
    Counter &m_turnRoundTrips;
    Gauge &m_workersGauge;
    LatencyHistogram &m_endToEnd;
    QThreadPool m_jobs; // one thread: pipeline start and stop, in order

    EngineSnapshotPtr m_snapshot; // with a search (snapshots without one are not taken)
    KeyValueStore *m_store = nullptr;
    SimulatorBackend m_backend = SimulatorBackend::DryRun;
    quint64 m_generation = 0; // bumped by every input change
    quint64 m_failedGeneration = ~quint64(0); // inputs that failed to start: not retried until they change
    bool m_shuttingDown = false;
    bool m_wanted = false; // a message was sent: from then on the pipeline runs
    QString m_error;
    int m_stopWaits = 0; // onStopped() retries while pushes are still in flight

    Phase m_phase = Phase::Idle;
    std::unique_ptr<Assembly> m_assembly;
    std::shared_ptr<Profiles> m_profiles;
    QList<QPair<InboundMessage, UserProfile>> m_waiting;
    QList<std::function<void()>> m_idleCallbacks;

    // Queue push times by message id, read on the lanes' threads.
    QMutex m_pushedAtMutex;
    QHash<QString, qint64> m_pushedAtNs;
};

} // namespace m1
