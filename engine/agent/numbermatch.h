#pragma once

#include "agent/textspan.h"

#include <QString>

#include <cmath>

namespace m1 {

// A number recognised in a message, with its unit in canonical form: "km", "l", "EUR", "HRK",
// "%", or empty when none was written.
struct NumberMatch
{
    double value = 0;
    QString unit;
    TextSpan span;

    // Whole and within qint64: converting a larger (or NaN) double to an integer is undefined.
    bool isIntegral() const { return std::abs(value) < 9.2e18 && value == std::trunc(value); }
    bool operator==(const NumberMatch &) const = default;
};

} // namespace m1
