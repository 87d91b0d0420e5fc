#pragma once

// The whole message path under load, as `m1bot serve` runs it: signed webhook POSTs over
// loopback at a fixed rate → webhook → Redis Stream (the --store, managed redis-server by
// default) → worker lanes (rule planner, sandbox executor) → Graph API sender → a local fake
// Graph API that notes when each user's first reply arrives. Reports sustained messages per
// second, POST-to-reply latency (p50/p99), the webhook's own answer time, and the store's round
// trips and commands per message over the whole path; where a tail comes from (each stage's
// p50/p99, a message's wait in the stream and for a lane, this process's CPU run-queue wait and
// scheduling stalls, redis-server's own latency events); with a "database" in the config, the
// SQL message log as serve writes it.

#include "cli/benchsection.h"

namespace m1 {

class E2eBench final : public BenchSection
{
public:
    QString name() const override { return QStringLiteral("e2e"); }
    bool run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx) override;
};

} // namespace m1
