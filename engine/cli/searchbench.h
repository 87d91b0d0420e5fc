#pragma once

// Search speed: scoring latency on synthetic registries (exact and HNSW, ANN recall), the
// embedding phase of start-up through the HTTP provider against a local fake server, and the
// demo's own embed and index phases.

#include "cli/benchsection.h"

namespace m1 {

class SearchBench final : public BenchSection
{
public:
    QString name() const override { return QStringLiteral("search"); }
    bool run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx) override;
};

} // namespace m1
