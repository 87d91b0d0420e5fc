#include "store/memorystringcommands.h"

#include "store/memoryargs.h"
#include "store/memorycommandtable.h"

#include <limits>

namespace m1 {

namespace {

RedisReply get(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    const QByteArray *value = ks.get<QByteArray>(argv.at(1), &error);
    if (value)
        return RedisReply::string(*value);
    return error.isError() ? error : RedisReply::nil();
}

RedisReply set(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    bool nx = false, xx = false, keepTtl = false, returnOld = false;
    qint64 expireAtMs = 0;
    for (qsizetype i = 3; i < argv.size(); ++i) {
        const QByteArray &word = argv.at(i);
        if (MemoryArgs::equals(word, "NX")) {
            nx = true;
        } else if (MemoryArgs::equals(word, "XX")) {
            xx = true;
        } else if (MemoryArgs::equals(word, "KEEPTTL")) {
            keepTtl = true;
        } else if (MemoryArgs::equals(word, "GET")) {
            returnOld = true;
        } else if ((MemoryArgs::equals(word, "EX") || MemoryArgs::equals(word, "PX"))
                   && i + 1 < argv.size()) {
            const auto amount = MemoryArgs::integer(argv.at(++i));
            if (!amount)
                return MemoryArgs::notInteger();
            if (*amount <= 0)
                return RedisReply::error(
                    QByteArrayLiteral("ERR invalid expire time in 'set' command"));
            expireAtMs = ks.nowMs() + *amount * (MemoryArgs::equals(word, "EX") ? 1000 : 1);
        } else {
            return MemoryArgs::syntaxError();
        }
    }
    if ((nx && xx) || (keepTtl && expireAtMs))
        return MemoryArgs::syntaxError();

    MemoryKeyspace::Entry *existing = ks.find(argv.at(1));
    RedisReply old;
    if (returnOld && existing) {
        const QByteArray *s = std::get_if<QByteArray>(&existing->value);
        if (!s)
            return MemoryKeyspace::wrongTypeError();
        old = RedisReply::string(*s);
    }
    if ((nx && existing) || (xx && !existing))
        return returnOld ? old : RedisReply::nil();
    if (keepTtl && existing)
        expireAtMs = existing->expireAtMs;
    ks.set(argv.at(1), argv.at(2), expireAtMs);
    return returnOld ? old : RedisReply::ok();
}

RedisReply mget(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    QList<RedisReply> out;
    out.reserve(argv.size() - 1);
    for (qsizetype i = 1; i < argv.size(); ++i) {
        const MemoryKeyspace::Entry *entry = ks.find(argv.at(i));
        const QByteArray *s = entry ? std::get_if<QByteArray>(&entry->value) : nullptr;
        out.append(s ? RedisReply::string(*s) : RedisReply::nil());
    }
    return RedisReply::array(std::move(out));
}

RedisReply mset(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    if (argv.size() % 2 == 0)
        return MemoryArgs::wrongArity(argv.first());
    for (qsizetype i = 1; i + 1 < argv.size(); i += 2)
        ks.set(argv.at(i), argv.at(i + 1));
    return RedisReply::ok();
}

RedisReply incrementBy(MemoryKeyspace &ks, const QByteArray &key, qint64 delta)
{
    RedisReply error;
    QByteArray *value = ks.getOrCreate<QByteArray>(key, &error);
    if (!value)
        return error;
    qint64 current = 0;
    if (!value->isEmpty()) {
        const auto parsed = MemoryArgs::integer(*value);
        if (!parsed)
            return MemoryArgs::notInteger();
        current = *parsed;
    }
    qint64 result = 0;
    if (__builtin_add_overflow(current, delta, &result))
        return MemoryArgs::overflow();
    *value = QByteArray::number(result);
    return RedisReply::integer(result);
}

RedisReply incr(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return incrementBy(ks, argv.at(1), 1);
}

RedisReply decr(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return incrementBy(ks, argv.at(1), -1);
}

RedisReply incrby(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    const auto delta = MemoryArgs::integer(argv.at(2));
    return delta ? incrementBy(ks, argv.at(1), *delta) : MemoryArgs::notInteger();
}

RedisReply decrby(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    const auto delta = MemoryArgs::integer(argv.at(2));
    if (!delta || *delta == std::numeric_limits<qint64>::min())
        return MemoryArgs::notInteger();
    return incrementBy(ks, argv.at(1), -*delta);
}

} // namespace

void MemoryStringCommands::registerInto(MemoryCommandTable &table)
{
    table.add("GET", 2, get);
    table.add("SET", -3, set);
    table.add("MGET", -2, mget);
    table.add("MSET", -3, mset);
    table.add("INCR", 2, incr);
    table.add("DECR", 2, decr);
    table.add("INCRBY", 3, incrby);
    table.add("DECRBY", 3, decrby);
}

} // namespace m1
