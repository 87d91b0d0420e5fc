#pragma once

// m1bot serve: the bot in production. The WhatsApp webhook (GET/POST /webhook, /health,
// /metrics) feeds the Redis Stream, N worker lanes run each message through the orchestrator and
// the replies go out through the Graph API, until SIGTERM or SIGINT stops it gracefully: no new
// connections, the lanes finish what they hold, unread messages stay in the stream for the next
// process. Refuses to start (exit 2) while a required WhatsApp setting is missing.

#include "cli/clicommand.h"

namespace m1 {

class ServeCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("serve"); }
    QString summary() const override
    {
        return QStringLiteral("Run the WhatsApp webhook and the workers until SIGTERM (production).");
    }
    QString description() const override;

protected:
    void addOptions(QCommandLineParser &parser) override;
    int execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx) override;
};

} // namespace m1
