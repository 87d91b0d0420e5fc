#pragma once

// Times a scope into a LatencyHistogram: construct at the top, the destructor records the
// elapsed monotonic nanoseconds. The clock is injected so tests can drive it.
//
//     LatencyHistogram &searchLatency = metrics.histogram(u"search.latency"_s);  // once
//     ...
//     ScopedTimer timer(searchLatency, metrics.clock());                          // per call

#include "core/clock.h"
#include "core/latencyhistogram.h"

namespace m1 {

class ScopedTimer
{
public:
    ScopedTimer(LatencyHistogram &histogram, const Clock &clock);
    ~ScopedTimer();
    ScopedTimer(const ScopedTimer &) = delete;
    ScopedTimer &operator=(const ScopedTimer &) = delete;

    qint64 elapsedNs() const;
    // Records now instead of at the end of the scope; later calls and the destructor do nothing.
    qint64 stop();
    // Drops the measurement (a failed call that should not count as a latency).
    void cancel() { m_active = false; }

private:
    LatencyHistogram &m_histogram;
    const Clock &m_clock;
    qint64 m_startNs;
    bool m_active = true;
};

} // namespace m1
