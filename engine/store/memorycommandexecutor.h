#pragma once

// Runs one command of a pipeline against the in-process keyspace, adding to the plain command
// table what needs state across commands: MULTI/EXEC/DISCARD and scripts (EVALSHA, EVAL,
// SCRIPT LOAD/EXISTS/FLUSH), which run their native twin. Not thread-safe (MemoryStore locks).

#include "store/luascript.h"
#include "store/memorycommandtable.h"
#include "store/memorykeyspace.h"
#include "store/rediscommand.h"

#include <QHash>

#include <memory>

namespace m1 {

class MemoryCommandExecutor
{
public:
    // Transaction state of one pipeline (Redis keeps it per connection).
    struct Session
    {
        bool inMulti = false;
        bool multiFailed = false;
        QList<RedisCommand> queued;
    };

    explicit MemoryCommandExecutor(MemoryKeyspace &keyspace)
        : m_keyspace(keyspace)
    {
    }

    RedisReply execute(const RedisCommand &command, Session &session);
    void registerScript(const std::shared_ptr<const LuaScript> &script);

private:
    RedisReply executeNow(const RedisCommand &command);
    RedisReply runScript(const QByteArray &sha1, const QByteArrayList &argv);
    RedisReply script(const QByteArrayList &argv);
    RedisReply exec(Session &session);
    RedisReply validate(const QByteArrayList &argv) const;

    MemoryKeyspace &m_keyspace;
    MemoryCommandTable m_table;
    QHash<QByteArray, std::shared_ptr<const LuaScript>> m_scripts;
};

} // namespace m1
