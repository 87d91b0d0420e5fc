#include "cli/clicommand.h"

#include "core/clock.h"
#include "core/logsink.h"
#include "facade/configloader.h"
#include "store/storeurl.h"

#include <QDir>
#include <QUrl>

namespace m1 {
int CliCommand::run(const QStringList &args, CliContext &ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({QStringLiteral("config"), QStringLiteral("Read the configuration from FILE."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("spec"),
                      QStringLiteral("Load tools from PATH or URL (repeatable; default: the bundled demo)."),
                      QStringLiteral("PATH|URL")});
    parser.addOption({QStringLiteral("store"),
                      QStringLiteral("Where state lives: managed, memory, redis://HOST:PORT/DB or unix:///PATH."),
                      QStringLiteral("STORE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object on standard output.")});
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    addOptions(parser);
    if (!positionalSyntax().isEmpty())
        parser.addPositionalArgument(positionalSyntax(), summary());

    if (!parser.parse(args))
        return usageError(ctx, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        // QCommandLineParser names the running binary; scripts and people want "m1bot <command>".
        QString help = parser.helpText();
        const qsizetype afterProgram = help.indexOf(u' ', int(qstrlen("Usage: ")));
        if (help.startsWith(u"Usage: ") && afterProgram > 0)
            help = u"Usage: " + ctx.program + u' ' + name() + help.mid(afterProgram);
        ctx.out << help;
        ctx.out.flush();
        return ExitOk;
    }
    const std::optional<EngineConfig> config = buildConfig(parser, ctx);
    if (!config)
        return ExitUsage;

    // Diagnostics go through one sink for the whole command: text, or JSON lines when the
    // config's log.format or M1_LOG_FORMAT asks for them; phone numbers and secrets redacted.
    const SystemClock clock;
    LogSinkOptions logOptions;
    const bool json = config->logFormat == EngineConfig::LogFormat::Json
                      || qEnvironmentVariable("M1_LOG_FORMAT") == u"json";
    logOptions.format = json ? LogFormatter::Format::Json : LogFormatter::Format::Text;
    logOptions.filePath = config->logFile;
    LogSink logSink(clock, logOptions);

    m_logSink = &logSink;
    const int code = execute(parser, *config, ctx);
    m_logSink = nullptr;
    ctx.out.flush();
    ctx.err.flush();
    return code;
}

void CliCommand::addOptions(QCommandLineParser &) {}

std::optional<EngineConfig> CliCommand::buildConfig(const QCommandLineParser &parser,
                                                    CliContext &ctx) const
{
    EngineConfig config;
    if (parser.isSet(QStringLiteral("config"))) {
        const ConfigLoader::Result loaded = ConfigLoader::loadFile(parser.value(QStringLiteral("config")));
        if (!loaded.ok()) {
            for (const QString &e : loaded.errors)
                ctx.err << ctx.program << QChar(u' ') << name() << QStringLiteral(": ") << e << Qt::endl;
            return std::nullopt;
        }
        config = loaded.config;
    }
    const QStringList specs = parser.values(QStringLiteral("spec"));
    if (!specs.isEmpty()) {
        config.specSources.clear();
        for (const QString &spec : specs) {
            const bool remote = spec.startsWith(u"http://") || spec.startsWith(u"https://");
            config.specSources.append(remote || spec.startsWith(u":/") ? spec
                                                                       : QDir::current().absoluteFilePath(spec));
        }
    }
    if (parser.isSet(QStringLiteral("store"))) {
        const QString store = parser.value(QStringLiteral("store"));
        QString error;
        if (!StoreUrl::parse(store, &error)) {
            usageError(ctx, u"--store: " + error);
            return std::nullopt;
        }
        config.store = store;
    }
    return config;
}

int CliCommand::usageError(CliContext &ctx, const QString &message) const
{
    ctx.err << ctx.program << QChar(u' ') << name() << QStringLiteral(": ") << message << QStringLiteral(" (see ") << ctx.program << QChar(u' ')
            << name() << QStringLiteral(" --help)") << Qt::endl;
    return ExitUsage;
}

int CliCommand::failure(CliContext &ctx, const QString &message) const
{
    ctx.err << ctx.program << QChar(u' ') << name() << QStringLiteral(": ") << message << Qt::endl;
    return ExitFailure;
}

std::optional<qint64> CliCommand::intOption(const QCommandLineParser &parser, const QString &option,
                                            qint64 fallback, qint64 min, qint64 max,
                                            CliContext &ctx) const
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        usageError(ctx, u"--" + option + u": expected a whole number from " + QString::number(min)
                            + u" to " + QString::number(max) + u", got '" + parser.value(option) + u'\'');
        return std::nullopt;
    }
    return value;
}

} // namespace m1
