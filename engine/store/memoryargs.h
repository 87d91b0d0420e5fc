#pragma once

// Argument parsing shared by the in-process store's commands, with Redis' own error texts so
// both stores fail the same way.

#include "store/redisreply.h"

#include <QByteArray>

#include <optional>

namespace m1 {

class MemoryArgs
{
public:
    static std::optional<qint64> integer(const QByteArray &text);
    static std::optional<double> number(const QByteArray &text); // accepts inf, -inf, +inf
    static bool equals(const QByteArray &arg, const char *upperWord);

    static RedisReply notInteger();
    static RedisReply notFloat();
    static RedisReply syntaxError();
    static RedisReply wrongArity(const QByteArray &command);
    static RedisReply overflow();
};

} // namespace m1
