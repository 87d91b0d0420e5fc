#include "cli/searchloader.h"

#include "cli/clicommand.h"
#include "cli/sourcecheck.h"
#include "registry/registryloader.h"

namespace m1 {

std::unique_ptr<LoadedSearch> SearchLoader::load(const QStringList &sources, const EngineConfig &config,
                                                 const Clock &clock, const CliCommand &command,
                                                 CliContext &ctx, int *exitCode)
{
    auto loaded = std::make_unique<LoadedSearch>();
    loaded->registry = std::make_shared<const ToolRegistry>(RegistryLoader().load(sources));
    *exitCode = SourceCheck::unreadableSourcesExit(*loaded->registry, command, ctx);
    if (*exitCode != ExitOk)
        return nullptr;
    loaded->search = SearchFactory::build(config, *loaded->registry, clock);
    if (!loaded->search.engine) {
        ctx.err << ctx.program << u' ' << command.name() << QStringLiteral(": ") << loaded->search.error
                << Qt::endl;
        *exitCode = ExitFailure;
        return nullptr;
    }
    return loaded;
}

} // namespace m1
