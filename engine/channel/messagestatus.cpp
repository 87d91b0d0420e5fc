#include "channel/messagestatus.h"

#include "channel/jsonwriter.h"
#include "channel/recordjson.h"

using namespace Qt::StringLiterals;

namespace m1 {

namespace {
constexpr int StatusFormatVersion = 1;
}

QString MessageStatus::stateName(State state)
{
    switch (state) {
    case State::Sent:
        return u"sent"_s;
    case State::Delivered:
        return u"delivered"_s;
    case State::Read:
        return u"read"_s;
    case State::Failed:
        return u"failed"_s;
    case State::Unknown:
        break;
    }
    return u"unknown"_s;
}

MessageStatus::State MessageStatus::stateFromName(QStringView name)
{
    if (name == "sent"_L1)
        return State::Sent;
    if (name == "delivered"_L1)
        return State::Delivered;
    if (name == "read"_L1)
        return State::Read;
    if (name == "failed"_L1)
        return State::Failed;
    return State::Unknown;
}

QByteArray MessageStatus::toJson() const
{
    JsonWriter w(160 + errors.size() * 160);
    w.beginObject();
    w.value("v", qint64(StatusFormatVersion));
    w.value("id", messageId);
    w.optional("to", recipient);
    w.optional("pn", phoneNumberId);
    w.value("st", stateName(status));
    if (statusText != stateName(status))
        w.value("stx", statusText); // even when empty, so the round trip is exact
    w.optional("ts", timestampSec);
    if (!errors.isEmpty()) {
        w.beginArray("err");
        for (const GraphError &e : errors) {
            w.beginObject();
            w.value("code", qint64(e.code));
            w.optional("title", e.title);
            w.optional("msg", e.message);
            w.optional("det", e.details);
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
    return w.take();
}

std::optional<MessageStatus> MessageStatus::fromJson(QByteArrayView json, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<MessageStatus> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    using namespace simdjson;
    recordjson::OpenRecord record;
    if (!recordjson::openObject(json, record))
        return fail(u"status record is not JSON: expected a JSON object"_s);
    ondemand::object &root = record.root;

    MessageStatus s;
    int version = -1;
    QString stateText;
    bool explicitText = false;
    for (auto member : root) {
        ondemand::field field;
        std::string_view key;
        if (std::move(member).get(field) != SUCCESS || field.unescaped_key().get(key) != SUCCESS)
            return fail(u"status record is not JSON: malformed member"_s);
        ondemand::value &value = field.value();
        bool ok = true;
        if (key == "v") {
            int64_t v = 0;
            ok = value.get_int64().get(v) == SUCCESS;
            version = int(v);
        } else if (key == "id") {
            ok = recordjson::readString(value, s.messageId);
        } else if (key == "to") {
            ok = recordjson::readString(value, s.recipient);
        } else if (key == "pn") {
            ok = recordjson::readString(value, s.phoneNumberId);
        } else if (key == "st") {
            ok = recordjson::readString(value, stateText);
        } else if (key == "stx") {
            ok = recordjson::readString(value, s.statusText);
            explicitText = true;
        } else if (key == "ts") {
            int64_t ts = 0;
            ok = value.get_int64().get(ts) == SUCCESS;
            s.timestampSec = ts;
        } else if (key == "err") {
            ondemand::array errors;
            if (value.get_array().get(errors) != SUCCESS)
                return fail(u"status record: /err is not an array"_s);
            for (auto item : errors) {
                ondemand::object e;
                if (item.get_object().get(e) != SUCCESS)
                    return fail(u"status record: /err holds a non-object"_s);
                GraphError graphError;
                for (auto errorMember : e) {
                    ondemand::field f;
                    std::string_view k;
                    if (std::move(errorMember).get(f) != SUCCESS
                        || f.unescaped_key().get(k) != SUCCESS)
                        return fail(u"status record: malformed error"_s);
                    ondemand::value &v = f.value();
                    bool good = true;
                    if (k == "code") {
                        int64_t code = 0;
                        good = v.get_int64().get(code) == SUCCESS;
                        graphError.code = int(code);
                    } else if (k == "title") {
                        good = recordjson::readString(v, graphError.title);
                    } else if (k == "msg") {
                        good = recordjson::readString(v, graphError.message);
                    } else if (k == "det") {
                        good = recordjson::readString(v, graphError.details);
                    }
                    if (!good)
                        return fail(u"status record: error member \""_s + recordjson::toQString(k)
                                    + u"\" has the wrong type"_s);
                }
                s.errors.append(graphError);
            }
        }
        if (!ok)
            return fail(u"status record: member \""_s + recordjson::toQString(key)
                        + u"\" has the wrong type"_s);
    }
    if (version != StatusFormatVersion)
        return fail(u"status record: unsupported format version, expected "_s
                    + QString::number(StatusFormatVersion));
    if (s.messageId.isEmpty())
        return fail(u"status record: /id is missing"_s);
    s.status = stateFromName(stateText);
    if (!explicitText)
        s.statusText = stateText;
    return s;
}

} // namespace m1
