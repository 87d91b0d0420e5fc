#include "cli/searchcommand.h"

#include "cli/searchloader.h"
#include "core/clock.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace m1 {

void SearchCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({u"top"_s, u"How many results to show (default 5)."_s, u"K"_s});
    parser.addOption({u"user"_s, u"Score as this user (phone number) would be scored."_s, u"PHONE"_s});
}

int SearchCommand::execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx)
{
    const QString query = parser.positionalArguments().join(u' ').trimmed();
    if (query.isEmpty())
        return usageError(ctx, u"expected a QUERY, e.g. m1bot search \"how many km does my car have\""_s);
    const auto top = intOption(parser, u"top"_s, 5, 1, 100, ctx);
    if (!top)
        return ExitUsage;

    SystemClock clock;
    int exitCode = ExitOk;
    const std::unique_ptr<LoadedSearch> loaded =
        SearchLoader::load(config.effectiveSpecSources(), config, clock, *this, ctx, &exitCode);
    if (!loaded)
        return exitCode;
    const SearchSetup &setup = loaded->search;

    const SearchResult result = setup.engine->search({query, parser.value(u"user"_s), int(*top)});
    if (!result.error.isEmpty())
        return failure(ctx, result.error);
    if (jsonOutput(parser)) {
        ctx.out << QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact) << '\n';
        return ExitOk;
    }
    for (const ScoredTool &tool : result.results) {
        const ScoreBreakdown &p = tool.parts;
        ctx.out << QString::number(tool.score, 'f', 3) << u"  "_s << tool.id.leftJustified(34)
                << u" dense "_s << QString::number(p.dense, 'f', 2) << u" lexical "_s
                << QString::number(p.lexical, 'f', 2) << u" method "_s << QString::number(p.method, 'f', 2)
                << u" docs "_s << QString::number(p.docs, 'f', 2) << u'\n';
    }
    ctx.out << (result.abstain ? u"abstain: the best score is under the act threshold; the bot would ask\n"_s
                               : u"act: the bot would use the first tool\n"_s)
            << u"took "_s << result.tookUs << u" µs (+ "_s << result.embedUs << u" µs embedding the query)\n"_s;
    return ExitOk;
}

} // namespace m1
