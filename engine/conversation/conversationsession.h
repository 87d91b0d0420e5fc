#pragma once

// One turn's view of a user's conversation: the state and history as loaded, changed in memory
// by the orchestrator, written back once at the end of the turn (write-behind). Every change
// marks the session dirty; TurnLoader::save() turns the dirty parts into one pipeline, so a turn
// that changes the state five times still writes it once.
//
// The moves follow ConversationPhases::canMove(); a move that is not allowed changes nothing
// and returns false.

#include "conversation/conversationhistory.h"
#include "conversation/conversationstate.h"

#include <QJsonValue>
#include <QString>

namespace m1 {

class ConversationSession
{
public:
    ConversationSession() = default;
    ConversationSession(const QString &phone, const ConversationState &state,
                        const ConversationHistory &history, bool hadStoredState, qint64 nowMs);

    const QString &phone() const { return m_phone; }
    const ConversationState &state() const { return m_state; }
    const ConversationHistory &history() const { return m_history; }
    qint64 nowMs() const { return m_nowMs; }

    bool offerCandidates(const QStringList &toolIds);
    bool chooseTool(const QString &toolId, const QStringList &missing);
    // Not while executing; after confirmation was asked, a change means asking again.
    bool fillParameter(const QString &name, const QJsonValue &value, ParameterSource source,
                       const QString &detail = {});
    bool requestConfirmation(const QString &prompt);
    bool startExecuting();
    // Back to idle, keeping only the language (a finished, cancelled or declined request).
    void finish();
    void setLanguage(const QString &language);

    void addUserMessage(const QString &text, const QString &messageId = {});
    void addBotMessage(const QString &text);

    bool isStateDirty() const { return m_stateDirty; }
    bool hasNewMessages() const { return m_newMessages > 0; }
    int newMessageCount() const { return m_newMessages; }
    // State changes coalesced into the next save (how much write-behind saved).
    int pendingChanges() const { return m_changes; }
    bool hadStoredState() const { return m_hadStoredState; }
    // After a successful save: nothing is dirty; the stored state is now this one.
    void markSaved();

private:
    bool moveTo(ConversationPhase phase);
    void touch();

    QString m_phone;
    ConversationState m_state;
    ConversationHistory m_history;
    bool m_hadStoredState = false;
    qint64 m_nowMs = 0;
    bool m_stateDirty = false;
    int m_changes = 0;
    int m_newMessages = 0;
};

} // namespace m1
