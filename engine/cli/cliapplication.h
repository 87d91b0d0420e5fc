#pragma once

// The m1bot dispatcher: picks the subcommand named by the first argument and runs it.

#include "cli/clicommand.h"

#include <memory>
#include <vector>

namespace m1 {

class CliApplication
{
public:
    CliApplication();
    ~CliApplication();

    // arguments as QCoreApplication::arguments() gives them (program first).
    int run(const QStringList &arguments, CliContext &ctx);

private:
    void printUsage(CliContext &ctx) const;
    CliCommand *find(const QString &name) const;

    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace m1
