#pragma once

// Dependency-graph build time on synthetic registries derived from the configured spec,
// at several sizes, to show the build grows linearly (the old bot's was O(n²)).

#include "cli/benchsection.h"

namespace m1 {

class GraphBench final : public BenchSection
{
public:
    QString name() const override { return QStringLiteral("graph"); }
    bool run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx) override;
};

} // namespace m1
