#include "cli/chatcommand.h"

#include "cli/databaseoption.h"
#include "cli/sourcecheck.h"

#include "agent/plannerfactory.h"
#include "agent/sandboxexecutor.h"
#include "channel/capturingsink.h"
#include "channel/inboundmessage.h"
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "facade/enginestore.h"
#include "facade/searchfactory.h"
#include "facade/snapshotbuilder.h"
#include "facade/sqlpersistence.h"
#include "pipeline/botpipeline.h"
#include "pipeline/inboundqueue.h"
#include "search/searchengine.h"
#include "store/sqldatabase.h"
#include "store/storebackend.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QMutex>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace m1 {

void ChatCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({u"phone"_s, u"The user's phone number (E.164 digits, no '+')."_s, u"NUMBER"_s});
    parser.addOption({u"workers"_s, u"Worker lanes (default 5)."_s, u"N"_s});
    parser.addOption({u"trace"_s, u"Print each turn's trace (JSON) on stderr."_s});
    DatabaseOption::addTo(parser);
}

InboundMessage ChatCommand::messageFor(const QString &line, const QString &phone, const QString &messageId)
{
    InboundMessage m;
    m.messageId = messageId;
    m.from = phone;
    m.timestampSec = 0;
    const QString trimmed = line.trimmed();
    const bool isButton = trimmed.startsWith(u"/button "_s);
    const bool isList = trimmed.startsWith(u"/list "_s);
    if (isButton || isList) {
        m.type = isButton ? InboundMessage::Type::ButtonReply : InboundMessage::Type::ListReply;
        m.waType = u"interactive"_s;
        m.replyId = trimmed.section(u' ', 1).trimmed();
        m.replyTitle = m.replyId;
    } else {
        m.type = InboundMessage::Type::Text;
        m.waType = u"text"_s;
        m.text = trimmed;
    }
    return m;
}

QString ChatCommand::render(const OutboundMessage &message)
{
    QString out = u"bot> "_s + message.text;
    for (const OutboundMessage::Button &b : message.buttons)
        out += u"\n     [/button "_s + b.id + u"] "_s + b.title;
    for (const OutboundMessage::Section &s : message.list.sections) {
        for (const OutboundMessage::Row &r : s.rows) {
            out += u"\n     [/list "_s + r.id + u"] "_s + r.title;
            if (!r.description.isEmpty())
                out += u" — "_s + r.description;
        }
    }
    return out;
}

int ChatCommand::execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx)
{
    const QString phone = parser.value(u"phone"_s).remove(u'+').trimmed();
    if (phone.isEmpty())
        return usageError(ctx, u"expected --phone NUMBER, e.g. m1bot chat --phone 385911234567"_s);
    const auto workers = intOption(parser, u"workers"_s, 5, 1, 64, ctx);
    if (!workers)
        return ExitUsage;

    QString error;
    const std::optional<SqlUrl> database
        = DatabaseOption::resolve(parser, config, QProcessEnvironment::systemEnvironment(), &error);
    if (!database)
        return usageError(ctx, error);

    SystemClock clock;
    // Like serve: profiles, the message log (both directions) and tool outcomes, which also
    // steer the search. A database that cannot be opened ends the chat before it starts.
    const std::unique_ptr<SqlPersistence> sql = SqlPersistence::open(*database, clock, &error);
    if (!sql)
        return failure(ctx, u"--database: "_s + error);
    // The tools with their dependency graph (the planner's provider lookups), then the search.
    const EngineSnapshotPtr snapshot = SnapshotBuilder::build(config);
    if (const int sourcesExit = SourceCheck::unreadableSourcesExit(*snapshot->registry, *this, ctx);
        sourcesExit != ExitOk)
        return sourcesExit;
    const ToolRegistry &registry = *snapshot->registry;
    const SearchSetup setup = SearchFactory::build(config, registry, clock, sql->usageStats());
    if (!setup.engine)
        return failure(ctx, setup.error);
    const PlannerBuild planner = PlannerFactory::create(config.planner, clock, nullptr);
    if (!planner.warning.isEmpty())
        ctx.err << ctx.program << u" chat: "_s << planner.warning << Qt::endl;

    // The in-process store unless --store says otherwise: a chat needs no server.
    EngineConfig storeConfig = config;
    if (!parser.isSet(u"store"_s))
        storeConfig.store = u"memory"_s;
    MetricsRegistry metrics(clock);
    std::unique_ptr<StoreBackend> backend = EngineStore::open(storeConfig, clock, metrics, nullptr, &error);
    if (!backend)
        return usageError(ctx, u"--store: "_s + error);
    QEventLoop loop;
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    backend->ready().then(&loop, [&loop](const QString &) { loop.quit(); });
    if (!backend->ready().isFinished())
        loop.exec();
    if (!backend->ready().isFinished() || !backend->ready().result().isEmpty())
        return failure(ctx, u"the store did not start: "_s
                               + (backend->ready().isFinished() ? backend->ready().result() : u"timed out"_s));

    SandboxExecutor sandbox(clock);
    const QString runId = QString::number(clock.nowMs());
    CapturingSink sink;
    // Replies are logged under their ids: unique across chats, as Meta's wamids are.
    sink.setIdPrefix(u"wamid.chat."_s + runId + u'.');
    BotPipelineOptions options;
    options.workers.workers = int(*workers);
    options.workers.pollMs = 5;
    BotPipeline pipeline({ registry, *setup.engine, backend->store(), sink, sandbox, clock, metrics,
                           planner.planner.get(), snapshot->graph.get() },
                         options);
    QMutex traceMutex;
    QStringList traces;
    TraceHandler printTrace;
    if (parser.isSet(u"trace"_s)) {
        printTrace = [&](const InboundMessage &, const TurnTrace &trace) {
            QMutexLocker lock(&traceMutex);
            traces.append(QString::fromUtf8(QJsonDocument(trace.toJson()).toJson(QJsonDocument::Compact)));
        };
    }
    sql->attach(pipeline, printTrace);
    if (const QString startError = pipeline.start(); !startError.isEmpty())
        return failure(ctx, startError);
    ctx.err << u"chat as "_s << phone << u" on "_s << backend->description()
            << u" — type a message, /button ID or /list ID; end with Ctrl-D"_s << Qt::endl;

    QTextStream in(stdin);
    int sequence = 0;
    qsizetype shown = 0;
    int exitCode = ExitOk;
    QString line;
    while (in.readLineInto(&line)) {
        if (line.trimmed().isEmpty())
            continue;
        const QString id = u"chat."_s + runId + u'.' + QString::number(++sequence);
        const EnqueueResult queued = pipeline.queue().push(messageFor(line, phone, id)).result();
        if (!queued.ok) {
            ctx.err << u"could not queue the message: "_s << queued.error << Qt::endl;
            exitCode = ExitFailure;
            break;
        }
        if (!pipeline.waitForIdle(120'000))
            ctx.err << u"no answer within 120 s"_s << Qt::endl;
        const QList<OutboundMessage> sent = sink.messages();
        for (; shown < sent.size(); ++shown)
            ctx.out << render(sent.at(shown)) << u'\n';
        ctx.out.flush();
        QMutexLocker lock(&traceMutex);
        for (const QString &trace : std::as_const(traces))
            ctx.err << u"trace "_s << trace << Qt::endl;
        traces.clear();
    }
    pipeline.stop();
    if (const quint64 lost = sql->stop(); lost > 0)
        ctx.err << lost << u" message log entries could not be written to "_s
                << sql->database().displayName() << Qt::endl;
    const WorkerPoolStats stats = pipeline.stats();
    if (stats.failures > 0) {
        ctx.err << stats.failures << u" message(s) failed in the pipeline"_s << Qt::endl;
        exitCode = ExitFailure;
    }
    return exitCode;
}

} // namespace m1
