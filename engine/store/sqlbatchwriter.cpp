#include "store/sqlbatchwriter.h"

#include "core/clock.h"
#include "core/logcategories.h"
#include "store/messagelog.h"
#include "store/messagestatuslog.h"
#include "store/sqldatabase.h"
#include "store/toolevaluations.h"

using namespace Qt::StringLiterals;

namespace m1 {

SqlBatchWriter::SqlBatchWriter(const SqlDatabase &db, const Clock &clock,
                               SqlBatchWriterOptions options)
    : m_db(db)
    , m_clock(clock)
    , m_options(options)
{
}

SqlBatchWriter::~SqlBatchWriter()
{
    stop();
}

void SqlBatchWriter::start()
{
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable() || m_stopping)
        return;
    m_thread = std::thread([this] { run(); });
}

quint64 SqlBatchWriter::stop()
{
    bool drainHere = false;
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_stopping = true;
            m_stopDeadline = std::chrono::steady_clock::now()
                + std::chrono::milliseconds(m_options.stopTimeoutMs);
            drainHere = !m_thread.joinable();
        }
    }
    m_wake.notify_all();
    if (drainHere)
        run(); // never started: what was queued is still written, on this thread
    if (m_thread.joinable())
        m_thread.join();
    std::lock_guard lock(m_mutex);
    return m_stats.lost;
}

bool SqlBatchWriter::logMessage(MessageLogEntry entry)
{
    return enqueue(std::move(entry));
}

bool SqlBatchWriter::recordEvaluation(ToolEvaluation delta)
{
    return enqueue(std::move(delta));
}

bool SqlBatchWriter::recordStatus(MessageStatusEntry status)
{
    return enqueue(std::move(status));
}

bool SqlBatchWriter::enqueue(Item item)
{
    std::unique_lock lock(m_mutex);
    if (m_stopping || m_queue.size() >= size_t(std::max(1, m_options.queueCapacity))) {
        ++m_stats.dropped;
        return false;
    }
    m_queue.push_back(std::move(item));
    ++m_acceptedSeq;
    ++m_stats.accepted;
    // Wake the writer only when it has something new to wait for: the first entry starts the
    // flush interval, a full batch ends it. Everything in between is a plain push.
    const size_t size = m_queue.size();
    const bool wake = size == 1 || size == size_t(m_options.maxBatch);
    lock.unlock();
    if (wake)
        m_wake.notify_one();
    return true;
}

bool SqlBatchWriter::flush(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_acceptedSeq;
    if (m_doneSeq >= target)
        return true;
    if (!m_thread.joinable())
        return false; // not started: nothing would make progress
    m_flushWanted = std::max(m_flushWanted, target);
    m_wake.notify_all();
    return m_done.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                           [&] { return m_doneSeq >= target; });
}

SqlBatchWriterStats SqlBatchWriter::stats() const
{
    std::lock_guard lock(m_mutex);
    SqlBatchWriterStats copy = m_stats;
    copy.queued = int(m_queue.size());
    return copy;
}

void SqlBatchWriter::run()
{
    std::vector<Item> batch;
    while (nextBatch(batch)) {
        writeBatch(batch);
        batch.clear();
    }
}

bool SqlBatchWriter::nextBatch(std::vector<Item> &batch)
{
    const size_t maxBatch = size_t(std::max(1, m_options.maxBatch));
    std::unique_lock lock(m_mutex);
    const auto ready = [&] {
        return m_stopping || m_queue.size() >= maxBatch
            || (!m_queue.empty() && m_flushWanted > m_doneSeq);
    };
    if (!ready()) {
        m_wake.wait(lock, [&] { return ready() || !m_queue.empty(); });
        // Let a partial batch gather company for a moment: fewer, larger transactions.
        m_wake.wait_for(lock, std::chrono::milliseconds(m_options.flushIntervalMs), ready);
    }
    if (m_queue.empty())
        return !m_stopping;
    const size_t take = std::min(maxBatch, m_queue.size());
    batch.reserve(take);
    for (size_t i = 0; i < take; ++i) {
        batch.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
    }
    return true;
}

QString SqlBatchWriter::commit(const std::vector<Item> &items) const
{
    QList<MessageLogEntry> messages;
    QList<ToolEvaluation> evaluations;
    QList<MessageStatusEntry> statuses;
    for (const Item &item : items) {
        if (const auto *message = std::get_if<MessageLogEntry>(&item))
            messages.append(*message);
        else if (const auto *evaluation = std::get_if<ToolEvaluation>(&item))
            evaluations.append(*evaluation);
        else
            statuses.append(std::get<MessageStatusEntry>(item));
    }
    const qint64 now = m_clock.nowMs();
    return m_db.write([&](const QSqlDatabase &db) {
        int inserted = 0;
        if (QString error = MessageLog::insertInto(db, messages, &inserted); !error.isEmpty())
            return error;
        if (QString error = MessageStatusLog::insertInto(db, statuses, &inserted); !error.isEmpty())
            return error;
        return ToolEvaluations::incrementIn(db, evaluations, now);
    });
}

void SqlBatchWriter::writeBatch(const std::vector<Item> &batch)
{
    if (batch.empty())
        return;
    QString lastLogged;
    for (int attempt = 0;; ++attempt) {
        {
            std::lock_guard lock(m_mutex);
            if (m_giveUp) {
                m_stats.lost += batch.size();
                m_doneSeq += batch.size();
                m_done.notify_all();
                return;
            }
        }
        const QString error = commit(batch);
        if (error.isEmpty()) {
            if (attempt > 0)
                qCInfo(lcStore).noquote() << "SQL writer: database reachable again, batch of"
                                          << batch.size() << "written";
            finish(batch.size(), 0, 0, true);
            return;
        }
        QString connectError;
        const bool reachable = m_db.connection(&connectError).isValid();
        const QString why = reachable ? error : connectError;
        if (why != lastLogged) {
            qCWarning(lcStore).noquote()
                << "SQL writer: batch of" << batch.size() << "not written:" << why;
            lastLogged = why;
        }
        std::unique_lock lock(m_mutex);
        m_stats.lastError = why;
        ++m_stats.retries;
        if (reachable && attempt > 0) {
            // The database answers but refuses this batch twice: some entry is bad.
            lock.unlock();
            writeOneByOne(batch);
            return;
        }
        if (!reachable && m_stopping) {
            const auto now = std::chrono::steady_clock::now();
            if (now >= m_stopDeadline) {
                qCWarning(lcStore).noquote()
                    << "SQL writer: giving up at shutdown;" << (batch.size() + m_queue.size())
                    << "entries not written:" << why;
                m_giveUp = true;
                continue;
            }
        }
        if (!reachable) {
            const auto wait = std::chrono::milliseconds(m_options.retryMs);
            if (m_stopping)
                m_wake.wait_until(
                    lock, std::min(std::chrono::steady_clock::now() + wait, m_stopDeadline));
            else
                m_wake.wait_for(lock, wait, [&] { return m_stopping; });
        }
    }
}

void SqlBatchWriter::writeOneByOne(const std::vector<Item> &batch)
{
    quint64 written = 0;
    quint64 rejected = 0;
    for (const Item &item : batch) {
        const QString error = commit({ item });
        if (error.isEmpty()) {
            ++written;
            continue;
        }
        ++rejected;
        qCWarning(lcStore).noquote() << "SQL writer: entry skipped:" << error;
        std::lock_guard lock(m_mutex);
        m_stats.lastError = error;
    }
    finish(written, rejected, 0, written > 0);
}

void SqlBatchWriter::finish(quint64 written, quint64 rejected, quint64 lost, bool committed)
{
    {
        std::lock_guard lock(m_mutex);
        m_stats.written += written;
        m_stats.rejected += rejected;
        m_stats.lost += lost;
        if (committed)
            ++m_stats.batches;
        m_doneSeq += written + rejected + lost;
    }
    m_done.notify_all();
}

} // namespace m1
