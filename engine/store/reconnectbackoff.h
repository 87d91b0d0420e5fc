#pragma once

// Delays between reconnect attempts: exponential from `initialMs` to `maxMs`, with ±25 % jitter
// so that many engine processes that lost the same Redis do not come back in lockstep.

#include <QRandomGenerator>

namespace m1 {

class ReconnectBackoff
{
public:
    // seed 0 → random.
    ReconnectBackoff(int initialMs, int maxMs, quint32 seed);

    // The delay before the next attempt; each call counts one more failure.
    int nextDelayMs();
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    int m_initialMs;
    int m_maxMs;
    int m_failures = 0;
    QRandomGenerator m_random;
};

} // namespace m1
