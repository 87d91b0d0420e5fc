#include "conversation/inprocessratelimiter.h"

#include "conversation/slidingwindow.h"
#include "core/clock.h"

namespace m1 {

InProcessRateLimiter::InProcessRateLimiter(const RateLimitPolicy &policy, const Clock &clock)
    : m_policy(policy)
    , m_clock(clock)
{
}

RateDecision InProcessRateLimiter::check(const QString &subject, qint64 cost)
{
    const qint64 now = m_clock.nowMs();
    const qint64 index = SlidingWindow::windowIndex(now, m_policy.windowMs);
    QMutexLocker lock(&m_mutex);
    Windows &w = m_subjects[subject];
    if (w.index != index) {
        w.previous = w.index == index - 1 ? w.current : 0;
        w.current = 0;
        w.index = index;
    }
    const RateDecision d = SlidingWindow::decide(m_policy.limit, m_policy.windowMs, now, w.current,
                                                 w.previous, cost);
    w.current = d.current;
    return d;
}

qsizetype InProcessRateLimiter::prune()
{
    const qint64 index = SlidingWindow::windowIndex(m_clock.nowMs(), m_policy.windowMs);
    QMutexLocker lock(&m_mutex);
    return m_subjects.removeIf(
        [index](QHash<QString, Windows>::iterator it) { return it.value().index < index - 1; });
}

qsizetype InProcessRateLimiter::trackedSubjects() const
{
    QMutexLocker lock(&m_mutex);
    return m_subjects.size();
}

} // namespace m1
