#pragma once

// Whether an InboundSink durably stored a webhook's messages and statuses.

#include <QString>

namespace m1 {

struct EnqueueResult
{
    bool ok = false;
    QString error; // why not, for the log (the HTTP answer to Meta is just 503)

    static EnqueueResult success() { return EnqueueResult { true, {} }; }
    static EnqueueResult failure(const QString &why) { return EnqueueResult { false, why }; }
};

} // namespace m1
