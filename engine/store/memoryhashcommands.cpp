#include "store/memoryhashcommands.h"

#include "store/memoryargs.h"
#include "store/memorycommandtable.h"

namespace m1 {

namespace {

using Hash = MemoryKeyspace::Hash;

RedisReply hset(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    if (argv.size() % 2 != 0)
        return MemoryArgs::wrongArity(argv.first());
    RedisReply error;
    Hash *hash = ks.getOrCreate<Hash>(argv.at(1), &error);
    if (!hash)
        return error;
    qint64 added = 0;
    for (qsizetype i = 2; i + 1 < argv.size(); i += 2) {
        added += hash->contains(argv.at(i)) ? 0 : 1;
        hash->insert(argv.at(i), argv.at(i + 1));
    }
    return RedisReply::integer(added);
}

RedisReply hget(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    const Hash *hash = ks.get<Hash>(argv.at(1), &error);
    if (!hash)
        return error.isError() ? error : RedisReply::nil();
    const auto it = hash->constFind(argv.at(2));
    return it == hash->cend() ? RedisReply::nil() : RedisReply::string(*it);
}

RedisReply hmget(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    const Hash *hash = ks.get<Hash>(argv.at(1), &error);
    if (error.isError())
        return error;
    QList<RedisReply> out;
    for (qsizetype i = 2; i < argv.size(); ++i) {
        const auto it = hash ? hash->constFind(argv.at(i)) : Hash::const_iterator();
        out.append(hash && it != hash->cend() ? RedisReply::string(*it) : RedisReply::nil());
    }
    return RedisReply::array(std::move(out));
}

RedisReply hgetall(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    const Hash *hash = ks.get<Hash>(argv.at(1), &error);
    if (error.isError())
        return error;
    QList<RedisReply> out;
    if (hash) {
        out.reserve(hash->size() * 2);
        for (auto it = hash->cbegin(); it != hash->cend(); ++it)
            out << RedisReply::string(it.key()) << RedisReply::string(it.value());
    }
    return RedisReply::array(std::move(out));
}

RedisReply hincrby(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    const auto delta = MemoryArgs::integer(argv.at(3));
    if (!delta)
        return MemoryArgs::notInteger();
    RedisReply error;
    Hash *hash = ks.getOrCreate<Hash>(argv.at(1), &error);
    if (!hash)
        return error;
    qint64 current = 0;
    const auto it = hash->constFind(argv.at(2));
    if (it != hash->cend()) {
        const auto parsed = MemoryArgs::integer(*it);
        if (!parsed)
            return RedisReply::error(QByteArrayLiteral("ERR hash value is not an integer"));
        current = *parsed;
    }
    qint64 result = 0;
    if (__builtin_add_overflow(current, *delta, &result))
        return MemoryArgs::overflow();
    hash->insert(argv.at(2), QByteArray::number(result));
    return RedisReply::integer(result);
}

RedisReply hdel(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    Hash *hash = ks.get<Hash>(argv.at(1), &error);
    if (!hash)
        return error.isError() ? error : RedisReply::integer(0);
    qint64 removed = 0;
    for (qsizetype i = 2; i < argv.size(); ++i)
        removed += hash->remove(argv.at(i));
    ks.removeIfEmpty(argv.at(1));
    return RedisReply::integer(removed);
}

RedisReply hexists(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    const Hash *hash = ks.get<Hash>(argv.at(1), &error);
    if (error.isError())
        return error;
    return RedisReply::integer(hash && hash->contains(argv.at(2)) ? 1 : 0);
}

RedisReply hlen(MemoryKeyspace &ks, const QByteArrayList &argv)
{
    RedisReply error;
    const Hash *hash = ks.get<Hash>(argv.at(1), &error);
    if (error.isError())
        return error;
    return RedisReply::integer(hash ? hash->size() : 0);
}

} // namespace

void MemoryHashCommands::registerInto(MemoryCommandTable &table)
{
    table.add("HSET", -4, hset);
    table.add("HGET", 3, hget);
    table.add("HMGET", -3, hmget);
    table.add("HGETALL", 2, hgetall);
    table.add("HINCRBY", 4, hincrby);
    table.add("HDEL", -3, hdel);
    table.add("HEXISTS", 3, hexists);
    table.add("HLEN", 2, hlen);
}

} // namespace m1
