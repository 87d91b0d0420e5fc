#include "search/queryembeddingcache.h"

#include <algorithm>

namespace m1 {

QueryEmbeddingCache::QueryEmbeddingCache(int capacity, qint64 ttlMs, const Clock &clock)
    : m_capacity(std::max(0, capacity))
    , m_ttlMs(ttlMs)
    , m_clock(clock)
{
}

QueryEmbeddingCache::Vector QueryEmbeddingCache::find(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_index.constFind(key);
    if (it == m_index.constEnd()) {
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return {};
    }
    auto entry = *it;
    if (m_ttlMs > 0 && m_clock.nowMs() >= entry->expiresAtMs) {
        m_index.erase(it);
        m_order.erase(entry);
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return {};
    }
    m_order.splice(m_order.begin(), m_order, entry);
    m_hits.fetch_add(1, std::memory_order_relaxed);
    return entry->vector;
}

void QueryEmbeddingCache::insert(const QString &key, Vector vector)
{
    if (m_capacity == 0)
        return;
    QMutexLocker lock(&m_mutex);
    const qint64 expires = m_clock.nowMs() + m_ttlMs;
    if (const auto it = m_index.constFind(key); it != m_index.constEnd()) {
        auto entry = *it;
        entry->vector = std::move(vector);
        entry->expiresAtMs = expires;
        m_order.splice(m_order.begin(), m_order, entry);
        return;
    }
    m_order.push_front(Entry { key, std::move(vector), expires });
    m_index.insert(key, m_order.begin());
    while (int(m_order.size()) > m_capacity) {
        m_index.remove(m_order.back().key);
        m_order.pop_back();
    }
}

void QueryEmbeddingCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_order.clear();
    m_index.clear();
}

int QueryEmbeddingCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_order.size());
}

} // namespace m1
