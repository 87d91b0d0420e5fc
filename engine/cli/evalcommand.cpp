#include "cli/evalcommand.h"

#include "cli/searchloader.h"
#include "core/clock.h"
#include "facade/bundledresources.h"
#include "search/searchevaluator.h"

#include <QDir>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace m1 {

void EvalCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({u"queries"_s,
                      u"Labelled queries, JSON Lines {\"query\", \"tool_ids\": [...]} (default: the demo's)."_s,
                      u"FILE"_s});
    parser.addOption({u"tools"_s, u"Evaluate against this tool catalog (JSON Lines) or spec instead of --spec."_s,
                      u"FILE"_s});
    parser.addOption({u"misses"_s, u"Also list the queries whose first result was wrong."_s});
}

int EvalCommand::execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx)
{
    const QString queriesPath = parser.isSet(u"queries"_s) ? parser.value(u"queries"_s)
                                                           : BundledResources::evalQueries();
    QStringList problems;
    const QList<EvalQuery> queries = SearchEvaluator::loadQueries(queriesPath, &problems);
    for (const QString &problem : std::as_const(problems))
        ctx.err << ctx.program << u" eval: "_s << problem << Qt::endl;
    if (queries.isEmpty())
        return failure(ctx, u"no usable queries in "_s + queriesPath);

    const QStringList sources = parser.isSet(u"tools"_s)
                                    ? QStringList{QDir::current().absoluteFilePath(parser.value(u"tools"_s))}
                                    : config.effectiveSpecSources();
    SystemClock clock;
    int exitCode = ExitOk;
    const std::unique_ptr<LoadedSearch> loaded =
        SearchLoader::load(sources, config, clock, *this, ctx, &exitCode);
    if (!loaded)
        return exitCode;
    const SearchSetup &setup = loaded->search;

    const EvalReport report = SearchEvaluator::evaluate(*setup.engine, queries);
    const QJsonObject json = report.toJson(parser.isSet(u"misses"_s));
    ctx.out << QJsonDocument(json).toJson(jsonOutput(parser) ? QJsonDocument::Compact : QJsonDocument::Indented);
    if (jsonOutput(parser))
        ctx.out << '\n';
    return problems.isEmpty() ? ExitOk : ExitFailure;
}

} // namespace m1
