#pragma once

// m1bot registry: load the configured sources and list the tools and load problems.

#include "cli/clicommand.h"

namespace m1 {

class RegistryCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("registry"); }
    QString summary() const override
    {
        return QStringLiteral("List the tools loaded from the API descriptions, and every load problem.");
    }

protected:
    int execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx) override;
};

} // namespace m1
