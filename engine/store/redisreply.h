#pragma once

// One reply of the Redis protocol as a plain value (nil, status, error, integer, bulk string,
// array), so replies can cross threads inside a QFuture and both stores (real Redis and the
// in-process one) answer in exactly the same shape. A transport error (not connected, connection
// lost, timed out) is an error reply too, flagged so callers can tell "Redis said no" from "we
// could not ask".

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace m1 {

class RedisReply
{
public:
    enum class Type : quint8 { Nil, Status, Error, Integer, String, Array };

    RedisReply() = default; // nil

    static RedisReply nil() { return {}; }
    static RedisReply status(const QByteArray &text);
    static RedisReply ok() { return status(QByteArrayLiteral("OK")); }
    static RedisReply error(const QByteArray &message);
    static RedisReply transportError(const QString &message);
    static RedisReply integer(qint64 value);
    static RedisReply string(const QByteArray &value);
    static RedisReply array(QList<RedisReply> elements);

    Type type() const { return m_type; }
    bool isNil() const { return m_type == Type::Nil; }
    bool isStatus() const { return m_type == Type::Status; }
    bool isError() const { return m_type == Type::Error; }
    bool isTransportError() const { return m_type == Type::Error && m_transport; }
    bool isInteger() const { return m_type == Type::Integer; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    // Status "OK" (what SET, MSET, LTRIM ... answer on success).
    bool isOk() const { return m_type == Type::Status && m_bytes == "OK"; }

    // Text of a status or error, bytes of a string; empty otherwise.
    const QByteArray &bytes() const { return m_bytes; }
    qint64 integer() const { return m_integer; }
    const QList<RedisReply> &elements() const { return m_elements; }
    // An error's text as a message a person can read; empty when this is not an error.
    QString errorMessage() const;
    // The first word of an error ("WRONGTYPE", "NOSCRIPT", "ERR").
    QByteArray errorCode() const;

    // A string's bytes, std::nullopt for nil (what GET/HGET return).
    std::optional<QByteArray> toOptionalBytes() const;
    // An integer reply, or a string holding a decimal integer; *ok tells which.
    qint64 toInteger(bool *ok = nullptr) const;

    // Size of the reply on the wire in RESP2 (for the bytes-in metric).
    qsizetype wireSize() const;
    // Readable form for logs and test failures: (nil), "abc", (integer) 3, [..].
    QByteArray toDebugString() const;

    bool operator==(const RedisReply &other) const;

private:
    Type m_type = Type::Nil;
    bool m_transport = false;
    qint64 m_integer = 0;
    QByteArray m_bytes;
    QList<RedisReply> m_elements;
};

} // namespace m1
