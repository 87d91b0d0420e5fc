#pragma once
// The serve runtime in-process for the fault-injection and security tests: the bundled demo's
// tools and search, a RedisStore on a test redis-server, a BotService on a free loopback port and
// a FakeGraphApiServer capturing its replies, like the e2e ServeHarness — but with the parts a
// fault needs swapped in (the tool executor, the planner, the sender's retries, the rate limit)
// and every log line captured (redacted, as serve writes them) for the assertions.
#include "agent/sandboxexecutor.h"
#include "core/clock.h"
#include "core/logsink.h"
#include "core/metricsregistry.h"
#include "facade/bundledresources.h"
#include "facade/engineconfig.h"
#include "facade/searchfactory.h"
#include "net/networkclients.h"
#include "outcomeledger.h"
#include "pipeline/botservice.h"
#include "pipeline/inboundqueue.h"
#include "redistestserver.h"
#include "spinuntil.h"
#include "registry/registryloader.h"
#include "store/redisstore.h"
#include "testsupport/fakegraphapiserver.h"

#include <QMutex>
#include <QRegularExpression>
#include <QTest>

#include <functional>
#include <memory>

namespace m1 {

// What a fault test swaps into the runtime.
struct FaultSetup
{
    int workers = 4;
    ToolExecutor *executor = nullptr; // null: the sandbox
    Planner *planner = nullptr; // null: the rules
    std::function<void(BotServiceOptions &)> adjust; // last word on the options
};

class FaultHarness
{
public:
    static QByteArray appSecret() { return QByteArrayLiteral("faults-app-secret-3c9e1a7b5d20f846"); }
    static QString verifyToken() { return QStringLiteral("faults-verify-token-77e2"); }

    using Setup = FaultSetup;

    explicit FaultHarness(RedisTestServer &redis)
        : m_logs(m_clock, logOptions())
        , m_metrics(m_clock)
        , m_store(std::make_unique<RedisStore>(redis.tcpUrl(), m_metrics, m_clock))
        , m_registry(RegistryLoader().load({ BundledResources::demoSpec() }))
        , m_sandbox(m_clock)
    {
    }
    ~FaultHarness() { m_service.reset(); }

    // "" once the service listens.
    QString start(const Setup &setup = {})
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
        o.webhook.appSecret = appSecret();
        o.webhook.verifyToken = verifyToken();
        o.sender = GraphApiSenderOptions::fromConfig(m_graph.config());
        o.sender.messagesPerSecond = 1'000;
        o.pipeline.workers.workers = setup.workers;
        o.pipeline.workers.pollMs = 5;
        o.pipeline.workers.consumer = QByteArrayLiteral("faults-in-process");
        o.pipeline.croatianCatalogue.clear(); // English phrases
        o.queueSampleMs = 200;
        if (setup.adjust)
            setup.adjust(o);
        m_service = std::make_unique<BotService>(
            BotServiceParts { m_registry, *m_search.engine, *m_store, setup.executor ? *setup.executor : m_sandbox,
                              m_network, m_clock, m_metrics, setup.planner, nullptr },
            o);
        return m_service->start();
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:") + QString::number(m_service->port()) + path);
    }
    QUrl webhookUrl() const { return url(QStringLiteral("/webhook")); }

    RedisReply run(const RedisCommand &command)
    {
        QFuture<RedisReply> f = m_store->command(command);
        (void)spinUntil([&f] { return f.isFinished(); }, 10'000);
        return f.isFinished() ? f.result() : RedisReply::transportError(QStringLiteral("timed out"));
    }
    // Every accepted message handled: nothing left in the stream, nothing pending.
    bool settle(int timeoutMs = 60'000)
    {
        return spinUntil(
            [this] {
                const RedisReply r = run(RedisCommand::of("XLEN", InboundQueue::defaultStream()));
                return !r.isError() && r.integer() == 0;
            },
            timeoutMs);
    }
    QList<QJsonObject> records(const QByteArray &stream)
    {
        return OutcomeLedger::records(run(RedisCommand::of("XRANGE", stream, "-", "+")));
    }
    QHash<QString, int> repliesByPhone() const { return OutcomeLedger::repliesByPhone(m_graph); }
    OutcomeTally tally(const QList<std::pair<QString, QString>> &messages)
    {
        return OutcomeLedger::tally(messages, repliesByPhone(),
                                    OutcomeLedger::countByMessage(records("m1:failed")),
                                    OutcomeLedger::countByMessage(records("m1:dropped")));
    }

    quint64 counter(const QString &name) { return m_metrics.counter(name).value(); }
    QString prometheus() const { return m_metrics.prometheusText(); }
    // Captured log records (redacted) whose message matches.
    int logLines(const QRegularExpression &pattern) const
    {
        int n = 0;
        for (const LogRecord &r : m_logs.recent())
            n += pattern.match(r.message).hasMatch() ? 1 : 0;
        return n;
    }
    QString logText() const
    {
        QString out;
        for (const LogRecord &r : m_logs.recent())
            out += r.category + QStringLiteral(": ") + r.message + u'\n';
        return out;
    }

    BotService &service() { return *m_service; }
    FakeGraphApiServer &graph() { return m_graph; }
    MetricsRegistry &metrics() { return m_metrics; }
    RedisStore &store() { return *m_store; }
    NetworkClients &network() { return m_network; }
    const Clock &clock() const { return m_clock; }
    const ToolRegistry &registry() const { return m_registry; }

private:
    static LogSinkOptions logOptions()
    {
        LogSinkOptions o;
        o.ringCapacity = 200'000;
        o.secrets = { QString::fromUtf8(appSecret()), verifyToken() };
        return o;
    }

    SystemClock m_clock;
    LogSink m_logs;
    MetricsRegistry m_metrics;
    std::unique_ptr<RedisStore> m_store;
    ToolRegistry m_registry;
    SearchSetup m_search;
    SandboxExecutor m_sandbox;
    NetworkClients m_network;
    FakeGraphApiServer m_graph;
    std::unique_ptr<BotService> m_service;
};

} // namespace m1
