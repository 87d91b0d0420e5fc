#pragma once

// What saving a turn did.

#include <QString>

namespace m1 {

struct TurnSaveResult
{
    bool ok = true;
    int commands = 0; // 0: nothing had changed, no round trip was made
    QString error;
};

} // namespace m1
