#pragma once

// One message a WhatsApp user sent to a business number, as the rest of the engine sees it:
// the fields the orchestrator needs, decoded from Meta's webhook shape, plus the raw message
// object for anything not modelled. It travels through the inbound Redis Stream, so it has a
// compact JSON form that round-trips exactly (toJson → fromJson gives an equal value).

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace m1 {

struct InboundMessage
{
    enum class Type {
        Text,
        ButtonReply,
        ListReply,
        Location,
        Image,
        Document,
        Reaction,
        Unsupported
    };

    struct Location
    {
        double latitude = 0;
        double longitude = 0;
        QString name;
        QString address;
        bool operator==(const Location &) const = default;
    };

    struct Reaction
    {
        QString messageId; // the wamid reacted to
        QString emoji; // empty when the user removed a reaction
        bool operator==(const Reaction &) const = default;
    };

    QString messageId; // wamid, unique per message: the deduplication key
    QString phoneNumberId; // the business number it was sent to (metadata.phone_number_id)
    QString from; // the user's wa_id
    QString profileName; // contacts[].profile.name, when Meta sent it
    qint64 timestampSec = 0;
    Type type = Type::Unsupported;
    QString waType; // Meta's own type string ("text", "interactive", "audio", ...)

    QString text; // text.body; for the legacy "button" type its text

    // interactive button_reply / list_reply (and the legacy template "button": payload/text)
    QString replyId;
    QString replyTitle;
    QString replyDescription; // list_reply only

    Location location;

    // image / document
    QString mediaId;
    QString mimeType;
    QString caption;
    QString filename; // document only

    Reaction reaction;

    QString contextMessageId; // context.id: the business message this one replies to
    QByteArray raw; // the message object as received, compact JSON

    // Compact JSON: {"v":1,"id":..,"pn":..,"from":..,...}; empty members are left out.
    QByteArray toJson() const;
    // The inverse of toJson(); nullopt with a reason when `json` is not such a record.
    static std::optional<InboundMessage> fromJson(QByteArrayView json, QString *error = nullptr);

    static QString typeName(Type type);
    static std::optional<Type> typeFromName(QStringView name);

    bool operator==(const InboundMessage &) const = default;
};

} // namespace m1
