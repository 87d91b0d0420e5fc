#include "conversation/cacheservice.h"

#include "core/metricsregistry.h"
#include "store/keyvaluestore.h"

namespace m1 {

CacheService::CacheService(KeyValueStore &store, const QString &cacheNamespace,
                           MetricsRegistry &metrics)
    : m_store(store)
    , m_prefix("m1:cache:" + cacheNamespace.toUtf8() + ':')
    , m_hits(metrics.counter(QStringLiteral("cache.") + cacheNamespace + QStringLiteral(".hits"),
                             QStringLiteral("Cache hits")))
    , m_misses(
          metrics.counter(QStringLiteral("cache.") + cacheNamespace + QStringLiteral(".misses"),
                          QStringLiteral("Cache misses")))
    , m_errors(
          metrics.counter(QStringLiteral("cache.") + cacheNamespace + QStringLiteral(".errors"),
                          QStringLiteral("Cache operations the store failed")))
{
}

QByteArray CacheService::storageKey(const QByteArray &key) const
{
    return m_prefix + key;
}

// Every answer is made from the store's side (pipelineThen), never by a QFuture::then() on a
// store future: see KeyValueStore::submit for the Qt 6.4 bug that rules those out.
QFuture<std::optional<QByteArray>> CacheService::get(const QByteArray &key)
{
    return m_store.commandThen(RedisCommand::of("GET", storageKey(key)),
                               [this](const RedisReply &reply) { return readValues({ reply }).value(0); });
}

QFuture<QList<std::optional<QByteArray>>> CacheService::getMany(const QByteArrayList &keys)
{
    QList<RedisCommand> commands;
    commands.reserve(keys.size());
    for (const QByteArray &key : keys)
        commands.append(RedisCommand::of("GET", storageKey(key)));
    return m_store.pipelineThen(commands, [this](const QList<RedisReply> &replies) {
        return readValues(replies);
    });
}

QList<std::optional<QByteArray>> CacheService::readValues(const QList<RedisReply> &replies)
{
    QList<std::optional<QByteArray>> values;
    values.reserve(replies.size());
    quint64 hits = 0, misses = 0, errors = 0;
    for (const RedisReply &reply : replies) {
        if (reply.isError())
            ++errors;
        std::optional<QByteArray> value = reply.toOptionalBytes();
        (value ? hits : misses)++;
        values.append(std::move(value));
    }
    m_hits.add(hits);
    m_misses.add(misses);
    m_errors.add(errors);
    return values;
}

QFuture<bool> CacheService::set(const QByteArray &key, const QByteArray &value, qint64 ttlMs)
{
    return setMany({ { key, value } }, ttlMs);
}

QFuture<bool> CacheService::setMany(const QList<Entry> &entries, qint64 ttlMs)
{
    QList<RedisCommand> commands;
    commands.reserve(entries.size());
    for (const Entry &e : entries) {
        commands.append(ttlMs > 0
                            ? RedisCommand::of("SET", storageKey(e.first), e.second, "PX", ttlMs)
                            : RedisCommand::of("SET", storageKey(e.first), e.second));
    }
    return m_store.pipelineThen(commands, [this](const QList<RedisReply> &replies) {
        return allSucceeded(replies, &RedisReply::isOk);
    });
}

QFuture<bool> CacheService::remove(const QByteArrayList &keys)
{
    QList<RedisCommand> commands;
    for (const QByteArray &key : keys)
        commands.append(RedisCommand::of("DEL", storageKey(key)));
    return m_store.pipelineThen(commands, [this](const QList<RedisReply> &replies) {
        return allSucceeded(replies, [](const RedisReply &reply) { return !reply.isError(); });
    });
}

bool CacheService::allSucceeded(const QList<RedisReply> &replies,
                                const std::function<bool(const RedisReply &)> &succeeded)
{
    bool ok = true;
    for (const RedisReply &reply : replies) {
        if (!succeeded(reply)) {
            ok = false;
            m_errors.add();
        }
    }
    return ok;
}

} // namespace m1
