#pragma once

// What the SQL batch writer has done since it was created.

#include <QString>
#include <QtGlobal>

namespace m1 {

struct SqlBatchWriterStats
{
    quint64 accepted = 0; // entries queued
    quint64 dropped = 0; // refused because the queue was full
    quint64 written = 0; // committed
    quint64 rejected = 0; // refused by the database (bad data), logged and skipped
    quint64 lost = 0; // still unwritten when stop() gave up on an unreachable database
    quint64 batches = 0; // committed transactions
    quint64 retries = 0; // failed attempts that were retried
    int queued = 0; // waiting now
    QString lastError;
};

} // namespace m1
