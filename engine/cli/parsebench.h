#pragma once

// Registry parse time: the bundled demo (as start-up's "parse" phase) and any extra files.

#include "cli/benchsection.h"

namespace m1 {

class ParseBench final : public BenchSection
{
public:
    QString name() const override { return QStringLiteral("parse"); }
    bool run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx) override;
};

} // namespace m1
