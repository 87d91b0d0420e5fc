#pragma once
// What the orchestrator produced for one message: the replies to send (addressed) and the trace.
#include "agent/turntrace.h"
#include "channel/outboundmessage.h"

#include <QList>

namespace m1 {

struct TurnOutcome
{
    QList<OutboundMessage> replies;
    TurnTrace trace;
};

} // namespace m1
