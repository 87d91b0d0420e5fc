#pragma once

// A KeyValueStore that forwards to another and counts what goes through: pipelines (round
// trips) and commands. Benchmarks and tests wrap a store in it to prove "one round trip per
// load" without depending on which store is underneath.

#include "store/keyvaluestore.h"

#include <atomic>

namespace m1 {

class CountingStore final : public KeyValueStore
{
public:
    explicit CountingStore(KeyValueStore &inner)
        : m_inner(inner)
    {
    }

    QFuture<QList<RedisReply>> pipeline(const QList<RedisCommand> &commands) override;
    void submit(const QList<RedisCommand> &commands, ReplyHandler handler) override;
    QString description() const override { return m_inner.description(); }
    bool isConnected() const override { return m_inner.isConnected(); }

    quint64 roundTrips() const { return m_roundTrips.load(std::memory_order_relaxed); }
    quint64 commands() const { return m_commands.load(std::memory_order_relaxed); }
    void reset();

private:
    KeyValueStore &m_inner;
    std::atomic<quint64> m_roundTrips { 0 };
    std::atomic<quint64> m_commands { 0 };
};

} // namespace m1
