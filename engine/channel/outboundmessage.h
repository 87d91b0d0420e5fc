#pragma once

// A message the bot sends to a WhatsApp user, independent of how it is delivered: the Graph API
// sender turns it into Meta's JSON, the capturing sink (simulator, `m1bot chat`, tests) records
// it as is. Kinds: plain text, up to three reply buttons, a list, or marking a message read.

#include <QList>
#include <QString>

namespace m1 {

struct OutboundMessage
{
    enum class Kind { Text, Buttons, List, MarkRead };

    struct Button
    {
        QString id; // comes back as button_reply.id
        QString title; // ≤ 20 characters
        bool operator==(const Button &) const = default;
    };

    struct Row
    {
        QString id; // comes back as list_reply.id
        QString title; // ≤ 24 characters
        QString description; // ≤ 72 characters, optional
        bool operator==(const Row &) const = default;
    };

    struct Section
    {
        QString title; // ≤ 24 characters; required when there is more than one section
        QList<Row> rows;
        bool operator==(const Section &) const = default;
    };

    struct ListSpec
    {
        QString buttonText; // the button that opens the list, ≤ 20 characters
        QList<Section> sections; // ≤ 10 rows in total
        bool operator==(const ListSpec &) const = default;
    };

    QString to; // the user's wa_id (digits, international format)
    Kind kind = Kind::Text;
    QString text; // text body, or the body of a buttons/list message
    QString header; // buttons/list: optional text header
    QString footer; // buttons/list: optional footer
    QList<Button> buttons;
    ListSpec list;
    bool previewUrl = false; // text only: let WhatsApp render a link preview
    QString replyToMessageId; // quote this wamid (context.message_id)
    QString messageIdToMarkRead; // MarkRead only

    static OutboundMessage textMessage(const QString &to, const QString &body);
    static OutboundMessage buttonsMessage(const QString &to, const QString &body,
                                          const QList<Button> &buttons);
    static OutboundMessage listMessage(const QString &to, const QString &body,
                                       const ListSpec &list);
    static OutboundMessage markRead(const QString &messageId);

    static QString kindName(Kind kind);
    // A one-line, human-readable rendering for logs and the console's simulator.
    QString describe() const;

    bool operator==(const OutboundMessage &) const = default;
};

} // namespace m1
