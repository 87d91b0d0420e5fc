#include "agent/orchestrator.h"

#include "agent/agenttr.h"
#include "agent/fillresult.h"
#include "agent/parameterfiller.h"
#include "agent/replyformatter.h"
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

} // namespace

Orchestrator::Orchestrator(const OrchestratorParts &parts)
    : m_registry(parts.registry),
      m_search(parts.search),
      m_filler(parts.filler),
      m_formatter(parts.formatter),
      m_tr(parts.tr),
      m_executor(parts.executor),
      m_clock(parts.clock),
      m_yes(u"^\\s*(yes|y|ok|okay|confirm|da|može|moze|potvrdi|potvrđujem)\\b"_s,
            QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption),
      m_no(u"^\\s*(no|n|cancel|stop|ne|nemoj|odustani|odustajem)\\b"_s,
           QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption)
{
}

TurnOutcome Orchestrator::run(ConversationSession &session, const InboundMessage &message,
                              const UserProfile &profile) const
{
    const qint64 startNs = m_clock.monotonicNs();
    Turn turn { session, message, profile, languageFor(session, message, profile), {} };
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
    const QString answering = turn.session.state().missing.value(0);
    if (!isInteractive(turn.message) && m_no.match(messageText(turn.message)).hasMatch()) {
        turn.out.trace.action = u"cancel"_s;
        turn.session.finish();
        say(turn, QT_TRANSLATE_NOOP("m1::Agent", "Cancelled. Nothing was changed."));
        return;
    }
    // An answer that fills nothing may be a new request ("actually, show my bookings"): when
    // search is sure about another tool, start over with it instead of asking again.
    const FillResult probe = fill(turn, *tool, answering);
    if (probe.missing.contains(answering)) {
        const SearchResult found = m_search.search({ messageText(turn.message), turn.session.phone(), 5 });
        if (!found.abstain && found.best() && found.best()->id != tool->id) {
            turn.out.trace.action = u"search"_s;
            turn.session.finish();
            handleRequest(turn);
            return;
        }
    }
    proceedWith(turn, *tool, answering);
}

void Orchestrator::handleRequest(Turn &turn) const
{
    if (turn.out.trace.action.isEmpty())
        turn.out.trace.action = u"search"_s;
    const qint64 t0 = m_clock.monotonicNs();
    const SearchResult found = m_search.search({ messageText(turn.message), turn.session.phone(), 5 });
    turn.out.trace.searchUs = (m_clock.monotonicNs() - t0) / 1000;
    for (const ScoredTool &s : found.results)
        turn.out.trace.candidates.append({ s.id, s.score });
    turn.out.trace.abstained = found.abstain;
    const ScoredTool *best = found.best();
    const ToolDefinition *tool = best ? m_registry.find(best->id) : nullptr;
    if (tool && tool->isReadOnly() && IntentClassifier::isWrite(found.intent))
        tool = writeAlternative(found, *tool);
    // Two different tools scoring (almost) the same is a coin toss: ask rather than guess.
    constexpr float kTie = 0.98f;
    const bool tie = found.results.size() >= 2 && found.results.at(1).score >= found.results.at(0).score * kTie;
    if (!found.abstain && tool && !tie) {
        turn.session.chooseTool(tool->id, {});
        proceedWith(turn, *tool, {});
        return;
    }
    turn.out.trace.action = u"abstain"_s;
    turn.out.trace.abstained = true;
    QList<ScoredTool> offered = found.candidates;
    if (!found.abstain) { // a tie: offer the tools close to the best
        offered.clear();
        for (const ScoredTool &s : found.results) {
            if (s.score >= found.results.at(0).score * 0.9f)
                offered.append(s);
        }
    }
    QList<ReplyOption> options;
    QStringList ids;
    for (const ScoredTool &s : std::as_const(offered)) {
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

const ToolDefinition *Orchestrator::writeAlternative(const SearchResult &found, const ToolDefinition &best) const
{
    // The user asked to change something ("book", "report") but a read tool scored first: take
    // the best write tool of the matching method when it is close behind, never a distant one.
    constexpr float kCloseEnough = 0.85f;
    const float bar = found.results.first().score * kCloseEnough;
    for (const ScoredTool &s : found.results) {
        const ToolDefinition *t = m_registry.find(s.id);
        if (!t || t->isReadOnly() || s.score < bar)
            continue;
        // A create targets a collection (POST /pool-bookings), not an existing item's action
        // (POST /pool-bookings/{id}/return), which needs an id the user has not given.
        const bool onCollection = std::none_of(t->parameters.cbegin(), t->parameters.cend(),
                                               [](const ToolParameter &p) {
                                                   return p.required && p.location == ParamLocation::Path;
                                               });
        const bool matches = (found.intent == Intent::Create && t->method == u"POST"_s && onCollection)
                || (found.intent == Intent::Update && (t->method == u"PUT"_s || t->method == u"PATCH"_s))
                || (found.intent == Intent::Delete && t->method == u"DELETE"_s);
        if (matches)
            return t;
    }
    return &best;
}

void Orchestrator::proceedWith(Turn &turn, const ToolDefinition &tool, const QString &answering) const
{
    turn.out.trace.chosenToolId = tool.id;
    ConversationSession &session = turn.session;
    if (session.state().toolId != tool.id)
        session.chooseTool(tool.id, {});
    const qint64 t0 = m_clock.monotonicNs();
    const FillResult filled = fill(turn, tool, answering);
    turn.out.trace.fillUs = (m_clock.monotonicNs() - t0) / 1000;

    for (const FilledValue &v : filled.values) {
        if (v.source == ValueSource::History)
            continue; // already in the session
        const auto existing = session.state().filled.constFind(v.name);
        if (existing != session.state().filled.cend() && existing->value == v.value)
            continue;
        session.fillParameter(v.name, v.value, sourceFor(v, answering));
    }
    for (auto it = session.state().filled.cbegin(); it != session.state().filled.cend(); ++it)
        turn.out.trace.parameters.append({ it.key(), it->value, ParameterSources::name(it->source) });
    // The session's missing list is in asking order; keep it equal to what the filler still needs.
    if (session.state().missing != filled.missing)
        session.chooseTool(tool.id, filled.missing);
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
    return m_filler.fill(tool, messageText(turn.message), context);
}

void Orchestrator::askOrConfirm(Turn &turn, const ToolDefinition &tool) const
{
    ConversationSession &session = turn.session;
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
