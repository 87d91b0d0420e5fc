#pragma once

// List commands of the in-process store: LPUSH, RPUSH, LRANGE, LTRIM, LLEN, LPOP, RPOP, LINDEX.

namespace m1 {

class MemoryCommandTable;

class MemoryListCommands
{
public:
    static void registerInto(MemoryCommandTable &table);
};

} // namespace m1
