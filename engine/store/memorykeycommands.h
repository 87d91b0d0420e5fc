#pragma once

// Key-level commands of the in-process store: DEL, EXISTS, EXPIRE, PEXPIRE, TTL, PTTL, PERSIST,
// TYPE, DBSIZE, FLUSHDB, FLUSHALL, PING, ECHO, SELECT, TIME.

namespace m1 {

class MemoryCommandTable;

class MemoryKeyCommands
{
public:
    static void registerInto(MemoryCommandTable &table);
};

} // namespace m1
