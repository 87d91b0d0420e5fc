#pragma once

// Sliding-window rate limiter for one process: three integers per user, O(1) per check,
// thread-safe. Users idle for two windows hold no information any more; prune() drops them
// (call it from a periodic timer, not on the hot path).

#include "conversation/ratedecision.h"
#include "conversation/ratelimitpolicy.h"

#include <QHash>
#include <QMutex>
#include <QString>

namespace m1 {

class Clock;

class InProcessRateLimiter
{
public:
    InProcessRateLimiter(const RateLimitPolicy &policy, const Clock &clock);

    RateDecision check(const QString &subject, qint64 cost = 1);
    // Forgets subjects whose last check is two or more windows old; returns how many.
    qsizetype prune();
    qsizetype trackedSubjects() const;
    const RateLimitPolicy &policy() const { return m_policy; }

private:
    struct Windows
    {
        qint64 index = 0; // fixed window of `current`
        qint64 current = 0;
        qint64 previous = 0; // count of window index − 1
    };

    const RateLimitPolicy m_policy;
    const Clock &m_clock;
    mutable QMutex m_mutex;
    QHash<QString, Windows> m_subjects;
};

} // namespace m1
