#pragma once

// String commands of the in-process store: GET, SET (NX/XX, EX/PX, KEEPTTL, GET), MGET, MSET,
// INCR, INCRBY, DECR, DECRBY.

namespace m1 {

class MemoryCommandTable;

class MemoryStringCommands
{
public:
    static void registerInto(MemoryCommandTable &table);
};

} // namespace m1
