#include "cli/sourcecheck.h"

#include "cli/clicommand.h"

namespace m1 {

int SourceCheck::unreadableSourcesExit(const ToolRegistry &registry, const CliCommand &command,
                                       CliContext &ctx)
{
    int unreadable = 0;
    for (const LoadError &e : registry.errors()) {
        if (e.severity == LoadError::Severity::Error && e.pointer.isEmpty()) {
            ctx.err << ctx.program << QChar(u' ') << command.name() << QStringLiteral(": ") << e.toString() << Qt::endl;
            ++unreadable;
        }
    }
    return unreadable ? ExitFailure : ExitOk;
}

} // namespace m1
