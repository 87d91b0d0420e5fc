#pragma once

#include "agent/textspan.h"

#include <QString>

namespace m1 {

// A number recognised in a message, with its unit in canonical form: "km", "l", "EUR", "HRK",
// "%", or empty when none was written.
struct NumberMatch
{
    double value = 0;
    QString unit;
    TextSpan span;

    bool isIntegral() const { return value == double(qint64(value)); }
    bool operator==(const NumberMatch &) const = default;
};

} // namespace m1
