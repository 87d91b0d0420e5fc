#pragma once

// m1bot graph: the dependency graph between tools, as JSON, DOT or a readable edge list.

#include "cli/clicommand.h"

namespace m1 {

class GraphCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("graph"); }
    QString summary() const override
    {
        return QStringLiteral("Show which tools provide the inputs other tools need.");
    }

protected:
    void addOptions(QCommandLineParser &parser) override;
    int execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx) override;
};

} // namespace m1
