#pragma once
// One conversation turn: given the loaded session, the user's message and who they are, decide
// what to do (answer a pending question, pick a candidate, confirm or cancel a write, or search
// for a tool and let the planner choose), fill parameters (message, profile, earlier turns, the
// planner's arguments, provider tools from the dependency graph), ask for the first missing one,
// ask before any write, run the tool and phrase the result in the user's language. The session
// is changed in memory only; the caller saves it (write-behind). Deterministic for a
// deterministic planner, executor and clock; run() blocks on the planner and the executor, so
// call it on a worker thread.
#include "agent/turnoutcome.h"
#include "agent/userprofile.h"
#include "channel/inboundmessage.h"

#include <QRegularExpression>

#include <memory>

namespace m1 {

class AgentTr;
class Clock;
class ConversationSession;
class DependencyGraph;
class ParameterFiller;
class Planner;
class ProviderResolver;
class ReplyFormatter;
class RulePlanner;
class SearchEngine;
class ToolExecutor;
class ToolRegistry;
struct FillResult;
struct ScoredTool;
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
    // Optional: who chooses the tool. Null: a RulePlanner of the orchestrator's own.
    Planner *planner = nullptr;
    // Optional: the dependency graph of `registry`'s tools. Null: no provider tools are called.
    const DependencyGraph *graph = nullptr;
};

class Orchestrator
{
public:
    // Provider tools called per turn, at most (one per missing parameter).
    static constexpr int kMaxProviderCalls = 3;

    explicit Orchestrator(const OrchestratorParts &parts);
    ~Orchestrator();
    Orchestrator(const Orchestrator &) = delete;
    Orchestrator &operator=(const Orchestrator &) = delete;

    TurnOutcome run(ConversationSession &session, const InboundMessage &message,
                    const UserProfile &profile) const;

    const Planner &planner() const { return *m_planner; }

private:
    struct Turn; // the working data of one run()
    void handleConfirmation(Turn &turn) const;
    void handleChoice(Turn &turn) const;
    void handleAnswer(Turn &turn) const;
    bool handlePick(Turn &turn, const ToolDefinition &tool) const;
    void handleRequest(Turn &turn) const;
    void offer(Turn &turn, const QList<ScoredTool> &offered) const;
    // Fills `tool` from the message (and what the session has), then asks, confirms or executes.
    void proceedWith(Turn &turn, const ToolDefinition &tool, const QString &answering) const;
    FillResult fill(const Turn &turn, const ToolDefinition &tool, const QString &answering) const;
    // Calls provider tools for the missing parameters; true when it asked the user to pick.
    bool lookUpProviders(Turn &turn, const ToolDefinition &tool) const;
    void askOrConfirm(Turn &turn, const ToolDefinition &tool) const;
    void execute(Turn &turn, const ToolDefinition &tool) const;
    void say(Turn &turn, const char *phrase) const;
    static void traceParameters(Turn &turn);
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
    std::unique_ptr<RulePlanner> m_ownPlanner;
    Planner *m_planner;
    std::unique_ptr<ProviderResolver> m_providers;
    QRegularExpression m_yes;
    QRegularExpression m_no;
};

} // namespace m1
