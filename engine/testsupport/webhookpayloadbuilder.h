#pragma once

// Builds WhatsApp Cloud API webhook bodies in Meta's documented shapes, and signs them the way
// Meta does (X-Hub-Signature-256), for tests and the benchmark. One builder can put several
// messages in one change, several changes in one entry and several entries in one POST, as
// Meta may. Message ids default to "wamid.TEST<n>", timestamps to a fixed 1749416383.
//
//   auto post = WebhookPayloadBuilder().text("385911234567", "bok").status("wamid.X",
//   "385911234567", "read")
//                   .sign("app-secret");
//   request.setRawHeader("X-Hub-Signature-256", post.signature); nam.post(request, post.body);

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace m1 {

class WebhookPayloadBuilder
{
public:
    struct Signed
    {
        QByteArray body;
        QByteArray signature; // the X-Hub-Signature-256 value: "sha256=<hex>"
    };

    static constexpr qint64 DefaultTimestamp = 1749416383;

    explicit WebhookPayloadBuilder(const QString &phoneNumberId = QStringLiteral("106540352242922"),
                                   const QString &wabaId = QStringLiteral("102290129340398"));

    // Messages from a user (each returns *this). `id` empty → generated; `contextId` set →
    // "context": {"from", "id"} as when the user replies to one of our messages.
    WebhookPayloadBuilder &text(const QString &from, const QString &body, const QString &id = {});
    WebhookPayloadBuilder &buttonReply(const QString &from, const QString &buttonId,
                                       const QString &title, const QString &contextId = {},
                                       const QString &id = {});
    WebhookPayloadBuilder &listReply(const QString &from, const QString &rowId,
                                     const QString &title, const QString &description = {},
                                     const QString &contextId = {}, const QString &id = {});
    // The "button" type: a quick-reply button of a template message.
    WebhookPayloadBuilder &templateButton(const QString &from, const QString &payload,
                                          const QString &text, const QString &id = {});
    WebhookPayloadBuilder &location(const QString &from, double latitude, double longitude,
                                    const QString &name = {}, const QString &address = {},
                                    const QString &id = {});
    WebhookPayloadBuilder &image(const QString &from, const QString &mediaId,
                                 const QString &mimeType = QStringLiteral("image/jpeg"),
                                 const QString &caption = {}, const QString &id = {});
    WebhookPayloadBuilder &document(const QString &from, const QString &mediaId,
                                    const QString &filename,
                                    const QString &mimeType = QStringLiteral("application/pdf"),
                                    const QString &caption = {}, const QString &id = {});
    WebhookPayloadBuilder &reaction(const QString &from, const QString &reactedMessageId,
                                    const QString &emoji, const QString &id = {});
    // Meta's "unsupported" type (with its error), or any other type name ("audio", "sticker").
    WebhookPayloadBuilder &unsupported(const QString &from,
                                       const QString &type = QStringLiteral("unsupported"),
                                       const QString &id = {});
    // Any message object as is (its "from" is used for the contacts list).
    WebhookPayloadBuilder &rawMessage(const QJsonObject &message);

    // Delivery statuses of our own messages.
    WebhookPayloadBuilder &status(const QString &messageId, const QString &recipient,
                                  const QString &status, qint64 timestamp = DefaultTimestamp);
    WebhookPayloadBuilder &failedStatus(const QString &messageId, const QString &recipient,
                                        int code, const QString &title,
                                        const QString &details = {});

    WebhookPayloadBuilder &setProfileName(const QString &name); // for following senders
    WebhookPayloadBuilder &setTimestamp(qint64 timestamp); // for following messages
    // Starts a new change (optionally for another business number) or a new entry.
    WebhookPayloadBuilder &nextChange(const QString &phoneNumberId = {});
    WebhookPayloadBuilder &nextEntry(const QString &wabaId = {});

    QJsonObject json() const;
    QByteArray body() const; // compact JSON
    Signed sign(const QByteArray &appSecret) const;
    static QByteArray signature(const QByteArray &appSecret, const QByteArray &body);

    // Ids of the messages added so far, in order.
    const QStringList &messageIds() const { return m_messageIds; }

private:
    struct Change
    {
        QString phoneNumberId;
        QJsonArray contacts;
        QStringList contactIds;
        QJsonArray messages;
        QJsonArray statuses;
    };
    struct Entry
    {
        QString wabaId;
        QList<Change> changes;
    };

    WebhookPayloadBuilder &addMessage(const QString &from, const QString &type, const QString &id,
                                      const QString &contextId, const QJsonObject &content);
    Change &current();

    QList<Entry> m_entries;
    QString m_profileName = QStringLiteral("Test User");
    qint64 m_timestamp = DefaultTimestamp;
    int m_nextId = 1;
    QStringList m_messageIds;
};

} // namespace m1
