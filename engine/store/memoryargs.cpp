#include "store/memoryargs.h"

#include <cmath>
#include <limits>

namespace m1 {

std::optional<qint64> MemoryArgs::integer(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 20 || text.front() == '+' || text.contains(' '))
        return std::nullopt;
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

std::optional<double> MemoryArgs::number(const QByteArray &text)
{
    const QByteArray lower = text.toLower();
    if (lower == "inf" || lower == "+inf")
        return std::numeric_limits<double>::infinity();
    if (lower == "-inf")
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || std::isnan(v))
        return std::nullopt;
    return v;
}

bool MemoryArgs::equals(const QByteArray &arg, const char *upperWord)
{
    return arg.compare(upperWord, Qt::CaseInsensitive) == 0;
}

RedisReply MemoryArgs::notInteger()
{
    return RedisReply::error(QByteArrayLiteral("ERR value is not an integer or out of range"));
}

RedisReply MemoryArgs::notFloat()
{
    return RedisReply::error(QByteArrayLiteral("ERR value is not a valid float"));
}

RedisReply MemoryArgs::syntaxError()
{
    return RedisReply::error(QByteArrayLiteral("ERR syntax error"));
}

RedisReply MemoryArgs::wrongArity(const QByteArray &command)
{
    return RedisReply::error(QByteArrayLiteral("ERR wrong number of arguments for '")
                             + command.toLower() + QByteArrayLiteral("' command"));
}

RedisReply MemoryArgs::overflow()
{
    return RedisReply::error(QByteArrayLiteral("ERR increment or decrement would overflow"));
}

} // namespace m1
