#pragma once

// Which part of the message log to read: one phone (or every phone) in [fromMs, toMs),
// optionally one direction, newest first, at most `limit` entries.

#include "store/messagelogentry.h"

#include <QString>

#include <limits>
#include <optional>

namespace m1 {

struct MessageLogQuery
{
    QString phone; // empty: every phone
    qint64 fromMs = 0; // inclusive
    qint64 toMs = std::numeric_limits<qint64>::max(); // exclusive
    int limit = 100;
    std::optional<MessageLogEntry::Direction> direction; // unset: both
};

} // namespace m1
