#pragma once

// Per-second totals for the last `capacitySeconds` seconds (messages per second, errors per
// second, ...) for the console's charts. A ring of slots keyed by the second; add() is lock-free
// (the first writer of a new second claims the slot and clears it, the others add), so it can
// sit on hot paths, and points() may run on any thread.

#include "core/clock.h"
#include "core/timeseriespoint.h"

#include <QList>

#include <atomic>
#include <memory>

namespace m1 {

class TimeSeries
{
public:
    explicit TimeSeries(const Clock &clock, int capacitySeconds = 3600);
    TimeSeries(const TimeSeries &) = delete;
    TimeSeries &operator=(const TimeSeries &) = delete;

    void add(double v = 1.0);
    // One point per second in [fromSec, toSec], seconds without data as zero points. Seconds
    // outside the window the ring still holds (older than capacity, or in the future) are left
    // out rather than reported as zero: nothing is known about them.
    QList<TimeSeriesPoint> points(qint64 fromSec, qint64 toSec) const;
    // The last `seconds` seconds up to and including the current one.
    QList<TimeSeriesPoint> lastSeconds(int seconds) const;

    qint64 currentSecond() const;
    int capacitySeconds() const { return m_capacity; }

private:
    struct Slot
    {
        std::atomic<qint64> second;
        std::atomic<double> sum{0.0};
        std::atomic<quint64> count{0};
    };
    Slot &slotFor(qint64 second) const;

    const Clock &m_clock;
    const int m_capacity;
    std::unique_ptr<Slot[]> m_slots;
};

} // namespace m1
