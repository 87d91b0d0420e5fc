#include "search/termids.h"

namespace m1 {

std::pair<int, bool> TermIds::insert(std::uint64_t key, int id)
{
    // At most half full: probes stay short even for a bad run of keys.
    if (std::size_t(m_size + 1) * 2 > m_slots.size())
        rehash(m_slots.empty() ? 16 : m_slots.size() * 2);
    for (std::size_t i = slotOf(key);; i = (i + 1) & m_mask) {
        Slot &slot = m_slots[i];
        if (slot.id < 0) {
            slot = { key, id };
            ++m_size;
            return { id, true };
        }
        if (slot.key == key)
            return { slot.id, false };
    }
}

void TermIds::rehash(std::size_t capacity)
{
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(capacity, Slot {});
    m_mask = capacity - 1;
    int bits = 0;
    while ((std::size_t(1) << bits) < capacity)
        ++bits;
    m_shift = 64 - bits;
    m_size = 0;
    for (const Slot &slot : old) {
        if (slot.id >= 0)
            insert(slot.key, slot.id);
    }
}

} // namespace m1
