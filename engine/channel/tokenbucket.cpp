#include "channel/tokenbucket.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>

namespace m1 {

TokenBucket::TokenBucket(const Clock &clock, double ratePerSecond, double burst)
    : m_clock(clock)
    , m_rate(ratePerSecond > 0 ? ratePerSecond : 1.0)
    , m_burst(std::max(1.0, burst))
    , m_tokens(m_burst)
    , m_lastNs(clock.monotonicNs())
{
}

void TokenBucket::refillLocked(qint64 nowNs)
{
    if (nowNs > m_lastNs) {
        m_tokens = std::min(m_burst, m_tokens + double(nowNs - m_lastNs) * 1e-9 * m_rate);
        m_lastNs = nowNs;
    }
}

qint64 TokenBucket::reserve()
{
    QMutexLocker lock(&m_mutex);
    refillLocked(m_clock.monotonicNs());
    m_tokens -= 1.0;
    if (m_tokens >= 0)
        return 0;
    // The epsilon keeps floating-point dust from rounding an exact interval up by a millisecond.
    return qint64(std::ceil(-m_tokens * 1000.0 / m_rate - 1e-6));
}

} // namespace m1
