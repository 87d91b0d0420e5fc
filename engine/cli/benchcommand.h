#pragma once

// m1bot bench: measures each subsystem in one run and prints the figures the project's
// speed targets are written against (DESIGN.md lists the JSON fields).

#include "cli/benchsection.h"
#include "cli/clicommand.h"
#include "cli/loadsettings.h"

#include <memory>
#include <optional>
#include <vector>

namespace m1 {

class BenchCommand final : public CliCommand
{
public:
    BenchCommand();
    ~BenchCommand() override;

    QString name() const override { return QStringLiteral("bench"); }
    QString summary() const override
    {
        return QStringLiteral("Measure start-up, graph, search and state-store speed; report medians and p99. "
                              "With --load: several serve processes under load, one killed midway.");
    }

protected:
    void addOptions(QCommandLineParser &parser) override;
    int execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx) override;

private:
    // --load and its knobs: a run of its own (LoadBench), not one of the sections.
    void addLoadOptions(QCommandLineParser &parser);
    std::optional<LoadSettings> loadSettings(const QCommandLineParser &parser, CliContext &ctx) const;
    int runLoad(const QCommandLineParser &parser, BenchSettings settings, CliContext &ctx);

    std::vector<std::unique_ptr<BenchSection>> m_sections;
};

} // namespace m1
