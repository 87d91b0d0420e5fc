#pragma once

// One part of `m1bot bench`: measures one subsystem and adds its fields to the report.

#include "cli/benchsettings.h"
#include "cli/clicontext.h"

#include <QJsonObject>

namespace m1 {

class BenchSection
{
public:
    virtual ~BenchSection() = default;
    virtual QString name() const = 0;
    // Adds its fields to report; returns false (after writing why to ctx.err) when it could not run.
    virtual bool run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx) = 0;
};

} // namespace m1
