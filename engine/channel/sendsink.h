#pragma once

// Where the orchestrator's replies go: the Graph API in production, a CapturingSink in the
// simulator, `m1bot chat` and tests. send() may be called from any thread; the future finishes
// when the message is delivered to Meta (or has definitely failed).

#include "channel/outboundmessage.h"
#include "channel/sendresult.h"

#include <QFuture>

namespace m1 {

class SendSink
{
public:
    virtual ~SendSink() = default;
    virtual QFuture<SendResult> send(const OutboundMessage &message) = 0;
};

} // namespace m1
