#pragma once

// The in-process store (--store memory): the same semantics as Redis for what the engine uses
// (TTL, strings, hashes, lists, sorted sets, streams with consumer groups, MULTI/EXEC, the
// engine's scripts through their native twins), for machines without Redis and for tests.
// Nothing is shared with other processes and nothing survives a restart.
//
// A pipeline runs under one lock, so it is atomic (stronger than Redis, never weaker). Keys
// expire by the injected clock. XREADGROUP ... BLOCK parks the rest of its pipeline until an
// XADD feeds it or the block time runs out (real time, on a small waiter thread).

#include "store/keyvaluestore.h"
#include "store/memorycommandexecutor.h"
#include "store/memorykeyspace.h"
#include "store/storemetrics.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace m1 {

class Clock;
class MetricsRegistry;

class MemoryStore final : public KeyValueStore
{
public:
    MemoryStore(const Clock &clock, MetricsRegistry &metrics,
                const QString &metricsPrefix = QStringLiteral("store"));
    ~MemoryStore() override;

    QFuture<QList<RedisReply>> pipeline(const QList<RedisCommand> &commands) override;
    QString description() const override;
    bool isConnected() const override { return true; }

    const StoreMetrics &metrics() const { return m_metrics; }

private:
    struct Job;
    using JobPtr = std::shared_ptr<Job>;

    bool run(Job &job); // false: parked on a blocking read
    void retryParked(std::vector<JobPtr> &finished);
    void expireParked(std::vector<JobPtr> &finished);
    void complete(const std::vector<JobPtr> &finished);
    void waiterLoop();

    const Clock &m_clock;
    StoreMetrics m_metrics;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    MemoryKeyspace m_keyspace;
    MemoryCommandExecutor m_executor;
    std::deque<JobPtr> m_parked;
    std::thread m_waiter;
    bool m_stopping = false;
};

} // namespace m1
