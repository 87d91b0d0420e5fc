#include "conversation/deduplicator.h"

#include "conversation/conversationkeys.h"
#include "core/clock.h"
#include "core/metricsregistry.h"
#include "store/keyvaluestore.h"

namespace m1 {

Deduplicator::Deduplicator(KeyValueStore &store, qint64 ttlMs, const Clock &clock,
                           MetricsRegistry &metrics)
    : m_store(store)
    , m_ttlMs(ttlMs)
    , m_clock(clock)
    , m_duplicates(
          metrics.counter(QStringLiteral("conversation.duplicates_dropped"),
                          QStringLiteral("Messages dropped because their id was seen before")))
{
}

RedisCommand Deduplicator::command(const QString &phone, const QString &messageId) const
{
    return RedisCommand::of("SET", ConversationKeys::dedup(phone, messageId), m_clock.nowMs(), "NX",
                            "PX", m_ttlMs);
}

QFuture<Deduplicator::Verdict> Deduplicator::check(const QString &phone, const QString &messageId)
{
    // Answered from the store's side: no QFuture::then() on a store future (KeyValueStore::submit).
    return m_store.commandThen(command(phone, messageId),
                               [this](const RedisReply &reply) { return verdict(reply); });
}

Deduplicator::Verdict Deduplicator::verdict(const RedisReply &reply)
{
    if (reply.isOk())
        return Verdict::First;
    if (reply.isNil()) {
        m_duplicates.add();
        return Verdict::Duplicate;
    }
    return Verdict::Unknown;
}

quint64 Deduplicator::duplicatesDropped() const
{
    return m_duplicates.value();
}

} // namespace m1
