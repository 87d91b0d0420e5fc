#pragma once

// One m1bot subcommand (as KeePassXC's CLI does it: a class per command). The base adds the
// options every command shares — --config, --spec, --store, --json — and turns them into an
// EngineConfig, so a command only describes what is its own.

#include "cli/clicontext.h"
#include "facade/engineconfig.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace m1 {

class LogSink;

class CliCommand
{
public:
    virtual ~CliCommand() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // What `--help` says above the options; the summary unless a command has more to say.
    virtual QString description() const { return summary(); }

    // args[0] is the command's own name, as QCommandLineParser expects.
    int run(const QStringList &args, CliContext &ctx);

protected:
    virtual void addOptions(QCommandLineParser &parser);
    // Called with parsed options and the effective configuration.
    virtual int execute(const QCommandLineParser &parser, const EngineConfig &config,
                        CliContext &ctx) = 0;
    // Positional argument syntax for --help, e.g. "QUERY".
    virtual QString positionalSyntax() const { return {}; }

    bool jsonOutput(const QCommandLineParser &parser) const { return parser.isSet(QStringLiteral("json")); }
    // The command's log sink while execute() runs (secrets learnt late are handed to it).
    LogSink *logSink() const { return m_logSink; }
    int usageError(CliContext &ctx, const QString &message) const;
    int failure(CliContext &ctx, const QString &message) const;
    // Parses an option as an integer within [min, max]; reports a usage error otherwise.
    std::optional<qint64> intOption(const QCommandLineParser &parser, const QString &option,
                                    qint64 fallback, qint64 min, qint64 max, CliContext &ctx) const;

private:
    std::optional<EngineConfig> buildConfig(const QCommandLineParser &parser, CliContext &ctx) const;

    LogSink *m_logSink = nullptr;
};

} // namespace m1
