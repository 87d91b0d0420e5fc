#include "cli/benchcommand.h"

#include "cli/e2ebench.h"
#include "cli/graphbench.h"
#include "cli/jsonbench.h"
#include "cli/loadbench.h"
#include "cli/loadreport.h"
#include "cli/parsebench.h"
#include "cli/searchbench.h"
#include "cli/storebench.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace m1 {

BenchCommand::BenchCommand()
{
    m_sections.push_back(std::make_unique<ParseBench>());
    m_sections.push_back(std::make_unique<GraphBench>());
    m_sections.push_back(std::make_unique<SearchBench>());
    m_sections.push_back(std::make_unique<StoreBench>());
    m_sections.push_back(std::make_unique<JsonBench>());
    m_sections.push_back(std::make_unique<E2eBench>());
}

BenchCommand::~BenchCommand() = default;

void BenchCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({u"tools"_s, u"Synthetic registry size for search measurements (default 200)."_s, u"N"_s});
    parser.addOption({u"dim"_s, u"Embedding dimension for synthetic registries (default 1536)."_s, u"D"_s});
    parser.addOption({u"parse-file"_s, u"Also report the parse time of FILE (repeatable)."_s, u"FILE"_s});
    parser.addOption({u"repeat"_s, u"Runs per measurement; medians are reported (default 5)."_s, u"R"_s});
    parser.addOption({u"graph-sizes"_s, u"Comma-separated synthetic graph sizes (default 200,20000,200000)."_s,
                      u"LIST"_s});
    parser.addOption({u"e2e-rate"_s, u"e2e: webhook POSTs per second (default 1000)."_s, u"R"_s});
    parser.addOption({u"e2e-messages"_s, u"e2e: messages measured after a warm-up of 200 (default 5000)."_s,
                      u"N"_s});
    parser.addOption({u"e2e-workers"_s, u"e2e: worker lanes (default 5)."_s, u"N"_s});
    addLoadOptions(parser);
    QStringList names;
    for (const auto &section : m_sections)
        names.append(section->name());
    parser.addOption({u"only"_s, u"Run only these sections (comma-separated: "_s + names.join(u", ") + u")."_s,
                      u"LIST"_s});
}

void BenchCommand::addLoadOptions(QCommandLineParser &parser)
{
    parser.addOption({u"load"_s,
                      u"Instead of the sections: drive several m1bot serve processes sharing one Redis, kill one "
                      u"midway and restart it; report lost and duplicated messages and latencies. Exit code 1 "
                      u"when a message was lost or answered twice."_s});
    parser.addOption({u"rate"_s, u"load: webhook POSTs (messages) per second (default 200)."_s, u"N"_s});
    parser.addOption({u"duration"_s, u"load: seconds of sending (default 20)."_s, u"S"_s});
    parser.addOption({u"processes"_s, u"load: m1bot serve processes (default 3)."_s, u"N"_s});
    parser.addOption({u"kill-at"_s, u"load: SIGKILL one process S seconds in (default: half the duration)."_s,
                      u"S"_s});
    parser.addOption({u"no-kill"_s, u"load: a baseline run, nothing killed."_s});
    parser.addOption({u"restart-after"_s, u"load: start the killed process again S seconds later (default 1)."_s,
                      u"S"_s});
    parser.addOption({u"claim-idle"_s,
                      u"load: the processes take over a dead one's messages after MS (default 2000)."_s, u"MS"_s});
    parser.addOption({u"workers"_s, u"load: worker lanes per process (default 5)."_s, u"N"_s});
}

std::optional<LoadSettings> BenchCommand::loadSettings(const QCommandLineParser &parser, CliContext &ctx) const
{
    LoadSettings s;
    const auto seconds = [&](const QString &name, double fallback, double min, double max) -> std::optional<double> {
        if (!parser.isSet(name))
            return fallback;
        bool ok = false;
        const double v = parser.value(name).toDouble(&ok);
        if (!ok || v < min || v > max) {
            usageError(ctx, u"--"_s + name + u": expected a number from "_s + QString::number(min) + u" to "_s
                                + QString::number(max) + u", got '"_s + parser.value(name) + u'\'');
            return std::nullopt;
        }
        return v;
    };
    const auto rate = seconds(u"rate"_s, s.rate, 1, 100'000);
    if (!rate)
        return std::nullopt;
    const auto duration = seconds(u"duration"_s, s.durationS, 1, 3600);
    if (!duration)
        return std::nullopt;
    const auto killAt = seconds(u"kill-at"_s, -1, 0, *duration);
    const auto restartAfter = seconds(u"restart-after"_s, s.restartAfterS, 0, 3600);
    const auto processes = intOption(parser, u"processes"_s, s.processes, 1, 32, ctx);
    const auto claimIdle = intOption(parser, u"claim-idle"_s, s.claimIdleMs, 100, 600'000, ctx);
    const auto workers = intOption(parser, u"workers"_s, s.workers, 1, 256, ctx);
    if (!killAt || !restartAfter || !processes || !claimIdle || !workers)
        return std::nullopt;
    if (double(*rate) * *duration > 5'000'000) {
        usageError(ctx, u"--rate × --duration: at most 5000000 messages"_s);
        return std::nullopt;
    }
    s.rate = *rate;
    s.durationS = *duration;
    s.killAtS = *killAt;
    s.kill = !parser.isSet(u"no-kill"_s);
    s.restartAfterS = *restartAfter;
    s.processes = int(*processes);
    s.claimIdleMs = int(*claimIdle);
    s.workers = int(*workers);
    return s;
}

int BenchCommand::runLoad(const QCommandLineParser &parser, BenchSettings settings, CliContext &ctx)
{
    const std::optional<LoadSettings> load = loadSettings(parser, ctx);
    if (!load)
        return ExitUsage;
    settings.load = *load;
    QJsonObject report;
    if (!LoadBench().run(settings, report, ctx))
        return ExitFailure;
    const QJsonObject result = report.value(u"load"_s).toObject();
    if (jsonOutput(parser))
        ctx.out << QJsonDocument(report).toJson(QJsonDocument::Compact) << '\n';
    else
        ctx.out << LoadReport::toText(result);
    return LoadReport::passed(result) ? ExitOk : ExitFailure;
}

int BenchCommand::execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx)
{
    BenchSettings settings;
    settings.config = config;
    if (parser.isSet(u"load"_s)) {
        if (parser.isSet(u"only"_s))
            return usageError(ctx, u"--load runs alone: leave out --only"_s);
        return runLoad(parser, settings, ctx);
    }
    const auto tools = intOption(parser, u"tools"_s, 200, 1, 5'000'000, ctx);
    const auto dim = intOption(parser, u"dim"_s, 1536, 2, 8192, ctx);
    const auto repeat = intOption(parser, u"repeat"_s, 5, 1, 1000, ctx);
    const auto e2eRate = intOption(parser, u"e2e-rate"_s, 1000, 1, 1'000'000, ctx);
    const auto e2eMessages = intOption(parser, u"e2e-messages"_s, 5000, 1, 10'000'000, ctx);
    const auto e2eWorkers = intOption(parser, u"e2e-workers"_s, 5, 1, 256, ctx);
    if (!tools || !dim || !repeat || !e2eRate || !e2eMessages || !e2eWorkers)
        return ExitUsage;
    settings.e2eRate = double(*e2eRate);
    settings.e2eMessages = int(*e2eMessages);
    settings.e2eWorkers = int(*e2eWorkers);
    settings.tools = int(*tools);
    settings.dim = int(*dim);
    settings.repeat = int(*repeat);
    settings.parseFiles = parser.values(u"parse-file"_s);
    if (parser.isSet(u"graph-sizes"_s)) {
        settings.graphSizes.clear();
        for (const QString &part : parser.value(u"graph-sizes"_s).split(u',')) {
            bool ok = false;
            const int size = part.trimmed().toInt(&ok);
            if (!ok || size < 1 || size > 5'000'000)
                return usageError(ctx, u"--graph-sizes: expected whole numbers from 1 to 5000000, got '"_s
                                           + part + u'\'');
            settings.graphSizes.append(size);
        }
    }

    QSet<QString> only;
    if (parser.isSet(u"only"_s)) {
        for (const QString &part : parser.value(u"only"_s).split(u',', Qt::SkipEmptyParts)) {
            const QString wanted = part.trimmed();
            const bool known = std::any_of(m_sections.begin(), m_sections.end(),
                                           [&](const auto &s) { return s->name() == wanted; });
            if (!known)
                return usageError(ctx, u"--only: no bench section named '"_s + wanted + u'\'');
            only.insert(wanted);
        }
    }

    QJsonObject report{{u"tools"_s, settings.tools}, {u"dim"_s, settings.dim}};
    QElapsedTimer total;
    total.start();
    for (const auto &section : m_sections) {
        if (!only.isEmpty() && !only.contains(section->name()))
            continue;
        if (!section->run(settings, report, ctx))
            return ExitFailure;
    }
    QJsonObject startup = report.value(u"startup_ms"_s).toObject();
    double startupTotal = 0;
    for (const QString &phase : {u"parse"_s, u"embed"_s, u"graph"_s, u"index"_s})
        startupTotal += startup.value(phase).toDouble();
    startup.insert(u"total"_s, startupTotal);
    report.insert(u"startup_ms"_s, startup);
    report.insert(u"bench_wall_ms"_s, double(total.elapsed()));

    const auto format = jsonOutput(parser) ? QJsonDocument::Compact : QJsonDocument::Indented;
    ctx.out << QJsonDocument(report).toJson(format);
    if (format == QJsonDocument::Compact)
        ctx.out << '\n';
    return ExitOk;
}

} // namespace m1
