#include "cli/graphcommand.h"

#include "cli/sourcecheck.h"
#include "facade/snapshotbuilder.h"
#include "facade/snapshotjson.h"

#include <QJsonDocument>

namespace m1 {

void GraphCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("dot"), QStringLiteral("Print the graph in Graphviz DOT format.")});
    parser.addOption({QStringLiteral("tool"),
                      QStringLiteral("Show the providers, consumers and the plan for one tool."),
                      QStringLiteral("ID")});
}

int GraphCommand::execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx)
{
    if (jsonOutput(parser) && parser.isSet(QStringLiteral("dot")))
        return usageError(ctx, QStringLiteral("--json and --dot cannot be combined"));

    const EngineSnapshotPtr snapshot = SnapshotBuilder::build(config);
    const ToolRegistry &registry = *snapshot->registry;
    const DependencyGraph &graph = *snapshot->graph;
    const int sourceExit = SourceCheck::unreadableSourcesExit(registry, *this, ctx);
    if (sourceExit != ExitOk)
        return sourceExit;

    if (parser.isSet(QStringLiteral("tool"))) {
        const QString id = parser.value(QStringLiteral("tool"));
        const int index = registry.indexOf(id);
        if (index < 0)
            return failure(ctx, u"no tool with id '" + id + u'\'');
        const QList<ToolDefinition> &tools = registry.tools();
        ctx.out << id << QChar(u'\n');
        for (const GraphEdge &e : graph.incoming(index))
            ctx.out << QStringLiteral("  needs ") << e.param << QStringLiteral(" ← ") << tools.at(e.from).id << QStringLiteral(" (") << e.key << QStringLiteral(")\n");
        for (const GraphEdge &e : graph.consumers(index))
            ctx.out << QStringLiteral("  feeds ") << tools.at(e.to).id << QChar(u'.') << e.param << QStringLiteral(" (") << e.key << QStringLiteral(")\n");
        const ProviderPlan plan = graph.planFor(index);
        for (const PlanStep &step : plan.steps) {
            ctx.out << QStringLiteral("  plan: call ") << tools.at(step.tool).id << QStringLiteral(" for ") << tools.at(step.forTool).id
                    << QChar(u'.') << step.forParam << QChar(u'\n');
        }
        for (const QString &param : plan.unresolved)
            ctx.out << QStringLiteral("  ask the user for ") << param << QChar(u'\n');
        return ExitOk;
    }

    if (parser.isSet(QStringLiteral("dot"))) {
        ctx.out << SnapshotJson::graphDot(registry, graph);
    } else if (jsonOutput(parser)) {
        ctx.out << QJsonDocument(SnapshotJson::graph(registry, graph, snapshot->graphMs))
                       .toJson(QJsonDocument::Compact)
                << '\n';
    } else {
        const QList<ToolDefinition> &tools = registry.tools();
        for (const GraphEdge &e : graph.edges())
            ctx.out << tools.at(e.from).id << QStringLiteral(" -> ") << tools.at(e.to).id << QStringLiteral("  [") << e.key << QStringLiteral("]\n");
        ctx.out << graph.nodeCount() << QStringLiteral(" tools, ") << graph.edgeCount() << QStringLiteral(" edges, built in ")
                << QString::number(snapshot->graphMs, 'f', 2) << QStringLiteral(" ms\n");
    }
    return ExitOk;
}

} // namespace m1
