#include "cli/e2ebench.h"

#include "cli/benchstats.h"
#include "cli/redislatencymonitor.h"
#include "cli/replytimer.h"
#include "cli/schedulingprobe.h"
#include "cli/spinuntil.h"
#include "cli/webhookloadclient.h"

#include "agent/sandboxexecutor.h"
#include "conversation/conversationkeys.h"
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "facade/enginestore.h"
#include "facade/searchfactory.h"
#include "facade/sqlpersistence.h"
#include "net/networkclients.h"
#include "pipeline/botservice.h"
#include "registry/registryloader.h"
#include "store/countingstore.h"
#include "store/sqlbatchwriter.h"
#include "store/sqldatabase.h"
#include "testsupport/fakegraphapiserver.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QThread>

#include <atomic>
#include <sys/resource.h>
#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

const QByteArray kSecret = "bench-app-secret-5f0e1d2c3b4a"_ba;
// A mix of what users write: a read that runs at once, a booking that asks a question, Croatian.
const QStringList kTexts { u"show the fleet utilization report"_s, u"book a pool car tomorrow 8-12"_s,
                           u"koliko km ima moj auto"_s };
// How often the bench's waits look: often, so a finished phase ends its wait promptly.
constexpr int kPollMs = 5;

struct Phase
{
    QStringList phones;
    QStringList messageIds;
    std::vector<WebhookLoadClient::Outcome> posts;
    std::vector<qint64> replies;
    qint64 startedNs = 0;
};

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

// User + system CPU time of this process so far.
double processCpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto toMs = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return toMs(usage.ru_utime) + toMs(usage.ru_stime);
}

} // namespace

bool E2eBench::run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx)
{
    const auto complain = [&](const QString &why) {
        ctx.err << ctx.program << u" bench: e2e: "_s << why << Qt::endl;
        return false;
    };
    SystemClock clock;
    MetricsRegistry metrics(clock);
    QString error;
    std::unique_ptr<StoreBackend> backend = EngineStore::open(settings.config, clock, metrics, nullptr, &error);
    if (!backend)
        return complain(u"--store: "_s + error);
    if (!spinUntil([&] { return backend->ready().isFinished(); }, 30'000, kPollMs) || !backend->ready().result().isEmpty())
        return complain(u"the store did not start: "_s
                        + (backend->ready().isFinished() ? backend->ready().result() : u"timed out"_s));
    CountingStore store(backend->store());

    const ToolRegistry registry = RegistryLoader().load(settings.config.effectiveSpecSources());
    const SearchSetup search = SearchFactory::build(settings.config, registry, clock);
    if (!search.engine)
        return complain(u"search could not be built: "_s + search.error);

    // The fake Graph API and the load client get threads of their own: on this one they would
    // compete with the webhook and the sender they are measuring.
    QThread graphThread;
    graphThread.setObjectName(u"bench-graph"_s);
    graphThread.start();
    QObject graphAnchor;
    graphAnchor.moveToThread(&graphThread);
    FakeGraphApiServer *graph = nullptr;
    std::atomic<ReplyTimer *> timer { nullptr };
    QString listenError;
    QMetaObject::invokeMethod(
        &graphAnchor,
        [&] {
            graph = new FakeGraphApiServer;
            if (!graph->listen(&listenError))
                return;
            QObject::connect(graph, &FakeGraphApiServer::requestReceived, graph,
                             [&, g = graph](int index) {
                                 if (ReplyTimer *t = timer.load())
                                     t->record(g->requests().at(index).json.value(u"to"_s).toString(),
                                               clock.monotonicNs());
                             });
        },
        Qt::BlockingQueuedConnection);
    const auto cleanupGraph = qScopeGuard([&] {
        QMetaObject::invokeMethod(&graphAnchor, [&] { delete graph; }, Qt::BlockingQueuedConnection);
        graphThread.quit();
        graphThread.wait();
    });
    if (!listenError.isEmpty())
        return complain(listenError);
    WhatsAppConfig whatsapp;
    QMetaObject::invokeMethod(&graphAnchor, [&] { whatsapp = graph->config(); }, Qt::BlockingQueuedConnection);

    SandboxExecutor sandbox(clock);
    // With a database in the config, every message, reply and tool outcome is logged to it as
    // `m1bot serve` does (the batch writer's thread included in what is measured).
    std::unique_ptr<SqlPersistence> sql;
    if (!settings.config.database.isEmpty()) {
        const std::optional<SqlUrl> url = SqlUrl::parse(
            settings.config.database, SqlUrl::defaultSqlitePath(EngineStore::dataDir(settings.config)), &error);
        if (url)
            sql = SqlPersistence::open(*url, clock, &error);
        if (!sql)
            return complain(u"database: "_s + error);
    }
    NetworkClients network;
    BotServiceOptions options;
    options.webhook.port = 0;
    options.webhook.appSecret = kSecret;
    options.webhook.verifyToken = u"bench"_s;
    options.sender = GraphApiSenderOptions::fromConfig(whatsapp);
    // Meta allows 80 messages/s per business number by default; the bench measures the engine.
    options.sender.messagesPerSecond = 1e6;
    options.pipeline.workers.workers = settings.e2eWorkers;
    options.pipeline.workers.consumer = "bench-" + QByteArray::number(QCoreApplication::applicationPid());
    // Its own stream and group: a `serve` sharing the managed server must not take these.
    options.pipeline.stream = "m1:bench:inbound"_ba;
    options.pipeline.group = "m1:bench"_ba;
    options.pipeline.statuses.stream = "m1:bench:statuses"_ba;
    options.pipeline.statuses.failedStream = "m1:bench:statuses:failed"_ba;
    auto service = std::make_unique<BotService>(
        BotServiceParts { registry, *search.engine, store, sandbox, network, clock, metrics }, options);
    if (sql)
        sql->attach(service->pipeline());
    if (const QString startError = service->start(); !startError.isEmpty())
        return complain(startError);
    const quint16 port = service->port();

    const QString runId = QString::number(clock.nowMs());
    QThread clientThread;
    clientThread.setObjectName(u"bench-client"_s);
    clientThread.start();
    const auto cleanupClient = qScopeGuard([&] {
        clientThread.quit();
        clientThread.wait();
    });
    QList<Phase> phases;
    const auto runPhase = [&](int count, int firstUser, Phase &phase) -> QString {
        QList<QByteArray> requests;
        for (int i = 0; i < count; ++i) {
            phase.phones.append(u"38509"_s + QString::number(1'000'000 + firstUser + i));
            phase.messageIds.append(u"wamid.bench."_s + runId + u'.' + QString::number(firstUser + i));
            WebhookPayloadBuilder payload;
            payload.text(phase.phones.last(), kTexts.at(i % kTexts.size()), phase.messageIds.last());
            const WebhookPayloadBuilder::Signed s = payload.sign(kSecret);
            requests.append(WebhookLoadClient::postRequest("/webhook", s.body, s.signature));
        }
        ReplyTimer replies(phase.phones);
        timer = &replies;
        auto *client = new WebhookLoadClient(QHostAddress::LocalHost, port, requests, settings.e2eRate,
                                             settings.e2eConnections, clock);
        client->moveToThread(&clientThread);
        std::atomic<bool> posted { false };
        QObject::connect(client, &WebhookLoadClient::finished, client, [&posted] { posted = true; },
                         Qt::DirectConnection);
        QMetaObject::invokeMethod(client, &WebhookLoadClient::start, Qt::QueuedConnection);
        const int budgetMs = int(1000.0 * count / settings.e2eRate) + 60'000;
        const bool done = spinUntil([&] { return posted.load() && replies.replied() == count; }, budgetMs, kPollMs);
        spinUntil([&] { return posted.load(); }, 10'000, kPollMs);
        QMetaObject::invokeMethod(
            client,
            [&] {
                phase.posts = client->outcomes();
                phase.startedNs = client->startedNs();
                delete client;
            },
            Qt::BlockingQueuedConnection);
        timer = nullptr;
        phase.replies = replies.firstReplyNs();
        return done ? QString()
                    : QString::number(count - replies.replied()) + u" of "_s + QString::number(count)
                + u" messages got no reply within "_s + QString::number(budgetMs / 1000) + u" s"_s;
    };

    // Warm up (connections, caches, the Redis script cache), then count only the measured run.
    Phase warmup;
    if (const QString e = runPhase(std::min(200, settings.e2eMessages), 500'000, warmup); !e.isEmpty())
        return complain(u"warm-up: "_s + e);
    store.reset();
    const QStringList stages { u"m1_pipeline_turn_latency"_s, u"channel.send.latency"_s, u"store.latency"_s,
                               u"channel.webhook.latency"_s, u"m1_pipeline_queue_wait"_s,
                               u"m1_pipeline_lane_wait"_s };
    for (const QString &stage : stages)
        metrics.histogram(stage).reset();
    const quint64 turnsBefore = service->pipeline().stats().processed;
    // Where a tail comes from: Redis' own stalls (its latency monitor) and this process waiting
    // for a CPU (the scheduling probe), over exactly the measured run.
    RedisLatencyMonitor redisLatency(backend->store());
    redisLatency.start(2);
    SchedulingProbe scheduling;
    scheduling.start();
    const double cpuBefore = processCpuMs();
    Phase run;
    const QString runError = runPhase(settings.e2eMessages, 0, run);
    const double cpuMs = processCpuMs() - cpuBefore;
    scheduling.stop();
    report.insert(u"e2e_scheduling"_s, scheduling.toJson());
    report.insert(u"e2e_redis_latency_ms"_s, redisLatency.stop());

    QList<double> latencies;
    QList<double> webhook;
    int failedPosts = 0;
    qint64 lastReplyNs = 0;
    for (size_t i = 0; i < run.posts.size(); ++i) {
        const WebhookLoadClient::Outcome &post = run.posts[i];
        if (post.status != 200)
            ++failedPosts;
        else
            webhook.append(ms(post.answeredNs - post.dueNs));
        if (run.replies[i] > 0) {
            latencies.append(ms(run.replies[i] - post.dueNs));
            lastReplyNs = std::max(lastReplyNs, run.replies[i]);
        }
    }
    const double messages = double(std::max<qsizetype>(1, latencies.size()));
    const BenchStats e2e(latencies);
    const BenchStats answer(webhook);
    const double seconds = double(lastReplyNs - run.startedNs) / 1e9;
    report.insert(u"e2e_msgs_per_s"_s, seconds > 0 ? std::round(double(latencies.size()) / seconds) : 0.0);
    report.insert(u"e2e_p50_ms"_s, std::round(e2e.median() * 100) / 100);
    report.insert(u"e2e_p99_ms"_s, std::round(e2e.percentile(99) * 100) / 100);
    report.insert(u"e2e_max_ms"_s, std::round(e2e.max() * 100) / 100);
    report.insert(u"e2e_webhook_p50_ms"_s, std::round(answer.median() * 100) / 100);
    report.insert(u"e2e_webhook_p99_ms"_s, std::round(answer.percentile(99) * 100) / 100);
    report.insert(u"e2e_messages"_s, settings.e2eMessages);
    report.insert(u"e2e_answered"_s, int(latencies.size()));
    report.insert(u"e2e_failed_posts"_s, failedPosts);
    report.insert(u"e2e_target_rate"_s, settings.e2eRate);
    report.insert(u"e2e_workers"_s, settings.e2eWorkers);
    // The whole path: XADD per POST, the readers' XREADGROUP polls and XAUTOCLAIM, the turn's
    // load and save+XACK+XDEL. (`store`'s redis_*_per_msg count the turn alone.)
    report.insert(u"e2e_redis_round_trips_per_msg"_s, std::round(double(store.roundTrips()) / messages * 100) / 100);
    report.insert(u"e2e_redis_commands_per_msg"_s, std::round(double(store.commands()) / messages * 100) / 100);
    // CPU this process spent per message (webhook, workers, sender, and the bench's own client
    // and fake Graph API; redis-server not included): what the machine's cores must supply,
    // whatever else runs on them.
    report.insert(u"e2e_cpu_ms_per_msg"_s, std::round(cpuMs / messages * 1000) / 1000);
    // Where the time goes: a turn from load to XACK (includes sending), one Graph API send, one
    // store round trip, the webhook's handling of a POST, a message's wait in the stream until a
    // lane starts it (ms resolution) and the part of that after the reader took it.
    QJsonObject breakdown;
    const QStringList names { u"turn"_s, u"send"_s, u"store_round_trip"_s, u"webhook"_s, u"queue_wait"_s,
                              u"lane_wait"_s };
    for (qsizetype i = 0; i < stages.size(); ++i) {
        const LatencyHistogram &h = metrics.histogram(stages.at(i));
        breakdown.insert(names.at(i) + u"_p50_ms"_s, std::round(h.percentileNs(50) / 1e4) / 100);
        breakdown.insert(names.at(i) + u"_p99_ms"_s, std::round(h.percentileNs(99) / 1e4) / 100);
    }
    report.insert(u"e2e_breakdown_ms"_s, breakdown);
    report.insert(u"e2e_store"_s, backend->description());

    bool stopped = false;
    QObject::connect(service.get(), &BotService::stopped, service.get(), [&stopped] { stopped = true; });
    service->shutdown();
    spinUntil([&] { return stopped; }, 30'000, kPollMs);
    // Counted once the lanes are done: a turn's reply arrives before its save finishes.
    report.insert(u"e2e_turns"_s, double(service->pipeline().stats().processed - turnsBefore));
    service.reset();
    if (sql) {
        sql->stop();
        const SqlBatchWriterStats written = sql->writer().stats();
        report.insert(u"e2e_sql"_s, QJsonObject { { u"database"_s, sql->database().displayName() },
                                                  { u"written"_s, double(written.written) },
                                                  { u"batches"_s, double(written.batches) },
                                                  { u"dropped"_s, double(written.dropped) },
                                                  { u"lost"_s, double(written.lost) } });
    }
    // The benchmark's users leave nothing behind (rate-limit windows expire on their own).
    QList<RedisCommand> cleanup;
    for (const Phase *phase : { &warmup, &run }) {
        for (qsizetype i = 0; i < phase->phones.size(); ++i) {
            const QString &phone = phase->phones.at(i);
            cleanup.append(RedisCommand::of("DEL", ConversationKeys::state(phone), ConversationKeys::history(phone),
                                            ConversationKeys::stats(phone),
                                            ConversationKeys::dedup(phone, phase->messageIds.at(i)),
                                            ConversationKeys::reply(phone, phase->messageIds.at(i), 0)));
        }
    }
    cleanup.append(RedisCommand::of("DEL", options.pipeline.stream, options.pipeline.statuses.stream,
                                    options.pipeline.statuses.failedStream));
    backend->store().pipeline(cleanup).waitForFinished();
    if (!runError.isEmpty())
        return complain(runError);
    return true;
}

} // namespace m1
