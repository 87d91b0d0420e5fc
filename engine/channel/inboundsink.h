#pragma once

// Where the webhook puts what Meta sent: the Redis Stream in production, a list in tests. The
// webhook answers Meta only after the future says the data is durably stored (200), or that it
// is not (503, and Meta delivers again later), so no message is acknowledged and then lost.
// enqueue() is called on the web server's thread; the future may finish on any thread.

#include "channel/enqueueresult.h"
#include "channel/inboundmessage.h"
#include "channel/messagestatus.h"

#include <QFuture>
#include <QList>

namespace m1 {

class InboundSink
{
public:
    virtual ~InboundSink() = default;
    virtual QFuture<EnqueueResult> enqueue(const QList<InboundMessage> &messages,
                                           const QList<MessageStatus> &statuses)
        = 0;
};

} // namespace m1
