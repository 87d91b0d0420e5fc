#pragma once

// Tuning of the SQL batch writer. The defaults keep a burst of a few seconds at 1,000 messages
// per second in memory and commit at least five times a second.

namespace m1 {

struct SqlBatchWriterOptions
{
    int queueCapacity = 50000; // waiting entries; beyond this new ones are dropped and counted
    int maxBatch = 1000; // entries per transaction
    int flushIntervalMs = 200; // how long a partial batch waits for more entries
    int retryMs = 1000; // pause after a failed batch while the database is unreachable
    int stopTimeoutMs = 10000; // how long stop() keeps retrying an unreachable database
};

} // namespace m1
