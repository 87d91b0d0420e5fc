#pragma once

// m1bot eval: retrieval quality on labelled queries (recall@k, MRR, nDCG@5, latency).

#include "cli/clicommand.h"

namespace m1 {

class EvalCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("eval"); }
    QString summary() const override
    {
        return QStringLiteral("Measure how often search finds the right tool for labelled queries.");
    }

protected:
    void addOptions(QCommandLineParser &parser) override;
    int execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx) override;
};

} // namespace m1
