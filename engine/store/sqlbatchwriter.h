#pragma once

// Keeps message-log, delivery-status and evaluation writes off the message path: callers queue entries (a
// mutex and a deque push, never I/O) and one background thread commits them in batches, one
// transaction per batch, on its own connection. The queue is bounded: when the database falls
// so far behind that it fills, new entries are dropped and counted rather than blocking a
// worker. A failed batch is retried while the database is unreachable; when it is reachable
// but refuses the batch, the entries are retried one by one and only the bad ones skipped.
// stop() writes everything queued before it returns: nothing is lost on a clean stop.
//
//   SqlBatchWriter writer(db, clock);
//   writer.start();
//   writer.logMessage(entry);                 // any thread
//   writer.recordEvaluation({toolId, phone, 1, 0, 0});
//   writer.recordStatus({wamid, phone, "delivered", 0, {}, timeMs});
//   writer.stop();                            // drains, then joins

#include "store/messagelogentry.h"
#include "store/messagestatusentry.h"
#include "store/sqlbatchwriteroptions.h"
#include "store/sqlbatchwriterstats.h"
#include "store/toolevaluation.h"

#include <QList>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <variant>

namespace m1 {

class Clock;
class SqlDatabase;

class SqlBatchWriter
{
public:
    SqlBatchWriter(const SqlDatabase &db, const Clock &clock, SqlBatchWriterOptions options = {});
    ~SqlBatchWriter(); // stop()
    SqlBatchWriter(const SqlBatchWriter &) = delete;
    SqlBatchWriter &operator=(const SqlBatchWriter &) = delete;

    void start();
    // Entries queued before start() wait for it. Returns the number of entries that could not
    // be written (0 unless the database stayed unreachable for stopTimeoutMs).
    quint64 stop();

    // False when the queue is full (the entry is dropped and counted).
    bool logMessage(MessageLogEntry entry);
    bool recordEvaluation(ToolEvaluation delta);
    bool recordStatus(MessageStatusEntry status);
    // Blocks until every entry queued before the call is committed or given up on; false when
    // timeoutMs passed first, or at once when the writer was never started. For tests and
    // orderly hand-overs, not the message path.
    bool flush(int timeoutMs);

    SqlBatchWriterStats stats() const;

private:
    using Item = std::variant<MessageLogEntry, ToolEvaluation, MessageStatusEntry>;

    bool enqueue(Item item);
    void run();
    // Takes the next batch; false when stopping with nothing left.
    bool nextBatch(std::vector<Item> &batch);
    void writeBatch(const std::vector<Item> &batch);
    QString commit(const std::vector<Item> &items) const;
    void writeOneByOne(const std::vector<Item> &batch);
    void finish(quint64 written, quint64 rejected, quint64 lost, bool committed);

    const SqlDatabase &m_db;
    const Clock &m_clock;
    const SqlBatchWriterOptions m_options;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // the writer: work, flush or stop
    std::condition_variable m_done; // flushers: progress
    std::deque<Item> m_queue;
    quint64 m_acceptedSeq = 0; // entries ever accepted
    quint64 m_doneSeq = 0; // entries taken and finished (written, rejected or lost)
    quint64 m_flushWanted = 0; // highest sequence a flusher waits for
    bool m_stopping = false;
    bool m_giveUp = false; // stop deadline passed with the database unreachable: drop the rest
    std::chrono::steady_clock::time_point m_stopDeadline;
    SqlBatchWriterStats m_stats;
    std::thread m_thread;
};

} // namespace m1
