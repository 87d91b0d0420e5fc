#include "testsupport/webhookpayloadbuilder.h"

#include "channel/webhooksignature.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace m1 {

WebhookPayloadBuilder::WebhookPayloadBuilder(const QString &phoneNumberId, const QString &wabaId)
{
    m_entries.append(Entry { wabaId, { Change { phoneNumberId, {}, {}, {}, {} } } });
}

WebhookPayloadBuilder::Change &WebhookPayloadBuilder::current()
{
    return m_entries.last().changes.last();
}

WebhookPayloadBuilder &WebhookPayloadBuilder::addMessage(const QString &from, const QString &type,
                                                         const QString &id,
                                                         const QString &contextId,
                                                         const QJsonObject &content)
{
    QJsonObject message {
        { "from"_L1, from },
        { "id"_L1, id.isEmpty() ? QString(u"wamid.TEST"_s + QString::number(m_nextId++)) : id },
        { "timestamp"_L1, QString::number(m_timestamp) },
        { "type"_L1, type }
    };
    for (auto it = content.begin(); it != content.end(); ++it)
        message.insert(it.key(), it.value());
    if (!contextId.isEmpty())
        message.insert("context"_L1,
                       QJsonObject { { "from"_L1, u"15550783881"_s }, { "id"_L1, contextId } });
    return rawMessage(message);
}

WebhookPayloadBuilder &WebhookPayloadBuilder::rawMessage(const QJsonObject &message)
{
    Change &c = current();
    const QString from = message.value("from"_L1).toString();
    if (!from.isEmpty() && !c.contactIds.contains(from)) {
        c.contactIds.append(from);
        c.contacts.append(QJsonObject {
            { "profile"_L1, QJsonObject { { "name"_L1, m_profileName } } }, { "wa_id"_L1, from } });
    }
    c.messages.append(message);
    m_messageIds.append(message.value("id"_L1).toString());
    return *this;
}

WebhookPayloadBuilder &WebhookPayloadBuilder::text(const QString &from, const QString &body,
                                                   const QString &id)
{
    return addMessage(from, u"text"_s, id, {},
                      { { "text"_L1, QJsonObject { { "body"_L1, body } } } });
}

WebhookPayloadBuilder &WebhookPayloadBuilder::buttonReply(const QString &from,
                                                          const QString &buttonId,
                                                          const QString &title,
                                                          const QString &contextId,
                                                          const QString &id)
{
    const QJsonObject interactive {
        { "type"_L1, u"button_reply"_s },
        { "button_reply"_L1, QJsonObject { { "id"_L1, buttonId }, { "title"_L1, title } } }
    };
    return addMessage(from, u"interactive"_s, id, contextId, { { "interactive"_L1, interactive } });
}

WebhookPayloadBuilder &WebhookPayloadBuilder::listReply(const QString &from, const QString &rowId,
                                                        const QString &title,
                                                        const QString &description,
                                                        const QString &contextId, const QString &id)
{
    QJsonObject reply { { "id"_L1, rowId }, { "title"_L1, title } };
    if (!description.isEmpty())
        reply.insert("description"_L1, description);
    const QJsonObject interactive { { "type"_L1, u"list_reply"_s }, { "list_reply"_L1, reply } };
    return addMessage(from, u"interactive"_s, id, contextId, { { "interactive"_L1, interactive } });
}

WebhookPayloadBuilder &WebhookPayloadBuilder::templateButton(const QString &from,
                                                             const QString &payload,
                                                             const QString &text, const QString &id)
{
    return addMessage(
        from, u"button"_s, id, u"wamid.TEMPLATE"_s,
        { { "button"_L1, QJsonObject { { "payload"_L1, payload }, { "text"_L1, text } } } });
}

WebhookPayloadBuilder &WebhookPayloadBuilder::location(const QString &from, double latitude,
                                                       double longitude, const QString &name,
                                                       const QString &address, const QString &id)
{
    QJsonObject location { { "latitude"_L1, latitude }, { "longitude"_L1, longitude } };
    if (!name.isEmpty())
        location.insert("name"_L1, name);
    if (!address.isEmpty())
        location.insert("address"_L1, address);
    return addMessage(from, u"location"_s, id, {}, { { "location"_L1, location } });
}

WebhookPayloadBuilder &WebhookPayloadBuilder::image(const QString &from, const QString &mediaId,
                                                    const QString &mimeType, const QString &caption,
                                                    const QString &id)
{
    QJsonObject image { { "id"_L1, mediaId },
                        { "mime_type"_L1, mimeType },
                        { "sha256"_L1,
                          u"4a0d7f7e5c2ba4d0c4b1d6e2a3f1c9b8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2"_s } };
    if (!caption.isEmpty())
        image.insert("caption"_L1, caption);
    return addMessage(from, u"image"_s, id, {}, { { "image"_L1, image } });
}

WebhookPayloadBuilder &WebhookPayloadBuilder::document(const QString &from, const QString &mediaId,
                                                       const QString &filename,
                                                       const QString &mimeType,
                                                       const QString &caption, const QString &id)
{
    QJsonObject document {
        { "id"_L1, mediaId },
        { "mime_type"_L1, mimeType },
        { "filename"_L1, filename },
        { "sha256"_L1, u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s }
    };
    if (!caption.isEmpty())
        document.insert("caption"_L1, caption);
    return addMessage(from, u"document"_s, id, {}, { { "document"_L1, document } });
}

WebhookPayloadBuilder &WebhookPayloadBuilder::reaction(const QString &from,
                                                       const QString &reactedMessageId,
                                                       const QString &emoji, const QString &id)
{
    QJsonObject reaction { { "message_id"_L1, reactedMessageId } };
    if (!emoji.isEmpty())
        reaction.insert("emoji"_L1, emoji);
    return addMessage(from, u"reaction"_s, id, {}, { { "reaction"_L1, reaction } });
}

WebhookPayloadBuilder &WebhookPayloadBuilder::unsupported(const QString &from, const QString &type,
                                                          const QString &id)
{
    QJsonObject content;
    if (type == "unsupported"_L1) {
        content.insert(
            "errors"_L1,
            QJsonArray { QJsonObject {
                { "code"_L1, 131051 },
                { "title"_L1, u"Message type unknown"_s },
                { "message"_L1, u"Message type unknown"_s },
                { "error_data"_L1,
                  QJsonObject {
                      { "details"_L1, u"Message type is currently not supported."_s } } } } });
    } else {
        content.insert(type,
                       QJsonObject { { "id"_L1, QString(u"MEDIA"_s + QString::number(m_nextId)) },
                                     { "mime_type"_L1, u"application/octet-stream"_s } });
    }
    return addMessage(from, type, id, {}, content);
}

WebhookPayloadBuilder &WebhookPayloadBuilder::status(const QString &messageId,
                                                     const QString &recipient,
                                                     const QString &status, qint64 timestamp)
{
    QJsonObject s { { "id"_L1, messageId },
                    { "status"_L1, status },
                    { "timestamp"_L1, QString::number(timestamp) },
                    { "recipient_id"_L1, recipient } };
    if (status == "sent"_L1 || status == "delivered"_L1) {
        s.insert("conversation"_L1,
                 QJsonObject { { "id"_L1, u"CONVERSATION_ID"_s },
                               { "origin"_L1, QJsonObject { { "type"_L1, u"service"_s } } } });
        s.insert("pricing"_L1,
                 QJsonObject { { "billable"_L1, false },
                               { "pricing_model"_L1, u"PMP"_s },
                               { "category"_L1, u"service"_s } });
    }
    current().statuses.append(s);
    return *this;
}

WebhookPayloadBuilder &WebhookPayloadBuilder::failedStatus(const QString &messageId,
                                                           const QString &recipient, int code,
                                                           const QString &title,
                                                           const QString &details)
{
    QJsonObject error {
        { "code"_L1, code },
        { "title"_L1, title },
        { "message"_L1, title },
        { "href"_L1,
          u"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"_s }
    };
    if (!details.isEmpty())
        error.insert("error_data"_L1, QJsonObject { { "details"_L1, details } });
    current().statuses.append(QJsonObject { { "id"_L1, messageId },
                                            { "status"_L1, u"failed"_s },
                                            { "timestamp"_L1, QString::number(m_timestamp) },
                                            { "recipient_id"_L1, recipient },
                                            { "errors"_L1, QJsonArray { error } } });
    return *this;
}

WebhookPayloadBuilder &WebhookPayloadBuilder::setProfileName(const QString &name)
{
    m_profileName = name;
    return *this;
}

WebhookPayloadBuilder &WebhookPayloadBuilder::setTimestamp(qint64 timestamp)
{
    m_timestamp = timestamp;
    return *this;
}

WebhookPayloadBuilder &WebhookPayloadBuilder::nextChange(const QString &phoneNumberId)
{
    const QString number = phoneNumberId.isEmpty() ? current().phoneNumberId : phoneNumberId;
    m_entries.last().changes.append(Change { number, {}, {}, {}, {} });
    return *this;
}

WebhookPayloadBuilder &WebhookPayloadBuilder::nextEntry(const QString &wabaId)
{
    const QString id = wabaId.isEmpty() ? m_entries.last().wabaId : wabaId;
    m_entries.append(Entry { id, { Change { current().phoneNumberId, {}, {}, {}, {} } } });
    return *this;
}

QJsonObject WebhookPayloadBuilder::json() const
{
    QJsonArray entries;
    for (const Entry &e : m_entries) {
        QJsonArray changes;
        for (const Change &c : e.changes) {
            QJsonObject value { { "messaging_product"_L1, u"whatsapp"_s },
                                { "metadata"_L1,
                                  QJsonObject { { "display_phone_number"_L1, u"15550783881"_s },
                                                { "phone_number_id"_L1, c.phoneNumberId } } } };
            if (!c.contacts.isEmpty())
                value.insert("contacts"_L1, c.contacts);
            if (!c.messages.isEmpty())
                value.insert("messages"_L1, c.messages);
            if (!c.statuses.isEmpty())
                value.insert("statuses"_L1, c.statuses);
            changes.append(QJsonObject { { "value"_L1, value }, { "field"_L1, u"messages"_s } });
        }
        entries.append(QJsonObject { { "id"_L1, e.wabaId }, { "changes"_L1, changes } });
    }
    return QJsonObject { { "object"_L1, u"whatsapp_business_account"_s }, { "entry"_L1, entries } };
}

QByteArray WebhookPayloadBuilder::body() const
{
    return QJsonDocument(json()).toJson(QJsonDocument::Compact);
}

WebhookPayloadBuilder::Signed WebhookPayloadBuilder::sign(const QByteArray &appSecret) const
{
    const QByteArray b = body();
    return Signed { b, signature(appSecret, b) };
}

QByteArray WebhookPayloadBuilder::signature(const QByteArray &appSecret, const QByteArray &body)
{
    return WebhookSignature::headerFor(appSecret, body);
}

} // namespace m1
