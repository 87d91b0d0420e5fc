#pragma once

#include "agent/textspan.h"

#include <QTime>

namespace m1 {

// A time of day or a range of times recognised in a message. "u 8" has only a start, "do 12"
// only an end, "od 8 do 12" both.
struct TimeMatch
{
    QTime start;
    QTime end;
    TextSpan span;

    bool isRange() const { return start.isValid() && end.isValid(); }
    bool operator==(const TimeMatch &) const = default;
};

} // namespace m1
