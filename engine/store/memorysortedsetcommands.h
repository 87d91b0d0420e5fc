#pragma once

// Sorted-set commands of the in-process store: ZADD (NX/XX/GT/LT/CH/INCR), ZRANGE (by index or
// BYSCORE, REV, LIMIT, WITHSCORES), ZRANGEBYSCORE, ZREM, ZCARD, ZSCORE, ZCOUNT, ZREMRANGEBYSCORE.

namespace m1 {

class MemoryCommandTable;

class MemorySortedSetCommands
{
public:
    static void registerInto(MemoryCommandTable &table);
};

} // namespace m1
