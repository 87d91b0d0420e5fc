#include "cli/loadbench.h"

#include "cli/graphapistandin.h"
#include "cli/loadbalancingclient.h"
#include "cli/loadreport.h"
#include "cli/loadrundata.h"
#include "cli/replytimer.h"
#include "cli/servechild.h"
#include "cli/servefleet.h"
#include "cli/spinuntil.h"
#include "cli/webhookloadclient.h"

#include "core/clock.h"
#include "core/metricsregistry.h"
#include "facade/enginestore.h"
#include "pipeline/inboundqueue.h"
#include "pipeline/unansweredlogoptions.h"
#include "store/keyvaluestore.h"
#include "store/rediscommand.h"
#include "store/redisreply.h"
#include "testsupport/webhookpayloadbuilder.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// The e2e bench's mix: a read answered at once, a booking that asks a question, Croatian. Each
// is answered with exactly one message, which is what lets replies count per message.
const QStringList kTexts { u"show the fleet utilization report"_s, u"book a pool car tomorrow 8-12"_s,
                           u"koliko km ima moj auto"_s };
constexpr qint64 kMs = 1'000'000;

// Free loopback ports, all held open while choosing so they differ. Empty on failure.
QList<quint16> freePorts(int count)
{
    std::vector<std::unique_ptr<QTcpServer>> servers;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        auto server = std::make_unique<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, 0))
            return {};
        ports.append(server->serverPort());
        servers.push_back(std::move(server));
    }
    return ports;
}

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

// The children's environment: the Graph API stand-in and fresh secrets, never on a command line.
QProcessEnvironment childEnvironment(const WhatsAppConfig &graph, const QByteArray &appSecret, const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"M1_WHATSAPP_APP_SECRET"_s, QString::fromLatin1(appSecret));
    env.insert(u"M1_WHATSAPP_VERIFY_TOKEN"_s, randomHex(16));
    env.insert(u"M1_WHATSAPP_TOKEN"_s, graph.accessToken);
    env.insert(u"M1_WHATSAPP_PHONE_NUMBER_ID"_s, graph.phoneNumberId);
    env.insert(u"M1_GRAPH_API_URL"_s, graph.graphApiUrl);
    env.insert(u"M1_GRAPH_API_VERSION"_s, graph.graphApiVersion);
    // Meta's default is 80 per business number; the bench measures the engine, not the pacing.
    env.insert(u"M1_WHATSAPP_MESSAGES_PER_SECOND"_s, u"100000"_s);
    env.remove(u"M1_DATABASE_URL"_s);
    // Nothing of the user's data folder is touched.
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_DATA_HOME"_s, home);
    return env;
}

QStringList childArguments(const BenchSettings &settings, const QString &storeUrl, quint16 port,
                           const QString &database)
{
    const LoadSettings &s = settings.load;
    QStringList args { u"serve"_s,
                       u"--store"_s, storeUrl,
                       u"--bind"_s, u"127.0.0.1"_s,
                       u"--port"_s, QString::number(port),
                       u"--executor"_s, u"sandbox"_s,
                       u"--workers"_s, QString::number(s.workers),
                       u"--claim-idle-ms"_s, QString::number(s.claimIdleMs),
                       u"--database"_s, u"sqlite://"_s + database };
    if (!settings.config.sourceFile.isEmpty())
        args << u"--config"_s << settings.config.sourceFile;
    for (const QString &spec : settings.config.specSources)
        args << u"--spec"_s << spec;
    return args;
}

// The pipeline's records of messages it did not answer (send failures, rate-limit drops, replies
// in doubt after a crash), read from the store after the run: message id → reason.
QHash<QString, QString> unansweredRecords(KeyValueStore &store)
{
    const UnansweredLogOptions streams;
    QFuture<QList<RedisReply>> f = store.pipeline({ RedisCommand::of("XRANGE", streams.failedStream, "-", "+"),
                                                    RedisCommand::of("XRANGE", streams.droppedStream, "-", "+") });
    spinUntil([&f] { return f.isFinished(); }, 10'000);
    QHash<QString, QString> ids;
    if (!f.isFinished())
        return ids;
    for (const RedisReply &stream : f.result()) {
        for (const RedisReply &entry : stream.elements()) {
            const RedisReply body = entry.elements().value(1);
            const QList<RedisReply> &fields = body.elements();
            for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
                const QJsonObject record = QJsonDocument::fromJson(fields.at(i + 1).bytes()).object();
                if (record.contains(u"message_id"_s))
                    ids.insert(record.value(u"message_id"_s).toString(), record.value(u"reason"_s).toString());
            }
        }
    }
    return ids;
}

// The run's messages: one user each, signed with the children's app secret.
struct Messages
{
    QStringList phones;
    QHash<QString, int> indexOfId;
    QList<QByteArray> requests; // complete HTTP requests, in order
};

Messages buildMessages(int count, const QByteArray &appSecret, const QString &runId)
{
    Messages m;
    m.phones.reserve(count);
    m.requests.reserve(count);
    for (int i = 0; i < count; ++i) {
        m.phones.append(u"38509"_s + QString::number(1'000'000 + i));
        const QString id = u"wamid.load."_s + runId + u'.' + QString::number(i);
        m.indexOfId.insert(id, i);
        WebhookPayloadBuilder payload;
        payload.text(m.phones.last(), kTexts.at(i % kTexts.size()), id);
        const WebhookPayloadBuilder::Signed signedPost = payload.sign(appSecret);
        m.requests.append(WebhookLoadClient::postRequest("/webhook", signedPost.body, signedPost.signature));
    }
    return m;
}

// Waits until the inbound stream is empty with nothing pending (and the crash is over), running
// `step` meanwhile. False when `timeoutMs` passed first.
bool waitForDrain(KeyValueStore &store, const std::function<void()> &step, const std::function<bool()> &settled,
                  qint64 timeoutMs)
{
    std::optional<QFuture<QList<RedisReply>>> depth;
    const QByteArray stream = InboundQueue::defaultStream();
    const QByteArray group = InboundQueue::defaultGroup();
    return spinUntil(
        [&] {
            step();
            if (depth && depth->isFinished()) {
                const QList<RedisReply> r = depth->result();
                depth.reset();
                if (settled() && r.size() == 2 && !r.at(0).isError() && r.at(0).integer() == 0
                    && !r.at(1).isError() && r.at(1).elements().value(0).integer() == 0)
                    return true;
            }
            if (!depth)
                depth = store.pipeline({ RedisCommand::of("XLEN", stream), RedisCommand::of("XPENDING", stream, group) });
            return false;
        },
        timeoutMs);
}

} // namespace

bool LoadBench::run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx)
{
    const LoadSettings &s = settings.load;
    QTemporaryDir work(QDir::tempPath() + u"/m1-load-XXXXXX"_s);
    const auto keepLogs = [&] {
        work.setAutoRemove(false);
        ctx.err << ctx.program << u" bench --load: logs kept in "_s << work.path() << Qt::endl;
    };
    const auto complain = [&](const QString &why) {
        ctx.err << ctx.program << u" bench --load: "_s << why << Qt::endl;
        if (work.isValid())
            keepLogs();
        return false;
    };
    const auto progress = [&](const QString &what) { ctx.err << u"load: "_s << what << Qt::endl; };
    if (!work.isValid())
        return complain(u"cannot create a temporary folder: "_s + work.errorString());
    SystemClock clock;
    MetricsRegistry metrics(clock);
    LoadRunData data;
    data.settings = s;

    // The shared Redis: the project's managed redis-server, in the bench's folder.
    EngineConfig storeConfig = settings.config;
    storeConfig.store = u"managed"_s;
    storeConfig.dataDir = work.filePath(u"redis"_s);
    QString error;
    const std::unique_ptr<StoreBackend> backend = EngineStore::open(storeConfig, clock, metrics, nullptr, &error);
    if (!backend)
        return complain(error);
    if (!spinUntil([&] { return backend->ready().isFinished(); }, 30'000) || !backend->ready().result().isEmpty())
        return complain(u"the redis-server did not start: "_s
                        + (backend->ready().isFinished() ? backend->ready().result() : u"timed out"_s));
    if (backend->kind() == StoreUrl::Kind::Memory)
        return complain(u"redis-server is not installed, and the processes need one to share: "
                        u"apt install redis-server"_s);
    const QString storeUrl = u"unix://"_s + storeConfig.dataDir + u"/redis.sock"_s;
    data.store = backend->description();

    const int count = int(std::llround(s.rate * s.durationS));
    const QByteArray appSecret = randomHex(32).toLatin1();
    const Messages messages = buildMessages(count, appSecret, QString::number(clock.nowMs()));
    ReplyTimer replies(messages.phones);
    GraphApiStandIn graph(replies, clock);
    if (const QString e = graph.start(); !e.isEmpty())
        return complain(u"the Graph API stand-in cannot listen: "_s + e);

    // The children, each on a fixed port so that a restart comes back where it was.
    const QList<quint16> ports = freePorts(s.processes);
    if (ports.size() != s.processes)
        return complain(u"cannot find free loopback ports"_s);
    data.victim = s.kill ? (s.processes > 1 ? 1 : 0) : -1;
    ServeFleet fleet(clock, { data.victim, s.effectiveKillAtS(), s.restartAfterS }, progress);
    const WhatsAppConfig graphConfig = graph.config();
    for (int i = 0; i < s.processes; ++i) {
        const QString home = work.filePath(u"serve-"_s + QString::number(i));
        QDir().mkpath(home);
        fleet.add(std::make_unique<ServeChild>(QCoreApplication::applicationFilePath(),
                                               childArguments(settings, storeUrl, ports.at(i), home + u"/bot.db"_s),
                                               childEnvironment(graphConfig, appSecret, home), ports.at(i),
                                               home + u"/serve.log"_s));
    }
    progress(u"starting "_s + QString::number(s.processes) + u" m1bot serve processes on "_s + storeUrl);
    if (const QString e = fleet.startAll(120'000); !e.isEmpty())
        return complain(e);

    // Sending, with the crash and the restart on the way.
    QThread clientThread;
    clientThread.setObjectName(u"load-client"_s);
    clientThread.start();
    LoadBalancingClient::Options options;
    options.ratePerSecond = s.rate;
    options.connectionsPerBackend = s.connectionsPerProcess;
    options.maxAttempts = s.maxAttempts;
    options.requestTimeoutMs = s.requestTimeoutMs;
    auto *client = new LoadBalancingClient(ports, messages.requests, options, clock);
    client->moveToThread(&clientThread);
    const auto stopClient = qScopeGuard([&] {
        if (client)
            QMetaObject::invokeMethod(client, [&client] { delete client; }, Qt::BlockingQueuedConnection);
        clientThread.quit();
        clientThread.wait();
    });
    std::atomic<bool> posted { false };
    QObject::connect(client, &LoadBalancingClient::finished, client, [&posted] { posted = true; },
                     Qt::DirectConnection);
    data.startNs = clock.monotonicNs() + 200 * kMs;
    const qint64 startNs = data.startNs;
    QMetaObject::invokeMethod(client, [client, startNs] { client->start(startNs); }, Qt::QueuedConnection);
    progress(QString::number(count) + u" messages at "_s + QString::number(s.rate) + u"/s for "_s
             + QString::number(s.durationS) + u" s"_s);
    const auto step = [&fleet, startNs] { fleet.step(startNs); };
    const qint64 sendBudgetMs = qint64((s.durationS + 60) * 1000);
    spinUntil([&] { step(); return posted.load(); }, (startNs - clock.monotonicNs()) / kMs + sendBudgetMs);
    data.sentNs = clock.monotonicNs();
    QMetaObject::invokeMethod(
        client,
        [&] {
            data.outcomes = client->outcomes();
            data.backends = client->backendStats();
            data.retries = client->retries();
            delete client;
            client = nullptr;
        },
        Qt::BlockingQueuedConnection);
    if (!posted)
        progress(u"the load balancer gave up waiting for answers after "_s + QString::number(sendBudgetMs / 1000)
                 + u" s"_s);

    // Draining: the dead process' messages wait out the claim-idle time, then another takes them.
    progress(u"waiting for the queue to drain"_s);
    if (waitForDrain(backend->store(), step, [&fleet] { return fleet.settled(); }, qint64(s.drainTimeoutS) * 1000))
        data.drainedNs = clock.monotonicNs();
    if (!fleet.restartError().isEmpty())
        return complain(fleet.restartError());
    data.killNs = fleet.killNs();
    data.restartNs = fleet.restartNs();
    data.healthyAgainNs = fleet.healthyAgainNs();
    data.children = fleet.stopAll(30'000);

    const QHash<QString, QString> unanswered = unansweredRecords(backend->store());
    data.unansweredReason.assign(size_t(count), QString());
    for (auto record = unanswered.cbegin(); record != unanswered.cend(); ++record) {
        if (const auto it = messages.indexOfId.constFind(record.key()); it != messages.indexOfId.constEnd())
            data.unansweredReason[size_t(*it)] = record.value().isEmpty() ? u"unknown"_s : record.value();
    }
    data.firstReplyNs = replies.firstReplyNs();
    data.replyCounts = replies.replyCounts();
    data.strayReplies = replies.strayReplies();
    data.graphRequests = graph.requestCount();
    data.graphRefused = graph.refusedCount();

    const QJsonObject load = LoadReport::toJson(data);
    report.insert(u"load"_s, load);
    if (!LoadReport::passed(load))
        keepLogs();
    return true;
}

} // namespace m1
