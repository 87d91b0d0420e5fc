#pragma once

// How starting the managed redis-server went.

#include <QString>

namespace m1 {

struct ManagedServerStart
{
    bool ok = false;
    bool reused = false; // a server was already answering on the socket; we did not start one
    QString socketPath;
    QString message; // on failure: what went wrong and what to do about it
};

} // namespace m1
