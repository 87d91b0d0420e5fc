#pragma once

// A token bucket that never blocks: reserve() takes a token and says how long the caller must
// wait before using it (0 when one is available now). Tokens may go negative, which queues
// reservations in order at exactly the configured rate. Used to keep each business number
// under Meta's messages-per-second throughput. Thread-safe; time from an injected Clock.

#include "core/clock.h"

#include <QMutex>

namespace m1 {

class TokenBucket
{
public:
    // burst: tokens available at once (at least 1); ratePerSecond > 0.
    TokenBucket(const Clock &clock, double ratePerSecond, double burst);

    // Milliseconds until the reserved token may be used (rounded up).
    qint64 reserve();
    double ratePerSecond() const { return m_rate; }
    double burst() const { return m_burst; }

private:
    void refillLocked(qint64 nowNs);

    const Clock &m_clock;
    const double m_rate;
    const double m_burst;
    QMutex m_mutex;
    double m_tokens;
    qint64 m_lastNs;
};

} // namespace m1
