#pragma once

// A monotonically increasing count (requests, cache hits, errors). One relaxed atomic add on
// the hot path; any thread may read it at any time.

#include <QtGlobal>

#include <atomic>

namespace m1 {

class Counter
{
public:
    Counter() = default;
    Counter(const Counter &) = delete;
    Counter &operator=(const Counter &) = delete;

    void add(quint64 n = 1) { m_value.fetch_add(n, std::memory_order_relaxed); }
    quint64 value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<quint64> m_value{0};
};

} // namespace m1
