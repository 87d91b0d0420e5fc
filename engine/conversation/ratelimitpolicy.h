#pragma once

// How many messages one user may send per window.

#include <QtGlobal>

namespace m1 {

struct RateLimitPolicy
{
    qint64 limit = 20; // messages per window
    qint64 windowMs = 60'000;
};

} // namespace m1
