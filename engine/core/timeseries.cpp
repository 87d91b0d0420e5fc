#include "core/timeseries.h"

#include <algorithm>
#include <limits>
#include <thread>

namespace m1 {

namespace {
// Slot states besides "holds second N": never written, and being cleared by a writer.
constexpr qint64 kEmpty = std::numeric_limits<qint64>::min();
constexpr qint64 kClaimed = std::numeric_limits<qint64>::min() + 1;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}
} // namespace

TimeSeries::TimeSeries(const Clock &clock, int capacitySeconds)
    : m_clock(clock)
    , m_capacity(std::max(1, capacitySeconds))
    , m_slots(new Slot[size_t(m_capacity)])
{
    for (int i = 0; i < m_capacity; ++i)
        m_slots[i].second.store(kEmpty, std::memory_order_relaxed);
}

qint64 TimeSeries::currentSecond() const
{
    return floorDiv(m_clock.nowMs(), 1000);
}

TimeSeries::Slot &TimeSeries::slotFor(qint64 second) const
{
    const qint64 index = ((second % m_capacity) + m_capacity) % m_capacity;
    return m_slots[size_t(index)];
}

void TimeSeries::add(double v)
{
    const qint64 second = currentSecond();
    Slot &slot = slotFor(second);
    for (;;) {
        qint64 held = slot.second.load(std::memory_order_acquire);
        if (held == second) {
            slot.sum.fetch_add(v, std::memory_order_relaxed);
            slot.count.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        if (held == kClaimed) {
            std::this_thread::yield(); // another writer is clearing it: a few instructions
            continue;
        }
        if (held != kEmpty && held > second)
            return; // this thread stalled past a whole ring turn; its second is gone already
        if (slot.second.compare_exchange_weak(held, kClaimed, std::memory_order_acquire)) {
            slot.sum.store(0.0, std::memory_order_relaxed);
            slot.count.store(0, std::memory_order_relaxed);
            slot.second.store(second, std::memory_order_release);
        }
    }
}

QList<TimeSeriesPoint> TimeSeries::points(qint64 fromSec, qint64 toSec) const
{
    const qint64 now = currentSecond();
    const qint64 from = std::max(fromSec, now - m_capacity + 1);
    const qint64 to = std::min(toSec, now);
    QList<TimeSeriesPoint> out;
    if (from > to)
        return out;
    out.reserve(to - from + 1);
    for (qint64 s = from; s <= to; ++s) {
        const Slot &slot = slotFor(s);
        TimeSeriesPoint point{s, 0.0, 0};
        if (slot.second.load(std::memory_order_acquire) == s) {
            point.sum = slot.sum.load(std::memory_order_relaxed);
            point.count = slot.count.load(std::memory_order_relaxed);
            // Reused for a later second while we read: what we read is not this second's.
            if (slot.second.load(std::memory_order_acquire) != s)
                point = TimeSeriesPoint{s, 0.0, 0};
        }
        out.append(point);
    }
    return out;
}

QList<TimeSeriesPoint> TimeSeries::lastSeconds(int seconds) const
{
    const qint64 now = currentSecond();
    return points(now - std::max(1, seconds) + 1, now);
}

} // namespace m1
