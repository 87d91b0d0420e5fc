#pragma once

// The data of the in-process store: typed values with expiry, read through the injected
// clock so tests can make keys expire without waiting. Not thread-safe: MemoryStore holds its
// lock around every use. Expired keys vanish lazily, when next looked at (as in Redis).

#include "core/clock.h"
#include "store/memorystream.h"
#include "store/redisreply.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <set>
#include <utility>
#include <variant>

namespace m1 {

class MemoryKeyspace
{
public:
    using Hash = QHash<QByteArray, QByteArray>;
    using List = QList<QByteArray>;
    struct SortedSet
    {
        std::set<std::pair<double, QByteArray>> byScore;
        QHash<QByteArray, double> scores;
    };
    using Value = std::variant<QByteArray, Hash, List, SortedSet, MemoryStream>;
    struct Entry
    {
        Value value;
        qint64 expireAtMs = 0; // 0 = never
    };

    explicit MemoryKeyspace(const Clock &clock)
        : m_clock(clock)
    {
    }

    qint64 nowMs() const { return m_clock.nowMs(); }
    // The live entry, or nullptr (an expired one is removed first).
    Entry *find(const QByteArray &key);

    // The key's value if it holds a T; nullptr if missing, or if it holds another type (then
    // *wrongType is set to Redis' WRONGTYPE error).
    template<typename T> T *get(const QByteArray &key, RedisReply *wrongType)
    {
        Entry *entry = find(key);
        if (!entry)
            return nullptr;
        if (T *value = std::get_if<T>(&entry->value))
            return value;
        *wrongType = wrongTypeError();
        return nullptr;
    }
    // As get(), creating an empty T (without expiry) when the key is missing.
    template<typename T> T *getOrCreate(const QByteArray &key, RedisReply *wrongType)
    {
        if (Entry *entry = find(key)) {
            if (T *value = std::get_if<T>(&entry->value))
                return value;
            *wrongType = wrongTypeError();
            return nullptr;
        }
        Entry &created = m_entries[key];
        created.value = T {};
        return &std::get<T>(created.value);
    }

    // Replaces the value and clears any expiry (what SET does).
    void set(const QByteArray &key, Value value, qint64 expireAtMs = 0);
    bool remove(const QByteArray &key);
    // Redis drops a hash, list or sorted set once it is empty.
    void removeIfEmpty(const QByteArray &key);
    void clear() { m_entries.clear(); }
    qsizetype size();
    QByteArrayList keys();

    static RedisReply wrongTypeError();

private:
    const Clock &m_clock;
    QHash<QByteArray, Entry> m_entries;
};

} // namespace m1
