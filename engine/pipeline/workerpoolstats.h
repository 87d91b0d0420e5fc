#pragma once
// Counts of what the worker pool did (also exported as metrics).
#include <QtGlobal>

namespace m1 {

struct WorkerPoolStats
{
    quint64 processed = 0; // turns run through the orchestrator
    quint64 duplicates = 0; // dropped: seen before
    quint64 rateLimited = 0;
    quint64 failures = 0; // store failures, undecodable entries, failed sends or saves
    quint64 claimed = 0; // entries taken over from idle consumers
};

} // namespace m1
