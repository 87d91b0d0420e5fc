#include "cli/graphbench.h"

#include "cli/benchstats.h"
#include "graph/dependencygraph.h"
#include "graph/synthetictoolfactory.h"
#include "registry/registryloader.h"

#include <QElapsedTimer>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace m1 {

bool GraphBench::run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx)
{
    const ToolRegistry base = RegistryLoader().load(settings.config.effectiveSpecSources());
    if (base.size() == 0) {
        ctx.err << ctx.program << QStringLiteral(" bench: the configured sources hold no tools to derive a graph from")
                << Qt::endl;
        return false;
    }

    // Start-up's own graph phase: the configured registry as it is.
    QList<double> ownRuns;
    for (int i = 0; i < settings.repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        const DependencyGraph graph = DependencyGraph::build(base.tools());
        ownRuns.append(timer.nsecsElapsed() / 1e6);
    }
    QJsonObject startup = report.value(u"startup_ms"_s).toObject();
    startup.insert(u"graph"_s, BenchStats(ownRuns).median());
    report.insert(u"startup_ms"_s, startup);

    QJsonArray sizes;
    double previousPerTool = 0;
    for (int size : settings.graphSizes) {
        const QList<ToolDefinition> tools = SyntheticToolFactory::derive(base.tools(), size);
        // Fewer runs at the largest sizes: each takes long enough to be stable.
        const int runs = size >= 100'000 ? std::min(settings.repeat, 3) : settings.repeat;
        QList<double> samples;
        qsizetype edges = 0;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            const DependencyGraph graph = DependencyGraph::build(tools);
            samples.append(timer.nsecsElapsed() / 1e6);
            edges = graph.edgeCount();
        }
        const BenchStats stats(samples);
        const double perTool = stats.median() * 1000.0 / size; // µs per tool
        QJsonObject row{{u"tools"_s, size},
                        {u"edges"_s, edges},
                        {u"ms"_s, stats.toJson()},
                        {u"us_per_tool"_s, std::round(perTool * 1000.0) / 1000.0}};
        if (previousPerTool > 0)
            row.insert(u"per_tool_vs_previous"_s, std::round(perTool / previousPerTool * 100.0) / 100.0);
        previousPerTool = perTool;
        sizes.append(row);
    }
    report.insert(u"graph_build"_s, sizes);
    return true;
}

} // namespace m1
