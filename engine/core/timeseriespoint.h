#pragma once

// One second of a TimeSeries: what was added during that wall-clock second.

#include <QtGlobal>

namespace m1 {

struct TimeSeriesPoint
{
    qint64 second = 0; // Unix seconds (Clock::nowMs() / 1000, rounded down)
    double sum = 0;
    quint64 count = 0;

    bool operator==(const TimeSeriesPoint &) const = default;
};

} // namespace m1
