#pragma once

// `m1bot bench --load`: the bot as it runs in production, several `m1bot serve` processes
// sharing one Redis behind a load balancer, driven at a steady rate for a bounded time while one
// of them is killed (SIGKILL: it loses what it was doing) and started again. The bench starts
// everything itself in a temporary folder: a managed redis-server, a Graph API stand-in that
// captures the replies, and the children (this same binary; sandbox executor, rule planner,
// their own SQLite files, secrets in the environment). Then it sends signed webhook POSTs
// (LoadBalancingClient), waits for the queue to drain (the dead process' messages are taken over
// after the children's short claim-idle time), and reports messages in, replies out, lost and
// duplicated messages and the latencies (LoadReport). Adds a `load` object to the report.

#include "cli/benchsection.h"

namespace m1 {

class LoadBench final : public BenchSection
{
public:
    QString name() const override { return QStringLiteral("load"); }
    bool run(const BenchSettings &settings, QJsonObject &report, CliContext &ctx) override;
};

} // namespace m1
