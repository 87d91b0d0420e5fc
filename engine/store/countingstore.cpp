#include "store/countingstore.h"

namespace m1 {

QFuture<QList<RedisReply>> CountingStore::pipeline(const QList<RedisCommand> &commands)
{
    if (!commands.isEmpty()) {
        m_roundTrips.fetch_add(1, std::memory_order_relaxed);
        m_commands.fetch_add(quint64(commands.size()), std::memory_order_relaxed);
    }
    return m_inner.pipeline(commands);
}

void CountingStore::submit(const QList<RedisCommand> &commands, ReplyHandler handler)
{
    if (!commands.isEmpty()) {
        m_roundTrips.fetch_add(1, std::memory_order_relaxed);
        m_commands.fetch_add(quint64(commands.size()), std::memory_order_relaxed);
    }
    m_inner.submit(commands, std::move(handler));
}

void CountingStore::reset()
{
    m_roundTrips.store(0, std::memory_order_relaxed);
    m_commands.store(0, std::memory_order_relaxed);
}

} // namespace m1
