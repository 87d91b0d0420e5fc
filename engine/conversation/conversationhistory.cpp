#include "conversation/conversationhistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError
                ? u"history is not JSON: "_s + parseError.errorString() + u" at offset "_s
                    + QString::number(parseError.offset)
                : u"history must be a JSON array"_s;
        return std::nullopt;
    }
    ConversationHistory history(capacity);
    const QJsonArray items = doc.array();
    history.m_messages.reserve(std::min<qsizetype>(items.size(), history.m_capacity));
    for (qsizetype i = std::max<qsizetype>(0, items.size() - history.m_capacity); i < items.size();
         ++i) {
        const QJsonObject o = items.at(i).toObject();
        const QString role = o.value("r"_L1).toString();
        if (role != u"u" && role != u"b") {
            if (error)
                *error = u"history item "_s + QString::number(i) + u" has no role 'u' or 'b'"_s;
            return std::nullopt;
        }
        history.m_messages.append(ChatMessage {
            role == u"u" ? ChatMessage::Role::User : ChatMessage::Role::Bot,
            o.value("t"_L1).toString(), o.value("a"_L1).toInteger(), o.value("i"_L1).toString() });
    }
    return history;
}

} // namespace m1
