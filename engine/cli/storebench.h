#pragma once

// State-store cost of one message: commands and round trips to load and save a turn, on the
// store --store names (the managed redis-server by default).

#include "cli/benchsection.h"

namespace m1 {

class StoreBench final : public BenchSection
{
public:
    QString name() const override { return QStringLiteral("store"); }
    bool run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx) override;
};

} // namespace m1
