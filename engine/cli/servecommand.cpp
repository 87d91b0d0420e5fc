#include "cli/servecommand.h"

#include "cli/servesettings.h"
#include "cli/sourcecheck.h"
#include "cli/unixsignalwatcher.h"

#include "agent/plannerfactory.h"
#include "core/clock.h"
#include "core/logcategories.h"
#include "core/logsink.h"
#include "core/metricsregistry.h"
#include "facade/botserver.h"
#include "facade/enginestore.h"
#include "facade/searchfactory.h"
#include "facade/snapshotbuilder.h"
#include "facade/sqlpersistence.h"
#include "pipeline/botservice.h"
#include "store/sqldatabase.h"
#include "store/storeurl.h"

#include <QDebug>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

// Waits (bounded) for a managed redis-server to start; "" or what went wrong.
QString waitUntilReady(StoreBackend &backend)
{
    QEventLoop loop;
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    backend.ready().then(&loop, [&loop](const QString &) { loop.quit(); });
    if (!backend.ready().isFinished())
        loop.exec();
    if (!backend.ready().isFinished())
        return u"timed out after 30 s"_s;
    return backend.ready().result();
}

} // namespace

void ServeCommand::addOptions(QCommandLineParser &parser)
{
    ServeSettings::addOptions(parser);
}

QString ServeCommand::description() const
{
    return u"Run the WhatsApp webhook and the workers until SIGTERM or SIGINT (production).\n\n"
           u"WhatsApp settings come from the config file's \"whatsapp\" section or the environment (which\n"
           u"wins): M1_WHATSAPP_APP_SECRET, M1_WHATSAPP_VERIFY_TOKEN, M1_WHATSAPP_TOKEN and\n"
           u"M1_WHATSAPP_PHONE_NUMBER_ID are required (without one, exit code 2 names it);\n"
           u"M1_GRAPH_API_URL (default https://graph.facebook.com) and M1_GRAPH_API_VERSION (default\n"
           u"v21.0) are optional.\n\n"
           u"State and the inbound queue live in --store: by default the managed redis-server (started\n"
           u"in the data folder with append-only persistence, reused if already running). Point it at a\n"
           u"shared Redis (redis://HOST:PORT/DB) to run several serve processes. 'memory' is accepted\n"
           u"but loses queued messages on exit; without redis-server installed, 'managed' refuses to\n"
           u"start rather than fall back to memory.\n\n"
           u"Users (the profile each turn starts from), the message log and tool outcomes (which also\n"
           u"steer the search) live in --database, else M1_DATABASE_URL, else the config's \"database\":\n"
           u"by default an SQLite file in the data folder. A database that cannot be opened or\n"
           u"migrated stops serve with exit code 1.\n\n"
           u"Endpoints: GET/POST /webhook (Meta), GET /health (503 while the store is down) and GET\n"
           u"/metrics (Prometheus text); the last two answer loopback clients only unless the config\n"
           u"says \"serve\": {\"ops_loopback_only\": false}. The webhook speaks plain HTTP: put a TLS-\n"
           u"terminating proxy in front of it. SIGTERM stops gracefully; a second signal exits at once\n"
           u"(messages in flight are reclaimed by another process)."_s;
}

int ServeCommand::execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx)
{
    QStringList errors;
    QStringList missing;
    const ServeSettings settings = ServeSettings::resolve(
        parser, config, QProcessEnvironment::systemEnvironment(), &errors, &missing);
    if (!missing.isEmpty())
        return usageError(ctx, u"cannot start without "_s + missing.join(u", "_s)
                                   + u" (set them in the environment or in the config file's "
                                     u"\"whatsapp\" section)"_s);
    if (!errors.isEmpty()) {
        for (qsizetype i = 0; i + 1 < errors.size(); ++i)
            ctx.err << ctx.program << u" serve: "_s << errors.at(i) << Qt::endl;
        return usageError(ctx, errors.last());
    }
    if (logSink()) {
        // Masked wherever they appear in a log line. Real secrets are long; a two-letter test
        // value would only mangle every line it occurs in.
        // Every secret serve holds, not only WhatsApp's: a backend or an LLM endpoint that
        // echoes the token it was sent in an error would otherwise put it into the log.
        QStringList held = settings.whatsapp.secrets() + settings.auth.secrets();
        held << settings.database.password << qEnvironmentVariable(PlannerConfig::kApiKeyVariable).trimmed();
        QString ignored;
        if (const std::optional<StoreUrl> store = StoreUrl::parse(config.store, &ignored))
            held << store->password;
        QStringList secrets;
        for (const QString &secret : std::as_const(held)) {
            if (secret.size() >= 8)
                secrets.append(secret);
        }
        logSink()->setSecrets(secrets);
    }

    SystemClock clock;
    MetricsRegistry metrics(clock);
    QString error;
    std::unique_ptr<StoreBackend> backend = EngineStore::open(config, clock, metrics, nullptr, &error);
    if (!backend)
        return usageError(ctx, u"--store: "_s + error);
    if (const QString notReady = waitUntilReady(*backend); !notReady.isEmpty())
        return failure(ctx, u"the store did not start: "_s + notReady);
    if (config.store == u"managed"_s && backend->kind() == StoreUrl::Kind::Memory)
        return failure(ctx, u"redis-server is not installed, and serve will not quietly keep its "
                            u"queue in memory: install it (apt install redis-server), point "
                            u"--store at a Redis, or pass --store memory to accept losing queued "
                            u"messages on exit"_s);

    // SQL persistence: users (the profile lookup), the message log with every reply and its
    // delivery statuses, and tool outcomes (which also feed the search's usage statistics). No
    // database, no bot: refuse to start. Declared before the service, so the service (its
    // workers) goes first and this drains its writer after them.
    const std::unique_ptr<SqlPersistence> sql
        = SqlPersistence::open(settings.database, clock, &error);
    if (!sql)
        return failure(ctx, u"--database: "_s + error);

    // The tools and their dependency graph (the planner's provider lookups), then the search.
    const EngineSnapshotPtr snapshot = SnapshotBuilder::build(config);
    if (const int sourcesExit = SourceCheck::unreadableSourcesExit(*snapshot->registry, *this, ctx);
        sourcesExit != ExitOk)
        return sourcesExit;
    const SearchSetup search
        = SearchFactory::build(config, *snapshot->registry, clock, sql->usageStats(), nullptr, &metrics);
    if (!search.engine)
        return failure(ctx, search.error);

    PlannerBuild planner = PlannerFactory::create(config.planner, clock, nullptr,
                                                  QProcessEnvironment::systemEnvironment(), {}, &metrics);
    if (!planner.warning.isEmpty())
        ctx.err << ctx.program << u" serve: "_s << planner.warning << Qt::endl;

    // The same assembly the console's webhook runs (executor, network, BotService).
    BotServer server({ *snapshot->registry, *search.engine, snapshot->graph.get(), backend->store(), clock, metrics,
                       planner.planner.get() },
                     settings);
    BotService &service = server.service();
    sql->attach(service.pipeline());
    UnixSignalWatcher watcher;
    if (!watcher.watch({ SIGTERM, SIGINT }, &error))
        return failure(ctx, u"cannot handle signals: "_s + error);
    QEventLoop loop;
    bool clean = true;
    QObject::connect(&watcher, &UnixSignalWatcher::received, &loop, [&](int signalNumber) {
        if (service.isStopping()) {
            qCWarning(lcEngine) << "serve: second signal; exiting now, in-flight messages stay "
                                   "pending for another process";
            ctx.err.flush();
            std::fflush(nullptr);
            std::_Exit(ExitFailure);
        }
        qCInfo(lcEngine).noquote() << "serve: received"
                                   << (signalNumber == SIGTERM ? u"SIGTERM"_s : u"SIGINT"_s);
        service.shutdown();
    });
    QObject::connect(&service, &BotService::stopped, &loop, [&](bool finished) {
        clean = finished;
        loop.quit();
    });
    if (const QString startError = service.start(); !startError.isEmpty())
        return failure(ctx, startError);

    const QString url = server.url();
    qCInfo(lcEngine).noquote() << "serve:" << snapshot->registry->tools().size() << "tools,"
                               << settings.workers << "workers, executor"
                               << ServeSettings::executorName(settings.executor) << "- store"
                               << backend->description() << "- database"
                               << sql->database().displayName() << "-"
                               << settings.whatsapp.redacted();
    // The one line on standard output: scripts and tests learn the port from it (--port 0).
    ctx.out << u"listening on "_s << url << Qt::endl;
    loop.exec();
    if (!clean) {
        // Lanes still hold messages and wait on this thread's loop, which has stopped: joining
        // them would hang. Their entries stay pending in Redis for XAUTOCLAIM.
        ctx.err.flush();
        std::fflush(nullptr);
        std::_Exit(ExitFailure);
    }
    const WorkerPoolStats stats = service.pipeline().stats();
    qCInfo(lcEngine) << "serve: stopped after" << stats.processed << "messages," << stats.failures
                     << "failures";
    return ExitOk;
}

} // namespace m1
