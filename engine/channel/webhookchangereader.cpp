#include "channel/webhookchangereader.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

QString member(const QString &pointer, QLatin1StringView key)
{
    return pointer + u'/' + key;
}

QString index(const QString &pointer, qsizetype i)
{
    return pointer + u'/' + QString::number(i);
}

bool isDigits(QStringView text)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

WebhookChangeReader::WebhookChangeReader(WebhookBatch &batch, int maxProblems)
    : m_batch(batch)
    , m_maxProblems(maxProblems)
{
}

QString WebhookChangeReader::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

void WebhookChangeReader::problem(const QString &pointer, const QString &message)
{
    if (m_batch.problems.size() < m_maxProblems)
        m_batch.problems.append(WebhookProblem { pointer, message });
    else
        ++m_droppedProblems;
}

void WebhookChangeReader::finish()
{
    if (m_droppedProblems > 0)
        m_batch.problems.append(WebhookProblem {
            QString(), QString::number(m_droppedProblems) + u" more problems not listed"_s });
    m_droppedProblems = 0;
}

QString WebhookChangeReader::string(const QJsonObject &object, QLatin1StringView key,
                                    const QString &pointer, bool required)
{
    const QJsonValue v = object.value(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        // Ids are documented as strings; a number is understood, but worth a note.
        const double d = v.toDouble();
        problem(member(pointer, key), u"expected a string, found a number"_s);
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    if (v.isUndefined()) {
        if (required)
            problem(member(pointer, key), u"missing; expected a string"_s);
        return {};
    }
    problem(member(pointer, key), u"expected a string, found "_s + describe(v));
    return {};
}

std::optional<QJsonObject> WebhookChangeReader::object(const QJsonObject &parent,
                                                       QLatin1StringView key,
                                                       const QString &pointer, bool required)
{
    const QJsonValue v = parent.value(key);
    if (v.isObject())
        return v.toObject();
    if (v.isUndefined()) {
        if (required)
            problem(member(pointer, key), u"missing; expected an object"_s);
    } else {
        problem(member(pointer, key), u"expected an object, found "_s + describe(v));
    }
    return std::nullopt;
}

qint64 WebhookChangeReader::timestamp(const QJsonObject &object, const QString &pointer)
{
    const QJsonValue v = object.value("timestamp"_L1);
    if (v.isString() && isDigits(v.toString()))
        return v.toString().toLongLong();
    if (v.isDouble() && v.toDouble() >= 0 && v.toDouble() < 1e15)
        return qint64(v.toDouble());
    problem(member(pointer, "timestamp"_L1),
            v.isUndefined()
                ? u"missing; expected Unix seconds as a string of digits"_s
                : u"expected Unix seconds as a string of digits, found "_s + describe(v));
    return 0;
}

double WebhookChangeReader::coordinate(const QJsonObject &object, QLatin1StringView key,
                                       const QString &pointer)
{
    const QJsonValue v = object.value(key);
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().toDouble(&ok);
        if (ok && std::isfinite(d)) {
            problem(member(pointer, key), u"expected a number, found a numeric string"_s);
            return d;
        }
    }
    problem(member(pointer, key),
            v.isUndefined() ? u"missing; expected a number"_s
                            : u"expected a number, found "_s + describe(v));
    return 0;
}

void WebhookChangeReader::readChange(const QJsonValue &change, const QString &pointer)
{
    if (!change.isObject()) {
        problem(pointer, u"expected a change object, found "_s + describe(change));
        return;
    }
    const QJsonObject c = change.toObject();
    const QString field = string(c, "field"_L1, pointer, true);
    if (field != "messages"_L1) {
        // Other subscriptions (template status, account updates, ...) are not ours to read.
        if (!field.isEmpty())
            problem(member(pointer, "field"_L1),
                    u"ignored: field \""_s + field + u"\" is not \"messages\""_s);
        return;
    }
    if (const auto value = object(c, "value"_L1, pointer, true))
        readValue(*value, member(pointer, "value"_L1));
}

void WebhookChangeReader::readValue(const QJsonObject &value, const QString &pointer)
{
    ValueContext context;
    const QString messagingProduct = string(value, "messaging_product"_L1, pointer, false);
    if (!messagingProduct.isEmpty() && messagingProduct != "whatsapp"_L1)
        problem(member(pointer, "messaging_product"_L1),
                u"expected \"whatsapp\", found \""_s + messagingProduct + u'"');
    if (const auto metadata = object(value, "metadata"_L1, pointer, true))
        context.phoneNumberId
            = string(*metadata, "phone_number_id"_L1, member(pointer, "metadata"_L1), true);

    const QJsonValue contacts = value.value("contacts"_L1);
    if (contacts.isArray()) {
        const QJsonArray list = contacts.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject contact = list.at(i).toObject();
            const QString at = index(member(pointer, "contacts"_L1), i);
            const QString waId = string(contact, "wa_id"_L1, at, false);
            const QString name = contact.value("profile"_L1).toObject().value("name"_L1).toString();
            if (!waId.isEmpty())
                context.profileNames.insert(waId, name);
            if (context.firstProfileName.isEmpty())
                context.firstProfileName = name;
        }
    } else if (!contacts.isUndefined()) {
        problem(member(pointer, "contacts"_L1),
                u"expected an array, found "_s + describe(contacts));
    }

    const QJsonValue messages = value.value("messages"_L1);
    if (messages.isArray()) {
        const QJsonArray list = messages.toArray();
        const QString at = member(pointer, "messages"_L1);
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (auto m = readMessage(list.at(i), index(at, i), context))
                m_batch.messages.append(std::move(*m));
        }
    } else if (!messages.isUndefined()) {
        problem(member(pointer, "messages"_L1),
                u"expected an array, found "_s + describe(messages));
    }

    const QJsonValue statuses = value.value("statuses"_L1);
    if (statuses.isArray()) {
        const QJsonArray list = statuses.toArray();
        const QString at = member(pointer, "statuses"_L1);
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (auto s = readStatus(list.at(i), index(at, i), context))
                m_batch.statuses.append(std::move(*s));
        }
    } else if (!statuses.isUndefined()) {
        problem(member(pointer, "statuses"_L1),
                u"expected an array, found "_s + describe(statuses));
    }

    // Errors at this level are Meta telling us something went wrong on its side.
    const QJsonValue errors = value.value("errors"_L1);
    if (!errors.isUndefined()) {
        for (const GraphError &e : readErrors(errors, member(pointer, "errors"_L1)))
            problem(member(pointer, "errors"_L1), u"Meta reported error "_s + e.toString());
    }
}

std::optional<InboundMessage> WebhookChangeReader::readMessage(const QJsonValue &item,
                                                               const QString &pointer,
                                                               const ValueContext &context)
{
    if (!item.isObject()) {
        problem(pointer, u"expected a message object, found "_s + describe(item));
        return std::nullopt;
    }
    const QJsonObject o = item.toObject();
    InboundMessage m;
    m.messageId = string(o, "id"_L1, pointer, true);
    m.from = string(o, "from"_L1, pointer, true);
    // Without an id the message cannot be deduplicated, without a sender it cannot be answered.
    if (m.messageId.isEmpty() || m.from.isEmpty()) {
        problem(pointer, u"message skipped: it needs both \"id\" and \"from\""_s);
        return std::nullopt;
    }
    m.phoneNumberId = context.phoneNumberId;
    m.profileName = context.profileNames.value(m.from, context.firstProfileName);
    m.timestampSec = timestamp(o, pointer);
    m.waType = string(o, "type"_L1, pointer, true);
    if (const QJsonValue ctx = o.value("context"_L1); ctx.isObject())
        m.contextMessageId = string(ctx.toObject(), "id"_L1, member(pointer, "context"_L1), false);
    readContent(o, pointer, m);
    m.raw = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return m;
}

void WebhookChangeReader::readContent(const QJsonObject &o, const QString &pointer,
                                      InboundMessage &m)
{
    using Type = InboundMessage::Type;
    const QString &t = m.waType;
    m.type = Type::Unsupported;
    if (t == "text"_L1) {
        if (const auto text = object(o, "text"_L1, pointer, true)) {
            m.text = string(*text, "body"_L1, member(pointer, "text"_L1), true);
            m.type = Type::Text;
        }
    } else if (t == "interactive"_L1) {
        readInteractive(o, pointer, m);
    } else if (t == "button"_L1) {
        // A quick-reply button of a template message: payload is the id we set, text the label.
        if (const auto button = object(o, "button"_L1, pointer, true)) {
            const QString at = member(pointer, "button"_L1);
            m.replyId = string(*button, "payload"_L1, at, false);
            m.replyTitle = string(*button, "text"_L1, at, true);
            m.text = m.replyTitle;
            m.type = Type::ButtonReply;
        }
    } else if (t == "location"_L1) {
        if (const auto loc = object(o, "location"_L1, pointer, true)) {
            const QString at = member(pointer, "location"_L1);
            m.location.latitude = coordinate(*loc, "latitude"_L1, at);
            m.location.longitude = coordinate(*loc, "longitude"_L1, at);
            m.location.name = string(*loc, "name"_L1, at, false);
            m.location.address = string(*loc, "address"_L1, at, false);
            m.type = Type::Location;
        }
    } else if (t == "image"_L1 || t == "document"_L1) {
        const QLatin1StringView key = t == "image"_L1 ? "image"_L1 : "document"_L1;
        if (const auto media = object(o, key, pointer, true)) {
            const QString at = member(pointer, key);
            m.mediaId = string(*media, "id"_L1, at, true);
            m.mimeType = string(*media, "mime_type"_L1, at, false);
            m.caption = string(*media, "caption"_L1, at, false);
            if (key == "document"_L1)
                m.filename = string(*media, "filename"_L1, at, false);
            m.type = key == "image"_L1 ? Type::Image : Type::Document;
        }
    } else if (t == "reaction"_L1) {
        if (const auto reaction = object(o, "reaction"_L1, pointer, true)) {
            const QString at = member(pointer, "reaction"_L1);
            m.reaction.messageId = string(*reaction, "message_id"_L1, at, true);
            m.reaction.emoji = string(*reaction, "emoji"_L1, at, false); // absent = removed
            m.type = Type::Reaction;
        }
    }
    // Audio, video, stickers, contacts, orders, system messages, "unsupported" and anything
    // newer stay Unsupported: the raw object is kept, and the bot can say what it cannot read.
}

void WebhookChangeReader::readInteractive(const QJsonObject &o, const QString &pointer,
                                          InboundMessage &m)
{
    const auto interactive = object(o, "interactive"_L1, pointer, true);
    if (!interactive)
        return;
    const QString at = member(pointer, "interactive"_L1);
    const QString kind = string(*interactive, "type"_L1, at, true);
    if (kind != "button_reply"_L1 && kind != "list_reply"_L1)
        return; // nfm_reply (Flows) and others: Unsupported
    const QLatin1StringView key = kind == "button_reply"_L1 ? "button_reply"_L1 : "list_reply"_L1;
    const auto reply = object(*interactive, key, at, true);
    if (!reply)
        return;
    const QString replyAt = member(at, key);
    m.replyId = string(*reply, "id"_L1, replyAt, true);
    m.replyTitle = string(*reply, "title"_L1, replyAt, false);
    if (key == "list_reply"_L1) {
        m.replyDescription = string(*reply, "description"_L1, replyAt, false);
        m.type = InboundMessage::Type::ListReply;
    } else {
        m.type = InboundMessage::Type::ButtonReply;
    }
}

std::optional<MessageStatus> WebhookChangeReader::readStatus(const QJsonValue &item,
                                                             const QString &pointer,
                                                             const ValueContext &context)
{
    if (!item.isObject()) {
        problem(pointer, u"expected a status object, found "_s + describe(item));
        return std::nullopt;
    }
    const QJsonObject o = item.toObject();
    MessageStatus s;
    s.messageId = string(o, "id"_L1, pointer, true);
    if (s.messageId.isEmpty()) {
        problem(pointer, u"status skipped: it has no message \"id\""_s);
        return std::nullopt;
    }
    s.phoneNumberId = context.phoneNumberId;
    s.recipient = string(o, "recipient_id"_L1, pointer, false);
    s.statusText = string(o, "status"_L1, pointer, true);
    s.status = MessageStatus::stateFromName(s.statusText);
    s.timestampSec = timestamp(o, pointer);
    if (o.contains("errors"_L1))
        s.errors = readErrors(o.value("errors"_L1), member(pointer, "errors"_L1));
    if (s.status == MessageStatus::State::Failed && s.errors.isEmpty())
        problem(pointer, u"a failed status without \"errors\""_s);
    return s;
}

QList<GraphError> WebhookChangeReader::readErrors(const QJsonValue &errors, const QString &pointer)
{
    QList<GraphError> out;
    if (!errors.isArray()) {
        problem(pointer, u"expected an array of errors, found "_s + describe(errors));
        return out;
    }
    const QJsonArray list = errors.toArray();
    out.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = index(pointer, i);
        if (!list.at(i).isObject()) {
            problem(at, u"expected an error object, found "_s + describe(list.at(i)));
            continue;
        }
        const QJsonObject e = list.at(i).toObject();
        GraphError error;
        const QJsonValue code = e.value("code"_L1);
        if (code.isDouble())
            error.code = code.toInt();
        else
            problem(member(at, "code"_L1),
                    u"expected a numeric error code, found "_s + describe(code));
        error.title = string(e, "title"_L1, at, false);
        error.message = string(e, "message"_L1, at, false);
        if (const QJsonValue data = e.value("error_data"_L1); data.isObject())
            error.details
                = string(data.toObject(), "details"_L1, member(at, "error_data"_L1), false);
        out.append(error);
    }
    return out;
}

} // namespace m1
