#include "agent/orchestrator.h"

#include "agent/agenttr.h"
#include "agent/fillresult.h"
#include "agent/parameterfiller.h"
#include "agent/planner.h"
#include "agent/providerresolver.h"
#include "agent/providerrows.h"
#include "agent/replyformatter.h"
#include "agent/ruleplanner.h"
#include "agent/toolexecutor.h"
#include "conversation/conversationsession.h"
#include "core/clock.h"
#include "registry/toolregistry.h"
#include "search/searchengine.h"

using namespace Qt::StringLiterals;

namespace m1 {

struct Orchestrator::Turn
{
    ConversationSession &session;
    const InboundMessage &message;
    const UserProfile &profile;
    ReplyLanguage language;
    TurnOutcome out;
    QString text;               // what fills parameters; empty after a tap on a provider row
    QStringList lookedUp;       // parameters a provider was asked for this turn
    int providerCalls = 0;
};

namespace {

QString messageText(const InboundMessage &m)
{
    if (!m.text.isEmpty())
        return m.text;
    if (!m.replyTitle.isEmpty())
        return m.replyTitle;
    return m.caption;
}

bool isInteractive(const InboundMessage &m)
{
    return m.type == InboundMessage::Type::ButtonReply || m.type == InboundMessage::Type::ListReply;
}

ParameterSource sourceFor(const FilledValue &v, const QString &answering)
{
    switch (v.source) {
    case ValueSource::Message:
        return answering.isEmpty() ? ParameterSource::Message : ParameterSource::UserAnswer;
    case ValueSource::Profile:
        return ParameterSource::UserProfile;
    case ValueSource::Provider:
        return ParameterSource::ProviderTool;
    case ValueSource::Default:
        return ParameterSource::Default;
    case ValueSource::History:
        break;
    }
    return ParameterSource::Message;
}

QJsonValue typedValue(const ToolParameter &p, const QString &text)
{
    bool ok = false;
    if (p.type == u"integer"_s) {
        const qint64 v = text.toLongLong(&ok);
        if (ok)
            return v;
    } else if (p.type == u"number"_s) {
        const double v = text.toDouble(&ok);
        if (ok)
            return v;
    }
    return text;
}

QString traceSource(const FilledParameter &p)
{
    if (p.source == ParameterSource::ProviderTool && !p.detail.isEmpty())
        return u"provider:"_s + p.detail;
    if (p.source == ParameterSource::Message && p.detail == u"llm"_s)
        return u"llm"_s;
    return ParameterSources::name(p.source);
}

qint64 elapsedUs(const Clock &clock, qint64 startNs)
{
    return (clock.monotonicNs() - startNs) / 1000;
}

} // namespace

Orchestrator::Orchestrator(const OrchestratorParts &parts)
    : m_registry(parts.registry),
      m_search(parts.search),
      m_filler(parts.filler),
      m_formatter(parts.formatter),
      m_tr(parts.tr),
      m_executor(parts.executor),
      m_clock(parts.clock),
      m_ownPlanner(parts.planner ? nullptr : std::make_unique<RulePlanner>()),
      m_planner(parts.planner ? parts.planner : m_ownPlanner.get()),
      m_yes(u"^\\s*(yes|y|ok|okay|confirm|da|može|moze|potvrdi|potvrđujem)\\b"_s,
            QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption),
      m_no(u"^\\s*(no|n|cancel|stop|ne|nemoj|odustani|odustajem)\\b"_s,
           QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption)
{
    if (parts.graph) {
        m_providers = std::make_unique<ProviderResolver>(m_registry, *parts.graph, m_filler, m_executor);
        if (!m_providers->matchesRegistry())
            m_providers.reset(); // a graph of other tools would call the wrong providers
    }
}

Orchestrator::~Orchestrator() = default;

TurnOutcome Orchestrator::run(ConversationSession &session, const InboundMessage &message,
                              const UserProfile &profile) const
{
    const qint64 startNs = m_clock.monotonicNs();
    Turn turn { session, message, profile, languageFor(session, message, profile), {}, messageText(message), {}, 0 };
    turn.out.trace.phaseBefore = ConversationPhases::name(session.state().phase);
    session.addUserMessage(messageText(message), message.messageId);

    switch (session.state().phase) {
    case ConversationPhase::AwaitingConfirmation:
        handleConfirmation(turn);
        break;
    case ConversationPhase::ChoosingCandidate:
        handleChoice(turn);
        break;
    case ConversationPhase::CollectingParameters:
        handleAnswer(turn);
        break;
    case ConversationPhase::Executing: // a turn that died mid-execution: start over
        session.finish();
        handleRequest(turn);
        break;
    case ConversationPhase::Idle:
        handleRequest(turn);
        break;
    }

    ReplyFormatter::address(turn.out.replies, message.from);
    for (const OutboundMessage &reply : std::as_const(turn.out.replies))
        session.addBotMessage(reply.text);
    turn.out.trace.phaseAfter = ConversationPhases::name(session.state().phase);
    turn.out.trace.totalUs = (m_clock.monotonicNs() - startNs) / 1000;
    return std::move(turn.out);
}

void Orchestrator::handleConfirmation(Turn &turn) const
{
    const InboundMessage &m = turn.message;
    const QString text = messageText(m);
    const bool yes = m.replyId == ReplyFormatter::confirmId() || m.replyId == ReplyFormatter::yesId()
            || (!isInteractive(m) && m_yes.match(text).hasMatch());
    const bool no = m.replyId == ReplyFormatter::cancelId() || m.replyId == ReplyFormatter::noId()
            || (!isInteractive(m) && m_no.match(text).hasMatch());
    const ToolDefinition *tool = m_registry.find(turn.session.state().toolId);
    turn.out.trace.chosenToolId = turn.session.state().toolId;
    if (no || !tool) {
        turn.out.trace.action = u"cancel"_s;
        turn.session.finish();
        say(turn, QT_TRANSLATE_NOOP("m1::Agent", "Cancelled. Nothing was changed."));
        return;
    }
    if (yes) {
        turn.out.trace.action = u"confirm"_s;
        execute(turn, *tool);
        return;
    }
    // Anything else: the user may be correcting a value ("no, from 9"); read it as an answer to
    // the tool, which asks for confirmation again when something changed.
    proceedWith(turn, *tool, {});
}

void Orchestrator::handleChoice(Turn &turn) const
{
    const QStringList candidates = turn.session.state().candidates;
    const QString picked = turn.message.replyId;
    if (!picked.isEmpty() && candidates.contains(picked)) {
        if (const ToolDefinition *tool = m_registry.find(picked)) {
            turn.out.trace.action = u"choose"_s;
            turn.session.chooseTool(tool->id, {});
            proceedWith(turn, *tool, {});
            return;
        }
    }
    // Not a pick from the list: a new request.
    turn.session.finish();
    handleRequest(turn);
}

void Orchestrator::handleAnswer(Turn &turn) const
{
    const ToolDefinition *tool = m_registry.find(turn.session.state().toolId);
    if (!tool) {
        turn.session.finish();
        handleRequest(turn);
        return;
    }
    turn.out.trace.action = u"answer"_s;
    if (handlePick(turn, *tool))
        return;
    const QString answering = turn.session.state().missing.value(0);
    if (!isInteractive(turn.message) && m_no.match(turn.text).hasMatch()) {
        turn.out.trace.action = u"cancel"_s;
        turn.session.finish();
        say(turn, QT_TRANSLATE_NOOP("m1::Agent", "Cancelled. Nothing was changed."));
        return;
    }
    // An answer that fills nothing may be a new request ("actually, show my bookings"): when
    // search is sure about another tool, start over with it instead of asking again.
    const FillResult probe = fill(turn, *tool, answering);
    if (probe.missing.contains(answering)) {
        const SearchResult found = m_search.search({ turn.text, turn.session.phone(), 5 });
        if (!found.abstain && found.best() && found.best()->id != tool->id) {
            turn.out.trace.action = u"search"_s;
            turn.session.finish();
            handleRequest(turn);
            return;
        }
    }
    proceedWith(turn, *tool, answering);
}

bool Orchestrator::handlePick(Turn &turn, const ToolDefinition &tool) const
{
    // A tap on a row a provider tool's answer offered: the row's id names the parameter and
    // the value. Its title is only a label, so nothing else is read from the message.
    if (!isInteractive(turn.message))
        return false;
    const auto pick = ProviderRows::parseRowId(turn.message.replyId);
    const ToolParameter *p = pick ? tool.parameter(pick->param) : nullptr;
    if (!p)
        return false;
    turn.session.fillParameter(p->name, typedValue(*p, pick->value), ParameterSource::ProviderTool, pick->providerId);
    turn.out.trace.notes.append(u"providers: the user picked %1 = %2 from %3"_s.arg(p->name, pick->value, pick->providerId));
    turn.text.clear();
    proceedWith(turn, tool, {});
    return true;
}

void Orchestrator::handleRequest(Turn &turn) const
{
    TurnTrace &trace = turn.out.trace;
    if (trace.action.isEmpty())
        trace.action = u"search"_s;
    const qint64 t0 = m_clock.monotonicNs();
    const int depth = std::max(5, m_planner->candidateCount());
    const SearchResult found = m_search.search({ turn.text, turn.session.phone(), depth });
    trace.searchUs = elapsedUs(m_clock, t0);
    for (const ScoredTool &s : found.results)
        trace.candidates.append({ s.id, s.score });
    trace.abstained = found.abstain;

    QList<ChatMessage> history = turn.session.history().messages();
    if (!history.isEmpty())
        history.removeLast(); // this turn's message, added by run()
    const qint64 p0 = m_clock.monotonicNs();
    const PlanDecision decision = m_planner->plan(
            PlanRequest { turn.text, found, m_registry, turn.profile, history, turn.language });
    trace.planUs = elapsedUs(m_clock, p0);
    trace.planner = decision.source;
    trace.plannerFallback = decision.fallbackReason;
    trace.notes.append(decision.notes);

    if (decision.kind == PlanDecision::Kind::NotToolRequest) {
        trace.action = u"no_tool"_s;
        turn.session.finish();
        say(turn, QT_TRANSLATE_NOOP("m1::Agent", "I can help with the company's vehicles: bookings, mileage, fuel "
                                                 "cards, damage reports and more. What do you need?"));
        return;
    }
    const ToolDefinition *tool = decision.kind == PlanDecision::Kind::Tool ? m_registry.find(decision.toolId) : nullptr;
    if (!tool) {
        offer(turn, decision.offered);
        return;
    }
    turn.session.chooseTool(tool->id, {});
    // The planner's arguments count as the user's words, marked so the trace tells them apart;
    // what the filler reads from the message itself still wins.
    for (auto it = decision.arguments.begin(); it != decision.arguments.end(); ++it)
        turn.session.fillParameter(it.key(), it.value(), ParameterSource::Message, u"llm"_s);
    proceedWith(turn, *tool, {});
}

void Orchestrator::offer(Turn &turn, const QList<ScoredTool> &offered) const
{
    turn.out.trace.action = u"abstain"_s;
    turn.out.trace.abstained = true;
    QList<ReplyOption> options;
    QStringList ids;
    for (const ScoredTool &s : offered) {
        const ToolDefinition *candidate = m_registry.find(s.id);
        if (!candidate || options.size() >= 10)
            continue;
        options.append({ candidate->id, candidate->summary.isEmpty() ? candidate->id : candidate->summary, {} });
        ids.append(candidate->id);
    }
    if (options.isEmpty()) {
        turn.session.finish();
        say(turn,
            QT_TRANSLATE_NOOP("m1::Agent",
                              "Sorry, I did not understand. Could you say what you need in other words?"));
        return;
    }
    turn.session.offerCandidates(ids);
    turn.out.replies.append(m_formatter.choice(
            turn.language, m_tr.tr(turn.language, QT_TRANSLATE_NOOP("m1::Agent", "Which of these did you mean?")),
            options));
}

void Orchestrator::proceedWith(Turn &turn, const ToolDefinition &tool, const QString &answering) const
{
    turn.out.trace.chosenToolId = tool.id;
    ConversationSession &session = turn.session;
    if (session.state().toolId != tool.id)
        session.chooseTool(tool.id, {});
    const qint64 t0 = m_clock.monotonicNs();
    const FillResult filled = fill(turn, tool, answering);
    turn.out.trace.fillUs = elapsedUs(m_clock, t0);

    for (const FilledValue &v : filled.values) {
        if (v.source == ValueSource::History)
            continue; // already in the session
        const auto existing = session.state().filled.constFind(v.name);
        if (existing != session.state().filled.cend() && existing->value == v.value)
            continue;
        session.fillParameter(v.name, v.value, sourceFor(v, answering));
    }
    // The session's missing list is in asking order; keep it equal to what the filler still needs.
    if (session.state().missing != filled.missing)
        session.chooseTool(tool.id, filled.missing);
    traceParameters(turn);
    askOrConfirm(turn, tool);
}

FillResult Orchestrator::fill(const Turn &turn, const ToolDefinition &tool, const QString &answering) const
{
    FillContext context;
    context.profile = turn.profile;
    context.answering = answering;
    const ConversationState &state = turn.session.state();
    for (auto it = state.filled.cbegin(); it != state.filled.cend(); ++it)
        context.known.append(FilledValue { it.key(), it->value, ValueSource::History, {} });
    return m_filler.fill(tool, turn.text, context);
}

bool Orchestrator::lookUpProviders(Turn &turn, const ToolDefinition &tool) const
{
    ConversationSession &session = turn.session;
    TurnTrace &trace = turn.out.trace;
    while (m_providers && !session.state().missing.isEmpty() && turn.providerCalls < kMaxProviderCalls) {
        const QString name = session.state().missing.first();
        if (turn.lookedUp.contains(name))
            return false;
        turn.lookedUp.append(name);
        ++turn.providerCalls;
        const ProviderLookup found
                = m_providers->lookup(tool, name, ProviderInputs { turn.text, turn.profile, arguments(session) });
        trace.providerUs += found.executeUs;
        trace.notes.append(found.note);
        switch (found.kind) {
        case ProviderLookup::Kind::None:
            return false;
        case ProviderLookup::Kind::Value:
            session.fillParameter(name, found.value, ParameterSource::ProviderTool, found.providerId);
            traceParameters(turn);
            continue;
        case ProviderLookup::Kind::Choice: {
            if (trace.action != u"answer"_s && trace.action != u"choose"_s)
                trace.action = u"ask"_s;
            trace.question = name;
            QString body = m_tr.tr(turn.language, QT_TRANSLATE_NOOP("m1::Agent", "Please choose: %1"))
                                   .arg(m_formatter.values().labels().label(turn.language, name));
            if (found.found > found.rows.size())
                body += u"\n"_s + m_tr.tr(turn.language, QT_TRANSLATE_NOOP("m1::Agent", "Not in the list? Just write it."));
            turn.out.replies.append(m_formatter.list(
                    body, m_tr.tr(turn.language, QT_TRANSLATE_NOOP("m1::Agent", "Choose")), found.rows));
            return true;
        }
        }
    }
    return false;
}

void Orchestrator::askOrConfirm(Turn &turn, const ToolDefinition &tool) const
{
    ConversationSession &session = turn.session;
    if (lookUpProviders(turn, tool))
        return;
    if (!session.state().missing.isEmpty()) {
        const QString name = session.state().missing.first();
        if (turn.out.trace.action != u"answer"_s && turn.out.trace.action != u"choose"_s)
            turn.out.trace.action = u"ask"_s;
        turn.out.trace.question = name;
        turn.out.replies.append(m_formatter.question(turn.language, tool, name));
        return;
    }
    if (tool.isReadOnly()) {
        execute(turn, tool);
        return;
    }
    const OutboundMessage ask = m_formatter.confirmation(turn.language, tool, arguments(session));
    session.requestConfirmation(ask.text);
    turn.out.trace.question = u"confirm"_s;
    turn.out.replies.append(ask);
}

void Orchestrator::execute(Turn &turn, const ToolDefinition &tool) const
{
    ConversationSession &session = turn.session;
    ToolCall call;
    call.toolId = tool.id;
    call.arguments = arguments(session);
    call.tenant = turn.profile.tenant;
    if (turn.out.trace.action != u"confirm"_s)
        turn.out.trace.action = u"execute"_s;
    turn.out.trace.chosenToolId = tool.id;
    turn.out.trace.request = call.arguments;
    session.startExecuting();
    const qint64 t0 = m_clock.monotonicNs();
    QFuture<ToolResult> pending = m_executor.execute(tool, call);
    const ToolResult result = pending.result();
    turn.out.trace.executeUs = (m_clock.monotonicNs() - t0) / 1000;
    turn.out.trace.response = result.body;
    turn.out.trace.httpStatus = result.httpStatus;
    turn.out.trace.error = result.error;
    turn.out.replies.append(m_formatter.result(turn.language, tool, result));
    session.finish();
}

void Orchestrator::traceParameters(Turn &turn)
{
    const ConversationState &state = turn.session.state();
    turn.out.trace.parameters.clear();
    for (auto it = state.filled.cbegin(); it != state.filled.cend(); ++it)
        turn.out.trace.parameters.append({ it.key(), it->value, traceSource(*it) });
}

void Orchestrator::say(Turn &turn, const char *phrase) const
{
    turn.out.replies.append(m_formatter.text(m_tr.tr(turn.language, phrase)));
}

QJsonObject Orchestrator::arguments(const ConversationSession &session) const
{
    QJsonObject out;
    for (auto it = session.state().filled.cbegin(); it != session.state().filled.cend(); ++it)
        out.insert(it.key(), it->value);
    return out;
}

ReplyLanguage Orchestrator::languageFor(ConversationSession &session, const InboundMessage &message,
                                        const UserProfile &profile) const
{
    if (!session.state().language.isEmpty())
        return AgentTr::languageFromCode(session.state().language);
    const ReplyLanguage language = profile.language.isEmpty() ? m_tr.guessLanguage(messageText(message))
                                                              : AgentTr::languageFromCode(profile.language);
    session.setLanguage(AgentTr::languageCode(language));
    return language;
}

} // namespace m1
