#include "cli/registrycommand.h"

#include "cli/sourcecheck.h"
#include "facade/snapshotjson.h"
#include "registry/registryloader.h"

#include <QElapsedTimer>
#include <QJsonDocument>

namespace m1 {

int RegistryCommand::execute(const QCommandLineParser &parser, const EngineConfig &config,
                             CliContext &ctx)
{
    QElapsedTimer timer;
    timer.start();
    const ToolRegistry registry = RegistryLoader().load(config.effectiveSpecSources());
    const double loadMs = timer.nsecsElapsed() / 1e6;

    if (jsonOutput(parser)) {
        ctx.out << QJsonDocument(SnapshotJson::registry(registry, loadMs)).toJson(QJsonDocument::Compact)
                << '\n';
    } else {
        for (const ToolDefinition &tool : registry.tools()) {
            ctx.out << tool.method.leftJustified(7) << QChar(u' ') << tool.id.leftJustified(36) << QChar(u' ')
                    << tool.path << QStringLiteral("  [") << tool.category << QStringLiteral("]\n");
        }
        ctx.out << registry.size() << QStringLiteral(" tools from ") << registry.sources().size() << QStringLiteral(" source(s) in ")
                << QString::number(loadMs, 'f', 1) << QStringLiteral(" ms; ") << registry.errors().size()
                << QStringLiteral(" load problem(s)\n");
        for (const LoadError &e : registry.errors())
            ctx.err << e.toString() << QChar(u'\n');
    }
    return SourceCheck::unreadableSourcesExit(registry, *this, ctx);
}

} // namespace m1
