#pragma once
// The serve runtime in-process for end-to-end tests: the bundled demo's tools and search, a
// RedisStore on a test redis-server, the sandbox executor, a BotService listening on a free
// loopback port and a FakeGraphApiServer capturing its replies — all on this thread's event
// loop except the workers (their own threads) and the Redis I/O thread. The fault and security
// tests' FaultHarness is this runtime with parts swapped in (ServeSetup) and the log captured.
#include "agent/sandboxexecutor.h"
#include "cli/spinuntil.h"
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "facade/bundledresources.h"
#include "facade/engineconfig.h"
#include "facade/searchfactory.h"
#include "net/networkclients.h"
#include "pipeline/botservice.h"
#include "pipeline/inboundqueue.h"
#include "redistestserver.h"
#include "registry/registryloader.h"
#include "store/redisstore.h"
#include "testsupport/fakegraphapiserver.h"

#include <QMutex>
#include <QTest>

#include <functional>
#include <memory>

namespace m1 {

// The secrets the webhook checks and the workers' consumer name: each suite has its own.
struct ServeIdentity
{
    QByteArray appSecret;
    QString verifyToken;
    QByteArray consumer;
};

// What a test swaps into the runtime.
struct ServeSetup
{
    int workers = 3;
    ToolExecutor *executor = nullptr; // null: the sandbox
    Planner *planner = nullptr; // null: the rules
    std::function<void(BotServiceOptions &)> adjust; // last word on the options
    // Gets the pipeline before it starts (to attach the SQL store, say), with the harness's
    // trace handler already set.
    std::function<void(BotPipeline &)> beforeStart;
};

class ServeHarness
{
public:
    static QByteArray appSecret() { return QByteArrayLiteral("e2e-app-secret-6b1f0c9d2a7e4f3b"); }
    static QString verifyToken() { return QStringLiteral("e2e-verify-token-51c0"); }

    struct Turn
    {
        InboundMessage message;
        TurnTrace trace;
    };

    explicit ServeHarness(RedisTestServer &redis,
                          ServeIdentity identity = { appSecret(), verifyToken(), QByteArrayLiteral("e2e-in-process") })
        : m_identity(std::move(identity))
        , m_metrics(m_clock)
        , m_store(std::make_unique<RedisStore>(redis.tcpUrl(), m_metrics, m_clock))
        , m_registry(RegistryLoader().load({ BundledResources::demoSpec() }))
        , m_sandbox(m_clock)
    {
    }

    ~ServeHarness()
    {
        m_service.reset(); // before the store, sender network and fake it talks to
    }

    // "" once the service listens. `beforeStart` gets the pipeline first (to attach the SQL
    // store, say), with the harness's trace handler already set.
    QString start(int workers = 3, const std::function<void(BotPipeline &)> &beforeStart = {})
    {
        ServeSetup setup;
        setup.workers = workers;
        setup.beforeStart = beforeStart;
        return start(setup);
    }
    QString start(const ServeSetup &setup)
    {
        m_search = SearchFactory::build(EngineConfig {}, m_registry, m_clock);
        if (!m_search.engine)
            return m_search.error;
        QString error;
        if (!m_graph.listen(&error))
            return error;
        if (!QTest::qWaitFor([this] { return m_store->isConnected(); }, 10'000))
            return QStringLiteral("redis did not connect: ") + m_store->lastError();
        BotServiceOptions o;
        o.webhook.port = 0;
        o.webhook.appSecret = m_identity.appSecret;
        o.webhook.verifyToken = m_identity.verifyToken;
        o.sender = GraphApiSenderOptions::fromConfig(m_graph.config());
        o.sender.messagesPerSecond = 1'000;
        o.pipeline.workers.workers = setup.workers;
        o.pipeline.workers.pollMs = 5;
        o.pipeline.workers.consumer = m_identity.consumer;
        o.queueSampleMs = 200;
        if (setup.adjust)
            setup.adjust(o);
        m_service = std::make_unique<BotService>(
            BotServiceParts { m_registry, *m_search.engine, *m_store, setup.executor ? *setup.executor : m_sandbox,
                              m_network, m_clock, m_metrics, setup.planner, nullptr },
            o);
        m_service->pipeline().setTraceHandler(traceRecorder());
        if (setup.beforeStart)
            setup.beforeStart(m_service->pipeline());
        return m_service->start();
    }

    // What turns() is fed by, for callers that set a trace handler of their own.
    TraceHandler traceRecorder()
    {
        return [this](const InboundMessage &m, const TurnTrace &t) {
            QMutexLocker lock(&m_mutex);
            m_turns.append({ m, t });
        };
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:") + QString::number(m_service->port()) + path);
    }
    QUrl webhookUrl() const { return url(QStringLiteral("/webhook")); }

    // Replies the fake Graph API received for one user (mark-as-read requests left out).
    QList<QJsonObject> repliesTo(const QString &phone) const
    {
        QList<QJsonObject> out;
        for (const FakeGraphApiServer::Request &r : m_graph.requests()) {
            if (r.json.value(QStringLiteral("to")).toString() == phone)
                out.append(r.json);
        }
        return out;
    }

    QList<Turn> turns() const
    {
        QMutexLocker lock(&m_mutex);
        return m_turns;
    }
    std::optional<Turn> turnFor(const QString &messageId) const
    {
        for (const Turn &t : turns()) {
            if (t.message.messageId == messageId)
                return t;
        }
        return std::nullopt;
    }

    // One command on the store, waiting with this thread's event loop running.
    RedisReply run(const RedisCommand &command)
    {
        QFuture<RedisReply> f = m_store->command(command);
        (void)spinUntil([&f] { return f.isFinished(); }, 10'000);
        return f.isFinished() ? f.result() : RedisReply::transportError(QStringLiteral("timed out"));
    }

    // Lets the workers drain the stream, keeping this thread's loop (sender, webhook) running.
    bool settle(int timeoutMs = 30'000)
    {
        // An entry leaves the stream (XDEL) only in the round trip that saves its turn, after
        // its replies were sent: an empty stream means every accepted message was answered.
        return spinUntil(
            [this] {
                const RedisReply r = run(RedisCommand::of("XLEN", InboundQueue::defaultStream()));
                return !r.isError() && r.integer() == 0;
            },
            timeoutMs);
    }

    BotService &service() { return *m_service; }
    FakeGraphApiServer &graph() { return m_graph; }
    const FakeGraphApiServer &graph() const { return m_graph; }
    MetricsRegistry &metrics() { return m_metrics; }
    RedisStore &store() { return *m_store; }
    NetworkClients &network() { return m_network; }
    const Clock &clock() const { return m_clock; }
    const ToolRegistry &registry() const { return m_registry; }

private:
    ServeIdentity m_identity;
    SystemClock m_clock;
    MetricsRegistry m_metrics;
    std::unique_ptr<RedisStore> m_store;
    ToolRegistry m_registry;
    SearchSetup m_search;
    SandboxExecutor m_sandbox;
    NetworkClients m_network;
    FakeGraphApiServer m_graph;
    std::unique_ptr<BotService> m_service;
    mutable QMutex m_mutex;
    QList<Turn> m_turns;
};

} // namespace m1
