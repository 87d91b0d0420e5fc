#pragma once

// A namespaced cache in the shared store (m1:cache:<namespace>:<key>) with per-entry TTL.
// Batches go out as one pipeline of GET / SET … PX (not MGET/MSET: those must stay in one slot on
// a Redis Cluster, per-key commands need not). A store failure reads as a miss and writes as
// false: a cache never fails its caller. Hits, misses and errors are counted
// (cache.<namespace>.hits / .misses / .errors).

#include "store/redisreply.h"

#include <QByteArrayList>
#include <QFuture>
#include <QList>
#include <QPair>

#include <functional>
#include <optional>

namespace m1 {

class Counter;
class KeyValueStore;
class MetricsRegistry;

class CacheService
{
public:
    using Entry = QPair<QByteArray, QByteArray>;

    CacheService(KeyValueStore &store, const QString &cacheNamespace, MetricsRegistry &metrics);

    QFuture<std::optional<QByteArray>> get(const QByteArray &key);
    QFuture<QList<std::optional<QByteArray>>> getMany(const QByteArrayList &keys);
    // ttlMs <= 0: no expiry.
    QFuture<bool> set(const QByteArray &key, const QByteArray &value, qint64 ttlMs);
    QFuture<bool> setMany(const QList<Entry> &entries, qint64 ttlMs);
    QFuture<bool> remove(const QByteArrayList &keys);

    QByteArray storageKey(const QByteArray &key) const;

private:
    // Counts hits, misses and errors of GET replies.
    QList<std::optional<QByteArray>> readValues(const QList<RedisReply> &replies);
    // Counts the replies that are not `succeeded` as errors; true when there were none.
    bool allSucceeded(const QList<RedisReply> &replies,
                      const std::function<bool(const RedisReply &)> &succeeded);

    KeyValueStore &m_store;
    QByteArray m_prefix;
    Counter &m_hits;
    Counter &m_misses;
    Counter &m_errors;
};

} // namespace m1
