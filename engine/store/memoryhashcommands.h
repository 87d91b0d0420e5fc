#pragma once

// Hash commands of the in-process store: HSET, HGET, HMGET, HGETALL, HINCRBY, HDEL, HEXISTS, HLEN.

namespace m1 {

class MemoryCommandTable;

class MemoryHashCommands
{
public:
    static void registerInto(MemoryCommandTable &table);
};

} // namespace m1
