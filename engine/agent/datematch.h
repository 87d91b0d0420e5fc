#pragma once

#include "agent/textspan.h"

#include <QDate>

namespace m1 {

// One date recognised in a message.
struct DateMatch
{
    QDate date;
    TextSpan span;
    bool relative = false; // today, tomorrow, a weekday, "in 3 days", ...

    bool operator==(const DateMatch &) const = default;
};

} // namespace m1
