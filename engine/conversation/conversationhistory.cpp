#include "conversation/conversationhistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>

#include <string_view>

using namespace Qt::StringLiterals;

namespace m1 {

void ConversationHistory::append(const ChatMessage &message)
{
    m_messages.append(message);
    if (m_messages.size() > m_capacity)
        m_messages.remove(0, m_messages.size() - m_capacity);
}

QByteArray ConversationHistory::toJson() const
{
    QJsonArray items;
    for (const ChatMessage &m : m_messages) {
        QJsonObject o { { "r"_L1, m.role == ChatMessage::Role::User ? u"u"_s : u"b"_s },
                        { "t"_L1, m.text },
                        { "a"_L1, m.atMs } };
        if (!m.messageId.isEmpty())
            o.insert("i"_L1, m.messageId);
        items.append(o);
    }
    return QJsonDocument(items).toJson(QJsonDocument::Compact);
}

std::optional<ConversationHistory> ConversationHistory::fromJson(const QByteArray &json,
                                                                 int capacity, QString *error)
{
    // Read on every turn, and the largest document a turn loads: simdjson's DOM parser (which
    // picks the CPU's SIMD kernels at run time) takes ~2.5 µs for twenty messages where
    // QJsonDocument took ~20-30 µs (`m1bot bench --only json`).
    using namespace simdjson;
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    thread_local dom::parser parser;
    dom::element root;
    if (parser.parse(json.constData(), size_t(json.size())).get(root) != SUCCESS) {
        // Rare, and worth a precise message: Qt's parser says where the damage is.
        QJsonParseError parseError;
        QJsonDocument::fromJson(json, &parseError);
        return fail(u"history is not JSON: "_s + parseError.errorString() + u" at offset "_s
                    + QString::number(parseError.offset));
    }
    dom::array items;
    if (root.get_array().get(items) != SUCCESS)
        return fail(u"history must be a JSON array"_s);

    // Takes the lookup's result, not an element: converting a missing key to an element throws.
    const auto text = [](simdjson_result<dom::element> value) {
        std::string_view view;
        return value.get_string().get(view) == SUCCESS
            ? QString::fromUtf8(view.data(), qsizetype(view.size()))
            : QString();
    };
    ConversationHistory history(capacity);
    const qsizetype count = qsizetype(items.size());
    const qsizetype first = std::max<qsizetype>(0, count - history.m_capacity);
    history.m_messages.reserve(count - first);
    qsizetype i = 0;
    for (const dom::element item : items) {
        if (i++ < first)
            continue; // older than what is kept
        ChatMessage message;
        std::string_view role;
        if (item["r"].get_string().get(role) != SUCCESS || (role != "u" && role != "b"))
            return fail(u"history item "_s + QString::number(i - 1) + u" has no role 'u' or 'b'"_s);
        message.role = role == "u" ? ChatMessage::Role::User : ChatMessage::Role::Bot;
        message.text = text(item["t"]);
        int64_t at = 0;
        if (item["a"].get_int64().get(at) == SUCCESS)
            message.atMs = at;
        message.messageId = text(item["i"]);
        history.m_messages.append(std::move(message));
    }
    return history;
}

} // namespace m1
