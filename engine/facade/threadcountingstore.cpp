#include "facade/threadcountingstore.h"

namespace m1 {
namespace {

thread_local quint64 t_commands = 0;
thread_local quint64 t_roundTrips = 0;

void count(const QList<RedisCommand> &commands)
{
    t_commands += quint64(commands.size());
    ++t_roundTrips;
}

} // namespace

QFuture<QList<RedisReply>> ThreadCountingStore::pipeline(const QList<RedisCommand> &commands)
{
    count(commands);
    return m_inner.pipeline(commands);
}

void ThreadCountingStore::submit(const QList<RedisCommand> &commands, ReplyHandler handler)
{
    count(commands);
    m_inner.submit(commands, std::move(handler));
}

std::pair<quint64, quint64> ThreadCountingStore::takeThreadCounts()
{
    return {std::exchange(t_commands, 0), std::exchange(t_roundTrips, 0)};
}

} // namespace m1
