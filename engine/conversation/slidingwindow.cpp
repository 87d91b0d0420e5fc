#include "conversation/slidingwindow.h"

namespace m1 {

RateDecision SlidingWindow::decide(qint64 limit, qint64 windowMs, qint64 nowMs, qint64 current,
                                   qint64 previous, qint64 cost)
{
    const qint64 elapsed = nowMs % windowMs;
    const qint64 remaining = windowMs - elapsed;
    RateDecision d;
    d.previous = previous;
    if (previous * remaining + (current + cost) * windowMs <= limit * windowMs) {
        d.allowed = true;
        d.current = current + cost;
        return d;
    }
    d.allowed = false;
    d.current = current;
    if (cost > limit) {
        d.retryAfterMs = -1;
    } else if (current + cost <= limit) {
        // Allowed again once enough of the previous window has slid out:
        // previous · (remaining − t) ≤ (limit − current − cost) · window.
        d.retryAfterMs = remaining - ((limit - current - cost) * windowMs) / previous;
    } else {
        // Not in this window: in the next one `current` becomes the weighted previous count.
        const qint64 next = current > 0 ? windowMs - ((limit - cost) * windowMs) / current : 0;
        d.retryAfterMs = remaining + next;
    }
    if (d.retryAfterMs == 0)
        d.retryAfterMs = 1;
    return d;
}

} // namespace m1
