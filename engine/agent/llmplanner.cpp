#include "agent/llmplanner.h"

#include "agent/completionparser.h"
#include "agent/llmarguments.h"
#include "agent/ruleplanner.h"
#include "net/networkclients.h"
#include "registry/toolregistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace m1 {

LlmPlanner::LlmPlanner(LlmPlannerOptions options, std::unique_ptr<Planner> fallback, const Clock &clock,
                       NetworkClients *network, std::function<double()> uniform, MetricsRegistry *metrics)
    : m_options(std::move(options)),
      m_fallback(fallback ? std::move(fallback) : std::make_unique<RulePlanner>()),
      m_prompts(m_options, clock)
{
    if (!network) {
        m_ownedNetwork = std::make_unique<NetworkClients>();
        network = m_ownedNetwork.get();
    }
    m_client = std::make_unique<ChatCompletionClient>(m_options, clock, *network, std::move(uniform), metrics);
}

LlmPlanner::~LlmPlanner() = default;

bool LlmPlanner::onGuiThread()
{
    // Asked by class name: the engine does not link Qt Gui.
    const QCoreApplication *app = QCoreApplication::instance();
    return app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread();
}

PlanDecision LlmPlanner::fallback(const PlanRequest &request, const QString &reason, QStringList notes)
{
    PlanDecision decision = m_fallback->plan(request);
    decision.source = u"rules-fallback"_s;
    decision.fallbackReason = reason;
    notes.append(u"llm: "_s + reason + u"; the rule planner decided"_s);
    decision.notes = notes + decision.notes;
    return decision;
}

PlanDecision LlmPlanner::plan(const PlanRequest &request)
{
    if (onGuiThread())
        return fallback(request, u"not asked on the GUI thread (waiting would freeze the window)"_s, {});
    const ChatPromptBuilder::Prompt prompt = m_prompts.build(request);
    if (prompt.names.size() == 0)
        return fallback(request, u"search found no candidate tools to offer the model"_s, {});

    QElapsedTimer took;
    took.start();
    const ChatCompletionResult answer = m_client->complete(prompt.body, QDeadlineTimer(qMax(1, m_options.budgetMs)));
    QStringList notes = answer.notes;
    notes.prepend(u"llm: asked %1 %2 with %3 candidate function(s); %4 attempt(s), %5 ms"_s.arg(
            m_options.providerName(), m_options.modelName(), QString::number(prompt.names.size()),
            QString::number(answer.attempts), QString::number(took.elapsed())));
    if (!answer.ok)
        return fallback(request, answer.error, notes);
    return decide(request, CompletionParser::parse(answer.body), prompt, notes);
}

PlanDecision LlmPlanner::decide(const PlanRequest &request, const ParsedCompletion &parsed,
                                const ChatPromptBuilder::Prompt &prompt, QStringList notes)
{
    PlanDecision decision;
    decision.source = u"llm"_s;
    switch (parsed.kind) {
    case ParsedCompletion::Kind::Invalid:
        return fallback(request, u"the answer is not a usable chat completion: "_s + parsed.problem, notes);
    case ParsedCompletion::Kind::None:
        decision.kind = PlanDecision::Kind::NotToolRequest;
        notes.append(u"llm: not a request for any candidate tool"_s);
        break;
    case ParsedCompletion::Kind::Ask:
    case ParsedCompletion::Kind::Text:
        // The model could not choose (or asked back in prose): offer the candidates, as the
        // rules do when search abstains, rather than relaying words we cannot translate.
        decision.kind = PlanDecision::Kind::Abstain;
        decision.offered = request.search.candidates.isEmpty() ? request.search.results.mid(0, m_options.topK)
                                                               : request.search.candidates;
        notes.append(parsed.kind == ParsedCompletion::Kind::Ask
                             ? u"llm: could not tell which tool; offering the candidates"_s
                             : u"llm: answered in text instead of calling a function (\"%1\"); offering the candidates"_s
                                       .arg(parsed.content.left(80)));
        break;
    case ParsedCompletion::Kind::ToolCall: {
        const QString toolId = prompt.names.toolFor(parsed.functionName);
        const ToolDefinition *tool = toolId.isEmpty() ? nullptr : request.registry.find(toolId);
        if (!tool)
            return fallback(request, u"the model called \"%1\", which is not one of the offered functions"_s
                                             .arg(parsed.functionName.left(80)),
                            notes);
        decision.kind = PlanDecision::Kind::Tool;
        decision.toolId = tool->id;
        if (!parsed.argumentsProblem.isEmpty())
            notes.append(u"llm: arguments ignored, the parameters come from the message: "_s + parsed.argumentsProblem);
        else
            decision.arguments = LlmArguments::accept(*tool, parsed.arguments, &notes);
        if (parsed.toolCalls > 1)
            notes.append(u"llm: %1 function calls; only the first is used"_s.arg(parsed.toolCalls));
        notes.append(u"llm: chose %1 with %2 argument(s)"_s.arg(tool->id).arg(decision.arguments.size()));
        break;
    }
    }
    decision.notes = notes;
    return decision;
}

} // namespace m1
