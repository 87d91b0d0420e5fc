#include "conversation/conversationsession.h"

namespace m1 {

ConversationSession::ConversationSession(const QString &phone, const ConversationState &state,
                                         const ConversationHistory &history, bool hadStoredState,
                                         qint64 nowMs)
    : m_phone(phone)
    , m_state(state)
    , m_history(history)
    , m_hadStoredState(hadStoredState)
    , m_nowMs(nowMs)
{
}

void ConversationSession::touch()
{
    m_state.updatedAtMs = m_nowMs;
    m_stateDirty = true;
    ++m_changes;
}

bool ConversationSession::moveTo(ConversationPhase phase)
{
    if (!ConversationPhases::canMove(m_state.phase, phase))
        return false;
    m_state.phase = phase;
    return true;
}

bool ConversationSession::offerCandidates(const QStringList &toolIds)
{
    if (toolIds.isEmpty() || !moveTo(ConversationPhase::ChoosingCandidate))
        return false;
    m_state.candidates = toolIds;
    m_state.toolId.clear();
    m_state.filled.clear();
    m_state.missing.clear();
    m_state.confirmationPrompt.clear();
    touch();
    return true;
}

bool ConversationSession::chooseTool(const QString &toolId, const QStringList &missing)
{
    if (toolId.isEmpty() || !moveTo(ConversationPhase::CollectingParameters))
        return false;
    // Values given before any tool was chosen are kept; switching to another tool starts clean.
    if (!m_state.toolId.isEmpty() && m_state.toolId != toolId)
        m_state.filled.clear();
    m_state.toolId = toolId;
    m_state.candidates.clear();
    m_state.missing = missing;
    for (auto it = m_state.filled.cbegin(); it != m_state.filled.cend(); ++it)
        m_state.missing.removeAll(it.key());
    m_state.confirmationPrompt.clear();
    touch();
    return true;
}

bool ConversationSession::fillParameter(const QString &name, const QJsonValue &value,
                                        ParameterSource source, const QString &detail)
{
    if (m_state.phase == ConversationPhase::Executing || name.isEmpty())
        return false;
    if (m_state.phase == ConversationPhase::AwaitingConfirmation) {
        m_state.phase = ConversationPhase::CollectingParameters;
        m_state.confirmationPrompt.clear();
    }
    m_state.filled.insert(name, FilledParameter { value, source, detail });
    m_state.missing.removeAll(name);
    touch();
    return true;
}

bool ConversationSession::requestConfirmation(const QString &prompt)
{
    if (m_state.toolId.isEmpty() || !m_state.missing.isEmpty()
        || !moveTo(ConversationPhase::AwaitingConfirmation))
        return false;
    m_state.confirmationPrompt = prompt;
    touch();
    return true;
}

bool ConversationSession::startExecuting()
{
    if (m_state.toolId.isEmpty() || !m_state.missing.isEmpty()
        || !moveTo(ConversationPhase::Executing))
        return false;
    m_state.confirmationPrompt.clear();
    touch();
    return true;
}

void ConversationSession::finish()
{
    const QString language = m_state.language;
    m_state = ConversationState {};
    m_state.language = language;
    touch();
}

void ConversationSession::setLanguage(const QString &language)
{
    if (m_state.language == language)
        return;
    m_state.language = language;
    touch();
}

void ConversationSession::addUserMessage(const QString &text, const QString &messageId)
{
    m_history.append(ChatMessage { ChatMessage::Role::User, text, m_nowMs, messageId });
    ++m_newMessages;
}

void ConversationSession::addBotMessage(const QString &text)
{
    m_history.append(ChatMessage { ChatMessage::Role::Bot, text, m_nowMs, {} });
    ++m_newMessages;
}

void ConversationSession::markSaved()
{
    if (m_stateDirty)
        m_hadStoredState = !m_state.isBlank();
    m_stateDirty = false;
    m_changes = 0;
    m_newMessages = 0;
}

} // namespace m1
