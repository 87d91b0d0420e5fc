#pragma once

// The sliding-window counter: two fixed windows, the previous one weighted by how much of it
// still overlaps the sliding window. O(1) time and memory per user and check.
//
//   estimate = previous · (window − elapsed) / window + current
//   allowed  ⇔ estimate + cost ≤ limit, computed in integers (no rounding):
//              previous · (window − elapsed) + (current + cost) · window ≤ limit · window
//
// The in-process limiter and the native twin of the Redis script both call decide(); the Lua
// script spells out the same arithmetic, and the store suites check all three agree.

#include "conversation/ratedecision.h"

#include <QtGlobal>

namespace m1 {

class SlidingWindow
{
public:
    static qint64 windowIndex(qint64 nowMs, qint64 windowMs) { return nowMs / windowMs; }
    // `current`/`previous`: counts before this check. On allow, result.current includes `cost`.
    static RateDecision decide(qint64 limit, qint64 windowMs, qint64 nowMs, qint64 current,
                               qint64 previous, qint64 cost = 1);
};

} // namespace m1
