#include "store/memorykeyspace.h"

namespace m1 {

MemoryKeyspace::Entry *MemoryKeyspace::find(const QByteArray &key)
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return nullptr;
    if (it->expireAtMs != 0 && it->expireAtMs <= m_clock.nowMs()) {
        m_entries.erase(it);
        return nullptr;
    }
    return &*it;
}

void MemoryKeyspace::set(const QByteArray &key, Value value, qint64 expireAtMs)
{
    Entry &entry = m_entries[key];
    entry.value = std::move(value);
    entry.expireAtMs = expireAtMs;
}

bool MemoryKeyspace::remove(const QByteArray &key)
{
    return find(key) != nullptr && m_entries.remove(key) > 0;
}

void MemoryKeyspace::removeIfEmpty(const QByteArray &key)
{
    Entry *entry = find(key);
    if (!entry)
        return;
    const bool empty = std::visit(
        [](const auto &v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Hash> || std::is_same_v<T, List>)
                return v.isEmpty();
            else if constexpr (std::is_same_v<T, SortedSet>)
                return v.scores.isEmpty();
            else
                return false; // strings may be empty; streams stay with their groups
        },
        entry->value);
    if (empty)
        m_entries.remove(key);
}

qsizetype MemoryKeyspace::size()
{
    return keys().size();
}

QByteArrayList MemoryKeyspace::keys()
{
    QByteArrayList live;
    const qint64 now = m_clock.nowMs();
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->expireAtMs != 0 && it->expireAtMs <= now) {
            it = m_entries.erase(it);
        } else {
            live.append(it.key());
            ++it;
        }
    }
    return live;
}

RedisReply MemoryKeyspace::wrongTypeError()
{
    return RedisReply::error(
        QByteArrayLiteral("WRONGTYPE Operation against a key holding the wrong kind of value"));
}

} // namespace m1
