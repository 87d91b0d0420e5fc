#include "store/memorykeycommands.h"

#include "store/memoryargs.h"
#include "store/memorycommandtable.h"

namespace m1 {

namespace {

RedisReply del(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    qint64 n = 0;
    for (qsizetype i = 1; i < argv.size(); ++i)
        n += ks.remove(argv.at(i)) ? 1 : 0;
    return RedisReply::integer(n);
}

RedisReply exists(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    qint64 n = 0;
    for (qsizetype i = 1; i < argv.size(); ++i)
        n += ks.find(argv.at(i)) ? 1 : 0;
    return RedisReply::integer(n);
}

RedisReply expireIn(MemoryKeyspace &ks, const QByteArrayList &argv, qint64 unitMs)
{
    const auto amount = MemoryArgs::integer(argv.at(2));
    if (!amount)
        return MemoryArgs::notInteger();
    MemoryKeyspace::Entry *entry = ks.find(argv.at(1));
    if (!entry)
        return RedisReply::integer(0);
    if (*amount <= 0) {
        ks.remove(argv.at(1));
        return RedisReply::integer(1);
    }
    entry->expireAtMs = ks.nowMs() + *amount * unitMs;
    return RedisReply::integer(1);
}

RedisReply expire(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return expireIn(ks, argv, 1000);
}

RedisReply pexpire(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return expireIn(ks, argv, 1);
}

RedisReply timeToLive(MemoryKeyspace &ks, const QByteArrayList &argv, bool millis)
{
    const MemoryKeyspace::Entry *entry = ks.find(argv.at(1));
    if (!entry)
        return RedisReply::integer(-2);
    if (entry->expireAtMs == 0)
        return RedisReply::integer(-1);
    const qint64 left = std::max<qint64>(0, entry->expireAtMs - ks.nowMs());
    return RedisReply::integer(millis ? left : (left + 500) / 1000);
}

RedisReply ttl(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return timeToLive(ks, argv, false);
}

RedisReply pttl(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    return timeToLive(ks, argv, true);
}

RedisReply persist(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    MemoryKeyspace::Entry *entry = ks.find(argv.at(1));
    if (!entry || entry->expireAtMs == 0)
        return RedisReply::integer(0);
    entry->expireAtMs = 0;
    return RedisReply::integer(1);
}

RedisReply type(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    static const char *const names[] = { "string", "hash", "list", "zset", "stream" };
    const MemoryKeyspace::Entry *entry = ks.find(argv.at(1));
    return RedisReply::status(entry ? QByteArray(names[entry->value.index()])
                                    : QByteArrayLiteral("none"));
}

RedisReply dbsize(MemoryKeyspace &ks, const QByteArrayList &)
{
    return RedisReply::integer(ks.size());
}

RedisReply flush(MemoryKeyspace &ks, const QByteArrayList &)
{
    ks.clear();
    return RedisReply::ok();
}

RedisReply ping(MemoryKeyspace &, const QByteArrayList &argv)
{
    if (argv.size() > 2)
        return MemoryArgs::wrongArity(argv.first());
    return argv.size() == 2 ? RedisReply::string(argv.at(1))
                            : RedisReply::status(QByteArrayLiteral("PONG"));
}

RedisReply echo(MemoryKeyspace &, const QByteArrayList &argv)
{
    return RedisReply::string(argv.at(1));
}

RedisReply select(MemoryKeyspace &, const QByteArrayList &argv)
{
    // One keyspace: database numbers are accepted so the same handshake works on both stores.
    if (!MemoryArgs::integer(argv.at(1)))
        return MemoryArgs::notInteger();
    return RedisReply::ok();
}

RedisReply time(MemoryKeyspace &ks, const QByteArrayList &)
{
    const qint64 now = ks.nowMs();
    return RedisReply::array({ RedisReply::string(QByteArray::number(now / 1000)),
                               RedisReply::string(QByteArray::number((now % 1000) * 1000)) });
}

} // namespace

void MemoryKeyCommands::registerInto(MemoryCommandTable &table)
{
    table.add("DEL", -2, del);
    table.add("UNLINK", -2, del);
    table.add("EXISTS", -2, exists);
    table.add("EXPIRE", 3, expire);
    table.add("PEXPIRE", 3, pexpire);
    table.add("TTL", 2, ttl);
    table.add("PTTL", 2, pttl);
    table.add("PERSIST", 2, persist);
    table.add("TYPE", 2, type);
    table.add("DBSIZE", 1, dbsize);
    table.add("FLUSHDB", -1, flush);
    table.add("FLUSHALL", -1, flush);
    table.add("PING", -1, ping);
    table.add("ECHO", 2, echo);
    table.add("SELECT", 2, select);
    table.add("TIME", 1, time);
}

} // namespace m1
