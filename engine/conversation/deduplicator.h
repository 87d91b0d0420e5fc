#pragma once

// Drops a message delivered twice (WhatsApp retries webhooks; a crashed worker's messages are
// claimed again): the first delivery of a message id wins SET m1:dedup:{phone}:<id> NX PX ttl,
// later ones are dropped and counted (metric conversation.duplicates_dropped). The turn gate
// script does the same inside a turn's load; this class is for callers outside a turn (the
// webhook, before enqueueing).

#include "store/rediscommand.h"
#include "store/redisreply.h"

#include <QFuture>

namespace m1 {

class Clock;
class Counter;
class KeyValueStore;
class MetricsRegistry;

class Deduplicator
{
public:
    enum class Verdict { First, Duplicate, Unknown }; // Unknown: the store could not be asked

    Deduplicator(KeyValueStore &store, qint64 ttlMs, const Clock &clock, MetricsRegistry &metrics);

    QFuture<Verdict> check(const QString &phone, const QString &messageId);
    RedisCommand command(const QString &phone, const QString &messageId) const;
    // Reads command()'s reply and counts a duplicate.
    Verdict verdict(const RedisReply &reply);
    quint64 duplicatesDropped() const;

private:
    KeyValueStore &m_store;
    const qint64 m_ttlMs;
    const Clock &m_clock;
    Counter &m_duplicates;
};

} // namespace m1
