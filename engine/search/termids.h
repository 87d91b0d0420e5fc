#pragma once

// Maps a term's 64-bit hash to a small integer id (its row in an index): the lookup every lexical
// part of a search makes for every query word. Open addressing with linear probing over one array
// of (key, id) slots, at most half full, so a lookup is usually one cache line; std::unordered_map
// took two dependent misses per word (bucket, then node). Keys are any 64-bit values; ids are
// non-negative. Immutable after building, so concurrent find() calls are safe.

#include <cstdint>
#include <utility>
#include <vector>

namespace m1 {

class TermIds
{
public:
    // The id of key, inserting `id` for it when it is new; second is whether it was inserted.
    std::pair<int, bool> insert(std::uint64_t key, int id);
    // The id of key, or -1.
    int find(std::uint64_t key) const
    {
        if (m_slots.empty())
            return -1;
        for (std::size_t i = slotOf(key);; i = (i + 1) & m_mask) {
            const Slot &slot = m_slots[i];
            if (slot.id < 0)
                return -1;
            if (slot.key == key)
                return slot.id;
        }
    }
    int size() const { return m_size; }

private:
    struct Slot
    {
        std::uint64_t key = 0;
        int id = -1; // -1: empty
    };
    // Fibonacci hashing: the top bits of key × 2^64/φ spread any keys, even sequential ones.
    std::size_t slotOf(std::uint64_t key) const
    {
        return std::size_t((key * 0x9e3779b97f4a7c15ull) >> m_shift);
    }
    void rehash(std::size_t capacity);

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    int m_shift = 64;
    int m_size = 0;
};

} // namespace m1
