#pragma once

// What saving a turn did.

#include <QString>

namespace m1 {

struct TurnSaveResult
{
    bool ok = true;
    int commands = 0; // 0: nothing had changed, no round trip was made
    QString error;
    // The store could not be reached (not an error reply): the same save may succeed later.
    bool transport = false;
};

} // namespace m1
