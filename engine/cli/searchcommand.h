#pragma once

// m1bot search: which tools a message would go to, with every part of each score.

#include "cli/clicommand.h"

namespace m1 {

class SearchCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("search"); }
    QString summary() const override
    {
        return QStringLiteral("Rank the tools for a message and show how each score was made.");
    }

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString positionalSyntax() const override { return QStringLiteral("QUERY"); }
    int execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx) override;
};

} // namespace m1
