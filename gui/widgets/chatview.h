#pragma once

// The simulator's conversation: bubbles top to bottom, newest in view, bounded to the most
// recent messages. Taps on the bot's buttons and list rows come out as signals.

#include "channel/outboundmessage.h"

#include <QScrollArea>

class QVBoxLayout;

namespace m1 {

class ChatBubble;

class ChatView : public QScrollArea
{
    Q_OBJECT

public:
    explicit ChatView(QWidget *parent = nullptr);

    static constexpr int kMaxBubbles = 200;

    ChatBubble *addUserMessage(const QString &text);
    ChatBubble *addBotMessage(const OutboundMessage &message);
    void clear();
    QList<ChatBubble *> bubbles() const;

Q_SIGNALS:
    void buttonTapped(const QString &id, const QString &title);
    void listRowTapped(const QString &id, const QString &title, const QString &description);

private:
    ChatBubble *add(ChatBubble *bubble);

    QWidget *m_content;
    QVBoxLayout *m_rows;
    bool m_follow = true;
};

} // namespace m1
