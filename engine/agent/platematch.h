#pragma once

#include "agent/textspan.h"

#include <QString>

namespace m1 {

// A licence plate recognised in a message; `plate` is normalised ("ZG-1234-AB").
struct PlateMatch
{
    QString plate;
    TextSpan span;
    bool croatian = true; // false for the generic fallback used when the message speaks of a plate

    bool operator==(const PlateMatch &) const = default;
};

} // namespace m1
