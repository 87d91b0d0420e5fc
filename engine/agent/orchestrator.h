#pragma once
// One conversation turn: given the loaded session, the user's message and who they are, decide
// what to do (answer a pending question, pick a candidate, confirm or cancel a write, or search
// for a tool), fill parameters, ask for the first missing one, ask before any write, run the tool
// and phrase the result in the user's language. The session is changed in memory only; the
// caller saves it (write-behind). Deterministic for a deterministic executor and clock; run()
// blocks on the executor's future, so call it on a worker thread.
#include "agent/turnoutcome.h"
#include "agent/userprofile.h"
#include "channel/inboundmessage.h"

#include <QRegularExpression>

namespace m1 {

class AgentTr;
class Clock;
class ConversationSession;
class ParameterFiller;
class ReplyFormatter;
class SearchEngine;
class ToolExecutor;
class ToolRegistry;
struct FillResult;
struct SearchResult;
struct ToolDefinition;
enum class ReplyLanguage;

struct OrchestratorParts
{
    const ToolRegistry &registry;
    const SearchEngine &search;
    const ParameterFiller &filler;
    const ReplyFormatter &formatter;
    const AgentTr &tr;
    ToolExecutor &executor;
    const Clock &clock;
};

class Orchestrator
{
public:
    explicit Orchestrator(const OrchestratorParts &parts);

    TurnOutcome run(ConversationSession &session, const InboundMessage &message,
                    const UserProfile &profile) const;

private:
    struct Turn; // the working data of one run()
    void handleConfirmation(Turn &turn) const;
    void handleChoice(Turn &turn) const;
    void handleAnswer(Turn &turn) const;
    void handleRequest(Turn &turn) const;
    // Fills `tool` from the message (and what the session has), then asks, confirms or executes.
    void proceedWith(Turn &turn, const ToolDefinition &tool, const QString &answering) const;
    const ToolDefinition *writeAlternative(const SearchResult &found, const ToolDefinition &best) const;
    FillResult fill(const Turn &turn, const ToolDefinition &tool, const QString &answering) const;
    void askOrConfirm(Turn &turn, const ToolDefinition &tool) const;
    void execute(Turn &turn, const ToolDefinition &tool) const;
    void say(Turn &turn, const char *phrase) const;
    QJsonObject arguments(const ConversationSession &session) const;
    ReplyLanguage languageFor(ConversationSession &session, const InboundMessage &message,
                              const UserProfile &profile) const;

    const ToolRegistry &m_registry;
    const SearchEngine &m_search;
    const ParameterFiller &m_filler;
    const ReplyFormatter &m_formatter;
    const AgentTr &m_tr;
    ToolExecutor &m_executor;
    const Clock &m_clock;
    QRegularExpression m_yes;
    QRegularExpression m_no;
};

} // namespace m1
