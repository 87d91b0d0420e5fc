#pragma once

// Name → implementation for the commands the in-process store understands, with Redis' arity
// check (positive: exact argument count including the name; negative: at least that many).

#include "store/memorykeyspace.h"
#include "store/redisreply.h"

#include <QByteArrayList>
#include <QHash>

namespace m1 {

class MemoryCommandTable
{
public:
    using Handler = RedisReply (*)(MemoryKeyspace &keyspace, const QByteArrayList &argv);

    // Registers every command the engine uses (strings, keys, hashes, lists, sorted sets, streams).
    MemoryCommandTable();

    void add(const QByteArray &upperName, int arity, Handler handler);
    bool contains(const QByteArray &upperName) const { return m_commands.contains(upperName); }
    RedisReply execute(MemoryKeyspace &keyspace, const QByteArrayList &argv) const;

private:
    struct Spec
    {
        int arity = 0;
        Handler handler = nullptr;
    };
    QHash<QByteArray, Spec> m_commands;
};

} // namespace m1
