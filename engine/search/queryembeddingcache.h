#pragma once

// Recently embedded queries (an LRU with a size bound and a time to live), so repeated and
// popular messages skip the embedding call. Hit and miss counters feed the metrics. Thread-safe;
// vectors are shared, not copied, on a hit.

#include "core/clock.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <list>
#include <memory>
#include <vector>

namespace m1 {

class QueryEmbeddingCache
{
public:
    using Vector = std::shared_ptr<const std::vector<float>>;

    QueryEmbeddingCache(int capacity, qint64 ttlMs, const Clock &clock);

    Vector find(const QString &key); // null on a miss or an expired entry
    void insert(const QString &key, Vector vector);
    void clear();

    int size() const;
    int capacity() const { return m_capacity; }
    quint64 hits() const { return m_hits.load(std::memory_order_relaxed); }
    quint64 misses() const { return m_misses.load(std::memory_order_relaxed); }

private:
    struct Entry
    {
        QString key;
        Vector vector;
        qint64 expiresAtMs = 0;
    };

    const int m_capacity;
    const qint64 m_ttlMs;
    const Clock &m_clock;
    mutable QMutex m_mutex;
    std::list<Entry> m_order; // most recently used first
    QHash<QString, std::list<Entry>::iterator> m_index;
    std::atomic<quint64> m_hits { 0 };
    std::atomic<quint64> m_misses { 0 };
};

} // namespace m1
