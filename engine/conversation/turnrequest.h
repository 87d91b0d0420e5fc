#pragma once

// The message a turn is for: who sent it, its id (for deduplication) and when it is handled.

#include <QString>

namespace m1 {

struct TurnRequest
{
    QString phone;
    QString messageId; // empty: no deduplication for this message
    qint64 nowMs = 0;
};

} // namespace m1
