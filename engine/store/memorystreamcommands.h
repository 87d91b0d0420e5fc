#pragma once

// Stream commands of the in-process store: XADD (NOMKSTREAM, MAXLEN), XLEN, XRANGE, XDEL,
// XGROUP CREATE/DESTROY/CREATECONSUMER/SETID, XREADGROUP (">" and pending history, COUNT, NOACK),
// XACK, XPENDING (summary and extended), XAUTOCLAIM. XREADGROUP's BLOCK is MemoryStore's job:
// here it answers nil when nothing is there yet.

namespace m1 {

class MemoryCommandTable;

class MemoryStreamCommands
{
public:
    static void registerInto(MemoryCommandTable &table);
};

} // namespace m1
