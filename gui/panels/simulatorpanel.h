#pragma once

// Conversation simulator: a WhatsApp-like chat as a chosen test user, whose messages (typed,
// or taps on the bot's buttons and list rows) go through the engine's real queue and workers;
// beside it the trace of each turn. Dry run (sandbox executor) unless the live backend is chosen.

#include "agent/userprofile.h"
#include "channel/inboundmessage.h"
#include "channel/outboundmessage.h"
#include "facade/simulatorstatus.h"
#include "facade/simulatorturn.h"

#include <QList>
#include <QTimer>
#include <QWidget>

#include <variant>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;

namespace m1 {

class ChatView;
class TestUserForm;
class TraceView;

class SimulatorPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SimulatorPanel(QWidget *parent = nullptr);

    // Sends as the test user; what the input box and the screenshot script use.
    void sendText(const QString &text);
    void sendButtonReply(const QString &id, const QString &title);
    void sendListReply(const QString &id, const QString &title, const QString &description);
    // Clears the chat and the trace and asks the engine to forget the test user's conversation.
    void newConversation();

    SimulatorBackend backend() const;
    UserProfile profile() const;
    ChatView *chat() const { return m_chat; }
    TraceView *trace() const { return m_trace; }
    QLineEdit *input() const { return m_input; }
    TestUserForm *userForm() const { return m_user; }

public Q_SLOTS:
    void showReply(const m1::OutboundMessage &message);
    void showTurn(const m1::SimulatorTurn &turn);
    void setStatus(const m1::SimulatorStatus &status);

Q_SIGNALS:
    void sendRequested(const m1::InboundMessage &message, const m1::UserProfile &profile);
    void backendChanged(m1::SimulatorBackend backend);
    void resetRequested(const QString &phone);
    // A turn's trace was added (its replies are in the chat by then).
    void turnShown(const m1::SimulatorTurn &turn);

private:
    InboundMessage newMessage(InboundMessage::Type type) const;
    void send(const InboundMessage &message, const QString &shown);
    void showPending();

    TestUserForm *m_user;
    QComboBox *m_backend;
    QLabel *m_status;
    ChatView *m_chat;
    QLineEdit *m_input;
    QPushButton *m_send;
    TraceView *m_trace;
    QSplitter *m_split;
    QString m_runId;
    mutable quint64 m_sequence = 0;

    // Replies and turns arrive one queued signal each; during a burst they are shown in chunks
    // from here, so the event loop gets a turn between chunks instead of starving behind them.
    static constexpr int kChunk = 8;
    QList<std::variant<OutboundMessage, SimulatorTurn>> m_pending;
    QTimer m_showTimer;
};

} // namespace m1
