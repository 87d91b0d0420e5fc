#include "core/scopedtimer.h"

namespace m1 {

ScopedTimer::ScopedTimer(LatencyHistogram &histogram, const Clock &clock)
    : m_histogram(histogram)
    , m_clock(clock)
    , m_startNs(clock.monotonicNs())
{
}

ScopedTimer::~ScopedTimer()
{
    stop();
}

qint64 ScopedTimer::elapsedNs() const
{
    return m_clock.monotonicNs() - m_startNs;
}

qint64 ScopedTimer::stop()
{
    const qint64 elapsed = elapsedNs();
    if (m_active) {
        m_active = false;
        m_histogram.record(elapsed);
    }
    return elapsed;
}

} // namespace m1
