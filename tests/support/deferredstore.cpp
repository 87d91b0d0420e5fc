#include "deferredstore.h"

#include <QMutexLocker>
#include <QPromise>

namespace m1 {

DeferredStore::DeferredStore(Answerer answerer)
    : m_answerer(std::move(answerer))
{
}

QFuture<QList<RedisReply>> DeferredStore::pipeline(const QList<RedisCommand> &)
{
    QMutexLocker lock(&m_mutex);
    ++m_pipelineCalls;
    // Kept (unfinished) until the store goes: the future stays pending for the whole test.
    auto never = std::make_shared<QPromise<QList<RedisReply>>>();
    never->start();
    m_unanswered.append(never);
    return never->future();
}

void DeferredStore::submit(const QList<RedisCommand> &commands, ReplyHandler handler)
{
    QMutexLocker lock(&m_mutex);
    for (const RedisCommand &c : commands)
        m_submitted.append(QString::fromUtf8(c.argv().join(' ')));
    m_pending.append({ commands, std::move(handler) });
}

int DeferredStore::answer()
{
    QList<Pending> batches;
    {
        QMutexLocker lock(&m_mutex);
        batches.swap(m_pending);
    }
    for (Pending &batch : batches)
        batch.handler(m_answerer(batch.commands));
    return int(batches.size());
}

int DeferredStore::waiting() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_pending.size());
}

int DeferredStore::pipelineCalls() const
{
    QMutexLocker lock(&m_mutex);
    return m_pipelineCalls;
}

QStringList DeferredStore::submitted() const
{
    QMutexLocker lock(&m_mutex);
    return m_submitted;
}

} // namespace m1
