#pragma once

// m1bot chat: a terminal conversation through the real pipeline. Each stdin line becomes an
// InboundMessage on the inbound stream, the worker pool runs it, and what the capturing sink
// receives is printed. "/button ID" and "/list ID" answer buttons and lists. Exits at EOF.

#include "cli/clicommand.h"

namespace m1 {

struct InboundMessage;
struct OutboundMessage;

class ChatCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("chat"); }
    QString summary() const override
    {
        return QStringLiteral("Talk to the bot in the terminal (stdin lines; /button ID, /list ID).");
    }

    // A typed line as the message WhatsApp would deliver.
    static InboundMessage messageFor(const QString &line, const QString &phone, const QString &messageId);
    // What the user sees, with the ids to answer buttons and lists with.
    static QString render(const OutboundMessage &message);

protected:
    void addOptions(QCommandLineParser &parser) override;
    int execute(const QCommandLineParser &parser, const EngineConfig &config, CliContext &ctx) override;
};

} // namespace m1
