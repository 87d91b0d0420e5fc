#include "cli/cliapplication.h"

#include "cli/benchcommand.h"
#include "cli/chatcommand.h"
#include "cli/evalcommand.h"
#include "cli/graphcommand.h"
#include "cli/registrycommand.h"
#include "cli/searchcommand.h"
#include "cli/servecommand.h"

#include <QCoreApplication>

namespace m1 {

CliApplication::CliApplication()
{
    m_commands.push_back(std::make_unique<RegistryCommand>());
    m_commands.push_back(std::make_unique<GraphCommand>());
    m_commands.push_back(std::make_unique<SearchCommand>());
    m_commands.push_back(std::make_unique<EvalCommand>());
    m_commands.push_back(std::make_unique<BenchCommand>());
    m_commands.push_back(std::make_unique<ChatCommand>());
    m_commands.push_back(std::make_unique<ServeCommand>());
}

CliApplication::~CliApplication() = default;

CliCommand *CliApplication::find(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

void CliApplication::printUsage(CliContext &ctx) const
{
    ctx.out << QStringLiteral("Usage: ") << ctx.program << QStringLiteral(" COMMAND [OPTIONS]\n\n")
            << QStringLiteral("MobilityOne Bot, headless: the same engine as m1-console.\n\nCommands:\n");
    for (const auto &command : m_commands)
        ctx.out << QStringLiteral("  ") << command->name().leftJustified(10) << QChar(u' ') << command->summary() << QChar(u'\n');
    ctx.out << QStringLiteral("\nEvery command takes --config FILE, --spec PATH|URL, --store STORE and --json.\n")
            << QStringLiteral("Run '") << ctx.program << QStringLiteral(" COMMAND --help' for a command's own options.\n");
    ctx.out.flush();
}

int CliApplication::run(const QStringList &arguments, CliContext &ctx)
{
    const QString first = arguments.value(1);
    if (first.isEmpty() || first == u"--help" || first == u"-h" || first == u"help") {
        if (first == u"help" && arguments.size() > 2) {
            if (CliCommand *command = find(arguments.at(2)))
                return command->run({arguments.at(2), QStringLiteral("--help")}, ctx);
        }
        printUsage(ctx);
        return first.isEmpty() ? ExitUsage : ExitOk;
    }
    if (first == u"--version" || first == u"-v") {
        ctx.out << ctx.program << QChar(u' ') << QCoreApplication::applicationVersion() << QChar(u'\n');
        ctx.out.flush();
        return ExitOk;
    }
    CliCommand *command = find(first);
    if (!command) {
        QStringList names;
        for (const auto &c : m_commands)
            names.append(c->name());
        ctx.err << ctx.program << QStringLiteral(": unknown command '") << first << QStringLiteral("' (expected one of: ")
                << names.join(QStringLiteral(", ")) << QChar(u')') << Qt::endl;
        return ExitUsage;
    }
    return command->run(arguments.mid(1), ctx);
}

} // namespace m1
