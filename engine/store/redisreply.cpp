#include "store/redisreply.h"

namespace m1 {

namespace {

qsizetype decimalLength(qint64 v)
{
    qsizetype n = v < 0 ? 2 : 1;
    for (quint64 u = v < 0 ? quint64(-(v + 1)) + 1 : quint64(v); u >= 10; u /= 10)
        ++n;
    return n;
}

} // namespace

RedisReply RedisReply::status(const QByteArray &text)
{
    RedisReply r;
    r.m_type = Type::Status;
    r.m_bytes = text;
    return r;
}

RedisReply RedisReply::error(const QByteArray &message)
{
    RedisReply r;
    r.m_type = Type::Error;
    r.m_bytes = message;
    return r;
}

RedisReply RedisReply::transportError(const QString &message)
{
    RedisReply r = error(message.toUtf8());
    r.m_transport = true;
    return r;
}

RedisReply RedisReply::integer(qint64 value)
{
    RedisReply r;
    r.m_type = Type::Integer;
    r.m_integer = value;
    return r;
}

RedisReply RedisReply::string(const QByteArray &value)
{
    RedisReply r;
    r.m_type = Type::String;
    r.m_bytes = value;
    return r;
}

RedisReply RedisReply::array(QList<RedisReply> elements)
{
    RedisReply r;
    r.m_type = Type::Array;
    r.m_elements = std::move(elements);
    return r;
}

QString RedisReply::errorMessage() const
{
    return isError() ? QString::fromUtf8(m_bytes) : QString();
}

QByteArray RedisReply::errorCode() const
{
    if (!isError())
        return {};
    const qsizetype space = m_bytes.indexOf(' ');
    return space < 0 ? m_bytes : m_bytes.left(space);
}

std::optional<QByteArray> RedisReply::toOptionalBytes() const
{
    if (m_type == Type::String || m_type == Type::Status)
        return m_bytes;
    return std::nullopt;
}

qint64 RedisReply::toInteger(bool *ok) const
{
    if (m_type == Type::Integer) {
        if (ok)
            *ok = true;
        return m_integer;
    }
    if (m_type == Type::String) {
        bool parsed = false;
        const qint64 v = m_bytes.toLongLong(&parsed);
        if (ok)
            *ok = parsed;
        return parsed ? v : 0;
    }
    if (ok)
        *ok = false;
    return 0;
}

qsizetype RedisReply::wireSize() const
{
    switch (m_type) {
    case Type::Nil:
        return 5; // $-1\r\n
    case Type::Status:
    case Type::Error:
        return 3 + m_bytes.size();
    case Type::Integer:
        return 3 + decimalLength(m_integer);
    case Type::String:
        return 5 + decimalLength(m_bytes.size()) + m_bytes.size();
    case Type::Array: {
        qsizetype n = 3 + decimalLength(m_elements.size());
        for (const RedisReply &e : m_elements)
            n += e.wireSize();
        return n;
    }
    }
    return 0;
}

QByteArray RedisReply::toDebugString() const
{
    switch (m_type) {
    case Type::Nil:
        return QByteArrayLiteral("(nil)");
    case Type::Status:
        return m_bytes;
    case Type::Error:
        return (m_transport ? QByteArrayLiteral("(transport error) ")
                            : QByteArrayLiteral("(error) "))
            + m_bytes;
    case Type::Integer:
        return QByteArrayLiteral("(integer) ") + QByteArray::number(m_integer);
    case Type::String:
        return '"' + m_bytes + '"';
    case Type::Array: {
        QByteArray out = "[";
        for (qsizetype i = 0; i < m_elements.size(); ++i) {
            if (i)
                out += ", ";
            out += m_elements.at(i).toDebugString();
        }
        return out + ']';
    }
    }
    return {};
}

bool RedisReply::operator==(const RedisReply &other) const
{
    return m_type == other.m_type && m_transport == other.m_transport
        && m_integer == other.m_integer && m_bytes == other.m_bytes
        && m_elements == other.m_elements;
}

} // namespace m1
