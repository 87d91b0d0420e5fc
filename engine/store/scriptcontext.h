#pragma once

// What a native script (the C++ twin of one of the engine's Lua scripts) may do: the
// equivalent of redis.call(), run atomically inside the store that executes the script.

#include "store/redisreply.h"

#include <QByteArrayList>

namespace m1 {

class ScriptContext
{
public:
    virtual ~ScriptContext() = default;
    virtual RedisReply call(const QByteArrayList &argv) = 0;
};

} // namespace m1
