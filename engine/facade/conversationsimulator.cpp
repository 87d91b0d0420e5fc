#include "facade/conversationsimulator.h"

#include "agent/httptoolexecutor.h"
#include "agent/planner.h"
#include "agent/sandboxexecutor.h"
#include "core/clock.h"
#include "core/logcategories.h"
#include "core/metricsregistry.h"
#include "conversation/conversationkeys.h"
#include "facade/cancellableexecutor.h"
#include "search/searchengine.h"
#include "facade/signalsink.h"
#include "facade/threadcountingstore.h"
#include "net/networkclients.h"
#include "pipeline/botpipeline.h"
#include "pipeline/inboundqueue.h"

#include <QPointer>
#include <QTimer>

namespace m1 {

// One assembled pipeline and everything it points into; destroyed only after it stopped.
struct ConversationSimulator::Assembly
{
    Assembly(quint64 gen, EngineSnapshotPtr snap, KeyValueStore &inner, SimulatorBackend chosen, const Clock &clock,
             MetricsRegistry &metrics)
        : generation(gen), backend(chosen), snapshot(std::move(snap)), store(inner)
    {
        if (backend == SimulatorBackend::Live) {
            AuthConfig auth;
            // The backend's token comes from the environment, as for `m1bot serve`.
            if (const QString token = qEnvironmentVariable("M1_API_TOKEN"); !token.isEmpty())
                auth.setDefault(AuthCredentials::bearer(token));
            innerExecutor = std::make_unique<HttpToolExecutor>(network, clock, auth, HttpExecutorOptions {}, &metrics);
        } else {
            innerExecutor = std::make_unique<SandboxExecutor>(clock);
        }
        executor = std::make_unique<CancellableExecutor>(*innerExecutor);
    }

    const quint64 generation;
    const SimulatorBackend backend;
    const EngineSnapshotPtr snapshot; // keeps the registry and search the pipeline points into
    ThreadCountingStore store;
    SignalSink sink;
    NetworkClients network; // before the executor: it must outlive it
    std::unique_ptr<ToolExecutor> innerExecutor;
    std::unique_ptr<CancellableExecutor> executor;
    std::unique_ptr<BotPipeline> pipeline;
    int pushesInFlight = 0;
};

struct ConversationSimulator::Profiles
{
    QMutex mutex;
    QHash<QString, UserProfile> byPhone;
};

ConversationSimulator::ConversationSimulator(const Clock &clock, MetricsRegistry &metrics, Planner *planner,
                                             QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_metrics(metrics)
    , m_planner(planner)
    , m_pushed(metrics.counter(QStringLiteral("m1_simulator_messages_total"), QStringLiteral("Messages the simulator queued")))
    , m_turnCommands(metrics.counter(QStringLiteral("m1_simulator_turn_store_commands_total"),
                                     QStringLiteral("Store commands of simulated turns (on their workers)")))
    , m_turnRoundTrips(metrics.counter(QStringLiteral("m1_simulator_turn_store_round_trips_total"),
                                       QStringLiteral("Store round trips of simulated turns (on their workers)")))
    , m_workersGauge(metrics.gauge(QStringLiteral("m1_simulator_workers"), QStringLiteral("Worker lanes of the simulator")))
    , m_endToEnd(metrics.histogram(QStringLiteral("m1_simulator_e2e_latency"),
                                   QStringLiteral("Simulated message from queue push to the end of its turn")))
    , m_profiles(std::make_shared<Profiles>())
{
    qRegisterMetaType<m1::SimulatorTurn>();
    qRegisterMetaType<m1::SimulatorStatus>();
    m_jobs.setMaxThreadCount(1);
    m_jobs.setObjectName(QStringLiteral("m1-simulator-jobs"));
}

ConversationSimulator::~ConversationSimulator()
{
    // shutdown() is the orderly way out; this is the last resort (a memory store, or tests).
    m_jobs.waitForDone();
    if (m_assembly) {
        m_assembly->executor->cancelAll();
        m_assembly->pipeline->stop();
    }
}

void ConversationSimulator::setSnapshot(EngineSnapshotPtr snapshot)
{
    if (!snapshot || !snapshot->registry)
        return;
    if (!snapshot->search) {
        m_error = QStringLiteral("the tools have no search: ") + snapshot->searchError;
        publishStatus();
        return;
    }
    if (m_snapshot && m_snapshot->registry == snapshot->registry && m_snapshot->search == snapshot->search)
        return;
    m_snapshot = std::move(snapshot);
    ++m_generation;
    reconcile();
}

void ConversationSimulator::setStore(KeyValueStore *store)
{
    m_store = store;
    ++m_generation;
    reconcile();
}

void ConversationSimulator::setBackend(SimulatorBackend backend)
{
    if (backend == m_backend)
        return;
    m_backend = backend;
    ++m_generation;
    reconcile();
}

void ConversationSimulator::send(const InboundMessage &message, const UserProfile &profile)
{
    if (m_shuttingDown)
        return;
    // The first message starts the workers; one after a failed start tries again.
    if (!m_wanted || m_failedGeneration == m_generation) {
        m_wanted = true;
        ++m_generation;
    }
    {
        QMutexLocker lock(&m_profiles->mutex);
        m_profiles->byPhone.insert(message.from, profile);
    }
    if (m_phase == Phase::Running && m_assembly->generation == m_generation) {
        push(message);
        return;
    }
    if (m_waiting.size() >= kMaxWaiting) {
        qCWarning(lcEngine) << "simulator: not running and" << kMaxWaiting << "messages waiting; dropped one";
        return;
    }
    m_waiting.append({message, profile});
    reconcile();
}

void ConversationSimulator::resetConversation(const QString &phone)
{
    if (!m_store || phone.isEmpty())
        return;
    m_store->pipeline({RedisCommand::of("DEL", ConversationKeys::state(phone), ConversationKeys::history(phone))});
}

void ConversationSimulator::push(const InboundMessage &message)
{
    {
        QMutexLocker lock(&m_pushedAtMutex);
        // Entries of messages that never got a turn (duplicates, rate-limited) must not pile up.
        if (m_pushedAtNs.size() > 10'000)
            m_pushedAtNs.clear();
        m_pushedAtNs.insert(message.messageId, m_clock.monotonicNs());
    }
    m_pushed.add();
    Assembly *assembly = m_assembly.get();
    ++assembly->pushesInFlight;
    assembly->pipeline->queue()
            .push(message)
            .then(this,
                  [this, assembly](const EnqueueResult &result) {
                      --assembly->pushesInFlight;
                      if (!result.ok) {
                          m_error = QStringLiteral("could not queue a message: ") + result.error;
                          publishStatus();
                      }
                  })
            .onCanceled(this, [assembly] { --assembly->pushesInFlight; });
}

void ConversationSimulator::onTurn(const InboundMessage &message, const TurnTrace &trace)
{
    // On the lane's thread: what this thread sent to the store since its last turn is this turn's.
    SimulatorTurn turn;
    turn.message = message;
    turn.trace = trace;
    std::tie(turn.storeCommands, turn.storeRoundTrips) = ThreadCountingStore::takeThreadCounts();
    m_turnCommands.add(turn.storeCommands);
    m_turnRoundTrips.add(turn.storeRoundTrips);
    {
        QMutexLocker lock(&m_pushedAtMutex);
        const auto it = m_pushedAtNs.constFind(message.messageId);
        if (it != m_pushedAtNs.constEnd()) {
            const qint64 ns = m_clock.monotonicNs() - *it;
            m_endToEnd.record(ns);
            turn.endToEndUs = ns / 1000;
            m_pushedAtNs.erase(it);
        }
    }
    // No message text and only the end of the number: logs leave the machine more easily.
    qCInfo(lcEngine).noquote() << QString(QStringLiteral("simulator turn of ") + ConversationKeys::redact(message.from) + u':')
                               << trace.action
                               << (trace.chosenToolId.isEmpty() ? QStringLiteral("-") : trace.chosenToolId) << '|'
                               << turn.storeRoundTrips << "round trips," << turn.storeCommands << "commands,"
                               << turn.endToEndUs << "µs queue to end";
    Q_EMIT turnFinished(turn);
}

void ConversationSimulator::reconcile()
{
    if (m_phase == Phase::Starting || m_phase == Phase::Stopping)
        return; // the transition calls back here when it is done
    if (m_phase == Phase::Running) {
        if (m_shuttingDown || m_assembly->generation != m_generation)
            stopAssembly();
        return;
    }
    const bool complete = m_store && m_snapshot && m_wanted;
    if (m_shuttingDown || !complete || m_failedGeneration == m_generation) {
        runIdleCallbacks();
        publishStatus();
        return;
    }
    startAssembly();
}

void ConversationSimulator::startAssembly()
{
    m_phase = Phase::Starting;
    m_assembly = std::make_unique<Assembly>(m_generation, m_snapshot, *m_store, m_backend, m_clock, m_metrics);
    Assembly &a = *m_assembly;
    BotPipelineOptions options;
    options.workers.workers = kWorkers;
    options.workers.pollMs = 20;
    // A stream and group of its own: a production `m1bot serve` on the same Redis never sees
    // simulated messages, nor the simulator real ones.
    options.stream = QByteArrayLiteral("m1:sim:inbound");
    options.group = QByteArrayLiteral("m1:sim:workers");
    options.workers.consumer = QByteArrayLiteral("m1-console");
    a.pipeline = std::make_unique<BotPipeline>(
            BotPipelineParts {*a.snapshot->registry, *a.snapshot->search, a.store, a.sink, *a.executor, m_clock, m_metrics,
                              m_planner},
            options);
    a.pipeline->setProfileLookup([profiles = m_profiles](const QString &phone) {
        QMutexLocker lock(&profiles->mutex);
        return profiles->byPhone.value(phone);
    });
    a.pipeline->setTraceHandler([this](const InboundMessage &m, const TurnTrace &t) { onTurn(m, t); });
    connect(&a.sink, &SignalSink::sent, this, &ConversationSimulator::replied);
    publishStatus();

    QPointer<ConversationSimulator> self(this);
    BotPipeline *pipeline = a.pipeline.get();
    m_jobs.start([self, pipeline] {
        const QString error = pipeline->start(); // waits on the store: never on the engine thread
        QMetaObject::invokeMethod(
                self.data(), [self, error] { self->onStarted(error); }, Qt::QueuedConnection);
    });
}

void ConversationSimulator::onStarted(const QString &error)
{
    if (!error.isEmpty()) {
        qCWarning(lcEngine).noquote() << "simulator: the pipeline did not start:" << error;
        m_error = error;
        m_failedGeneration = m_assembly->generation;
        m_assembly.reset();
        m_phase = Phase::Idle;
        reconcile();
        return;
    }
    m_error.clear();
    m_phase = Phase::Running;
    m_workersGauge.set(kWorkers);
    qCInfo(lcEngine).noquote() << "simulator: running on" << m_assembly->store.description();
    publishStatus();
    if (m_assembly->generation == m_generation && !m_shuttingDown) {
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &[message, profile] : waiting)
            send(message, profile);
    }
    reconcile();
}

void ConversationSimulator::stopAssembly()
{
    m_phase = Phase::Stopping;
    m_workersGauge.set(0);
    if (m_shuttingDown)
        m_assembly->executor->cancelAll();
    publishStatus();
    QPointer<ConversationSimulator> self(this);
    BotPipeline *pipeline = m_assembly->pipeline.get();
    m_jobs.start([self, pipeline] {
        pipeline->stop(); // joins the lanes, which may wait on the store: never on the engine thread
        QMetaObject::invokeMethod(
                self.data(), [self] { self->onStopped(); }, Qt::QueuedConnection);
    });
}

void ConversationSimulator::onStopped()
{
    // A push still waiting for its reply refers to the assembly's queue: let it land first.
    // (Bounded: a store that never answers must not keep the simulator from stopping.)
    if (m_assembly && m_assembly->pushesInFlight > 0 && ++m_stopWaits < 400) {
        QTimer::singleShot(5, this, &ConversationSimulator::onStopped);
        return;
    }
    m_stopWaits = 0;
    m_assembly.reset();
    m_phase = Phase::Idle;
    reconcile();
}

void ConversationSimulator::shutdown(std::function<void()> done)
{
    m_shuttingDown = true;
    m_waiting.clear();
    if (m_assembly)
        m_assembly->executor->cancelAll();
    whenIdle(std::move(done));
    reconcile();
}

void ConversationSimulator::whenIdle(std::function<void()> done)
{
    if (m_phase == Phase::Idle && !m_assembly) {
        done();
        return;
    }
    m_idleCallbacks.append(std::move(done));
}

void ConversationSimulator::runIdleCallbacks()
{
    const auto callbacks = std::exchange(m_idleCallbacks, {});
    for (const auto &callback : callbacks)
        callback();
}

SimulatorStatus ConversationSimulator::status() const
{
    SimulatorStatus s;
    s.ready = m_phase == Phase::Running;
    s.idle = !m_wanted && m_error.isEmpty();
    s.error = m_error;
    s.backend = m_backend;
    s.workers = m_phase == Phase::Running ? kWorkers : 0;
    s.store = m_store ? m_store->description() : QString();
    if (m_planner)
        s.planner = m_planner->name();
    if (m_snapshot && m_snapshot->search) {
        const SearchEngineInfo &info = m_snapshot->search->info();
        s.embedding = QStringLiteral("%1-d vectors, %2 index").arg(info.dimension).arg(info.indexKind);
    }
    return s;
}

void ConversationSimulator::publishStatus()
{
    Q_EMIT statusChanged(status());
}

} // namespace m1
