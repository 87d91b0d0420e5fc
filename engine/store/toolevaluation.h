#pragma once

// How a tool has done, overall or for one user: counts when read, increments when written
// (a delta of {1, 0, 0} records one success).

#include <QString>

namespace m1 {

struct ToolEvaluation
{
    QString toolId;
    QString phone; // empty: not tied to a user (or, when read as a total, every user)
    qint64 successes = 0;
    qint64 failures = 0;
    qint64 corrections = 0; // the user said the bot picked the wrong tool

    bool isZero() const { return successes == 0 && failures == 0 && corrections == 0; }
    bool operator==(const ToolEvaluation &) const = default;
};

} // namespace m1
