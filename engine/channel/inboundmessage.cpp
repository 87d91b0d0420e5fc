#include "channel/inboundmessage.h"

#include "channel/jsonwriter.h"
#include "channel/recordjson.h"

#include <array>

using namespace Qt::StringLiterals;

namespace m1 {

namespace {

constexpr int FormatVersion = 1;

struct TypeName
{
    InboundMessage::Type type;
    QLatin1StringView name;
};

constexpr std::array<TypeName, 8> TypeNames = { {
    { InboundMessage::Type::Text, "text"_L1 },
    { InboundMessage::Type::ButtonReply, "button_reply"_L1 },
    { InboundMessage::Type::ListReply, "list_reply"_L1 },
    { InboundMessage::Type::Location, "location"_L1 },
    { InboundMessage::Type::Image, "image"_L1 },
    { InboundMessage::Type::Document, "document"_L1 },
    { InboundMessage::Type::Reaction, "reaction"_L1 },
    { InboundMessage::Type::Unsupported, "unsupported"_L1 },
} };

} // namespace

QString InboundMessage::typeName(Type type)
{
    for (const auto &entry : TypeNames) {
        if (entry.type == type)
            return entry.name;
    }
    return u"unsupported"_s;
}

std::optional<InboundMessage::Type> InboundMessage::typeFromName(QStringView name)
{
    for (const auto &entry : TypeNames) {
        if (name == entry.name)
            return entry.type;
    }
    return std::nullopt;
}

QByteArray InboundMessage::toJson() const
{
    JsonWriter w(256 + raw.size() + text.size() * 2);
    w.beginObject();
    w.value("v", qint64(FormatVersion));
    w.value("id", messageId);
    w.optional("pn", phoneNumberId);
    w.optional("from", from);
    w.optional("name", profileName);
    w.optional("ts", timestampSec);
    w.value("type", typeName(type));
    w.optional("wt", waType);
    w.optional("text", text);
    w.optional("rid", replyId);
    w.optional("rt", replyTitle);
    w.optional("rd", replyDescription);
    if (type == Type::Location || location != Location {}) {
        w.beginObject("loc");
        w.value("lat", location.latitude);
        w.value("lng", location.longitude);
        w.optional("name", location.name);
        w.optional("addr", location.address);
        w.endObject();
    }
    w.optional("mid", mediaId);
    w.optional("mime", mimeType);
    w.optional("cap", caption);
    w.optional("file", filename);
    if (reaction != Reaction {}) {
        w.beginObject("re");
        w.optional("id", reaction.messageId);
        w.optional("emoji", reaction.emoji);
        w.endObject();
    }
    w.optional("ctx", contextMessageId);
    // The raw object is kept as a string: its bytes survive the round trip unchanged, and
    // decoding a record does not rebuild a tree nobody may look at.
    if (!raw.isEmpty())
        w.value("raw", QByteArrayView(raw));
    w.endObject();
    return w.take();
}

std::optional<InboundMessage> InboundMessage::fromJson(QByteArrayView json, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<InboundMessage> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    using namespace simdjson;
    recordjson::OpenRecord record;
    if (!recordjson::openObject(json, record))
        return fail(u"inbound record is not JSON: expected a JSON object"_s);
    ondemand::object &root = record.root;

    InboundMessage m;
    int version = -1;
    QString typeText;
    bool typeSeen = false;
    for (auto member : root) {
        ondemand::field field;
        std::string_view key;
        if (std::move(member).get(field) != SUCCESS || field.unescaped_key().get(key) != SUCCESS)
            return fail(u"inbound record is not JSON: malformed member"_s);
        ondemand::value &value = field.value();
        bool ok = true;
        auto text = [&](QString &out) { ok = recordjson::readString(value, out); };
        if (key == "v") {
            int64_t v = 0;
            ok = value.get_int64().get(v) == SUCCESS;
            version = int(v);
        } else if (key == "id") {
            text(m.messageId);
        } else if (key == "pn") {
            text(m.phoneNumberId);
        } else if (key == "from") {
            text(m.from);
        } else if (key == "name") {
            text(m.profileName);
        } else if (key == "ts") {
            int64_t ts = 0;
            ok = value.get_int64().get(ts) == SUCCESS;
            m.timestampSec = ts;
        } else if (key == "type") {
            text(typeText);
            typeSeen = true;
        } else if (key == "wt") {
            text(m.waType);
        } else if (key == "text") {
            text(m.text);
        } else if (key == "rid") {
            text(m.replyId);
        } else if (key == "rt") {
            text(m.replyTitle);
        } else if (key == "rd") {
            text(m.replyDescription);
        } else if (key == "mid") {
            text(m.mediaId);
        } else if (key == "mime") {
            text(m.mimeType);
        } else if (key == "cap") {
            text(m.caption);
        } else if (key == "file") {
            text(m.filename);
        } else if (key == "ctx") {
            text(m.contextMessageId);
        } else if (key == "raw") {
            std::string_view raw;
            ok = value.get_string().get(raw) == SUCCESS;
            m.raw = QByteArray(raw.data(), qsizetype(raw.size()));
        } else if (key == "loc" || key == "re") {
            const bool location = key == "loc";
            ondemand::object inner;
            if (value.get_object().get(inner) != SUCCESS)
                return fail(u"inbound record: member \""_s + recordjson::toQString(key)
                            + u"\" is not an object"_s);
            for (auto innerMember : inner) {
                ondemand::field f;
                std::string_view k;
                if (std::move(innerMember).get(f) != SUCCESS
                    || f.unescaped_key().get(k) != SUCCESS) {
                    ok = false;
                    break;
                }
                ondemand::value &v = f.value();
                if (location && (k == "lat" || k == "lng")) {
                    double d = 0;
                    ok = v.get_double().get(d) == SUCCESS;
                    (k == "lat" ? m.location.latitude : m.location.longitude) = d;
                } else if (location && k == "name") {
                    ok = recordjson::readString(v, m.location.name);
                } else if (location && k == "addr") {
                    ok = recordjson::readString(v, m.location.address);
                } else if (!location && k == "id") {
                    ok = recordjson::readString(v, m.reaction.messageId);
                } else if (!location && k == "emoji") {
                    ok = recordjson::readString(v, m.reaction.emoji);
                }
            }
        }
        // Unknown members are skipped: a newer writer may add some.
        if (!ok)
            return fail(u"inbound record: member \""_s + recordjson::toQString(key)
                        + u"\" has the wrong type"_s);
    }
    if (version != FormatVersion)
        return fail(u"inbound record: unsupported format version "_s + QString::number(version)
                    + u", expected "_s + QString::number(FormatVersion));
    if (m.messageId.isEmpty())
        return fail(u"inbound record: /id is missing"_s);
    const auto type = typeFromName(typeText);
    if (!typeSeen || !type)
        return fail(
            u"inbound record: /type \""_s + typeText
            + u"\" is not one of text, button_reply, list_reply, location, image, document, reaction, unsupported"_s);
    m.type = *type;
    return m;
}

} // namespace m1
