#pragma once

// Plans with an LLM through OpenAI or Azure OpenAI chat completions with function calling: the
// top-k search candidates go to the model as function schemas, with a short system prompt,
// the recent history and the user's message; the function it calls (mapped back from its
// sanitised name) and the arguments it read become the decision. When the model is not
// reachable, too slow for the turn's time budget, refused by the open circuit breaker, or
// answers something that is not a choice among the candidates, the fallback planner (the rules)
// decides and the decision says why. Never blocks the GUI thread: called there it defers to
// the fallback at once.

#include "agent/chatcompletionclient.h"
#include "agent/chatpromptbuilder.h"
#include "agent/llmplanneroptions.h"
#include "agent/planner.h"

#include <functional>
#include <memory>

namespace m1 {

class Clock;
class MetricsRegistry;
class NetworkClients;
struct ParsedCompletion;

class LlmPlanner final : public Planner
{
public:
    // network may be null: the planner then keeps its own per-thread managers. metrics, when
    // given, counts the requests sent (agent.llm.requests); it must outlive the planner.
    LlmPlanner(LlmPlannerOptions options, std::unique_ptr<Planner> fallback, const Clock &clock,
               NetworkClients *network = nullptr, std::function<double()> uniform = {},
               MetricsRegistry *metrics = nullptr);
    ~LlmPlanner() override;

    QString name() const override { return QStringLiteral("llm"); }
    int candidateCount() const override { return m_options.topK; }
    PlanDecision plan(const PlanRequest &request) override;

    const LlmPlannerOptions &options() const { return m_options; }
    CircuitBreaker::State breakerState() const { return m_client->breaker().state(); }
    quint64 requestCount() const { return m_client->requestCount(); }

    // True when the calling thread is a GUI application's main thread (where waiting would
    // freeze the window).
    static bool onGuiThread();

private:
    PlanDecision fallback(const PlanRequest &request, const QString &reason, QStringList notes);
    PlanDecision decide(const PlanRequest &request, const ParsedCompletion &parsed,
                        const ChatPromptBuilder::Prompt &prompt, QStringList notes);

    LlmPlannerOptions m_options;
    std::unique_ptr<Planner> m_fallback;
    std::unique_ptr<NetworkClients> m_ownedNetwork;
    ChatPromptBuilder m_prompts;
    std::unique_ptr<ChatCompletionClient> m_client;
};

} // namespace m1
