#pragma once

// One message in the simulator's chat: the user's on the right, the bot's on the left with its
// reply buttons or list rows as buttons that can be tapped. Colours come from the palette.

#include "channel/outboundmessage.h"

#include <QFrame>

namespace m1 {

class ChatBubble : public QFrame
{
    Q_OBJECT

public:
    // A message the test user sent.
    ChatBubble(const QString &text, QWidget *parent = nullptr);
    // A message the bot sent.
    ChatBubble(const OutboundMessage &message, QWidget *parent = nullptr);

    bool isFromUser() const { return m_fromUser; }
    QString text() const { return m_text; }

Q_SIGNALS:
    void buttonTapped(const QString &id, const QString &title);
    void listRowTapped(const QString &id, const QString &title, const QString &description);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // text is shown (rich text for the bot); plain sizes it.
    void addLabel(const QString &text, const QString &plain, bool small);
    void addButtons(const OutboundMessage &message);
    void addList(const OutboundMessage &message);

    bool m_fromUser;
    QString m_text;
};

} // namespace m1
