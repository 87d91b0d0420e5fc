#include "conversation/conversationkeys.h"

using namespace Qt::StringLiterals;

namespace m1 {

QString ConversationKeys::normalizePhone(const QString &phone)
{
    QString digits;
    digits.reserve(phone.size());
    for (QChar c : phone) {
        if (c >= u'0' && c <= u'9')
            digits += c;
    }
    return digits;
}

QString ConversationKeys::redact(const QString &phone)
{
    const QString digits = normalizePhone(phone);
    return digits.size() <= 3 ? u"…"_s : u"…"_s + digits.right(3);
}

QByteArray ConversationKeys::userPrefix(const QString &phone)
{
    QByteArray key = "m1:{";
    key += normalizePhone(phone).toLatin1();
    key += "}:";
    return key;
}

QByteArray ConversationKeys::state(const QString &phone)
{
    return userPrefix(phone) + "state";
}

QByteArray ConversationKeys::history(const QString &phone)
{
    return userPrefix(phone) + "hist";
}

QByteArray ConversationKeys::stats(const QString &phone)
{
    return userPrefix(phone) + "stats";
}

QByteArray ConversationKeys::rateWindow(const QString &phone, qint64 windowIndex)
{
    return userPrefix(phone) + "rl:" + QByteArray::number(windowIndex);
}

QByteArray ConversationKeys::dedup(const QString &phone, const QString &messageId)
{
    QByteArray key = "m1:dedup:{";
    key += normalizePhone(phone).toLatin1();
    key += "}:";
    key += messageId.toUtf8();
    return key;
}

QByteArray ConversationKeys::reply(const QString &phone, const QString &messageId, int index)
{
    QByteArray key = "m1:reply:{";
    key += normalizePhone(phone).toLatin1();
    key += "}:";
    key += messageId.toUtf8();
    key += ':';
    key += QByteArray::number(index);
    return key;
}

QByteArray ConversationKeys::rateWindowFor(const QByteArray &subject, qint64 windowIndex)
{
    QByteArray key = "m1:{";
    key += subject;
    key += "}:rl:";
    key += QByteArray::number(windowIndex);
    return key;
}

} // namespace m1
