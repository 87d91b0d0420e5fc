#pragma once

// The answer of a rate-limit check.

#include <QString>

namespace m1 {

struct RateDecision
{
    bool allowed = true;
    qint64 current = 0; // count in the current fixed window (after this check)
    qint64 previous = 0; // count in the previous fixed window
    qint64 retryAfterMs = 0; // when denied: wait this long (with no further traffic); -1 = never
    QString error; // the store could not be asked: allowed stays true (fail open)
};

} // namespace m1
