#pragma once
// A reply the worker pool sent, or tried to: what went to whom, in answer to which message, what
// the Graph API said (its wamid, or why it failed), the tool the turn chose and how long the user
// had waited by then. BotPipeline::setReplyHandler's handler gets one per send, on the lane's
// thread, right after the send finished (the message log records them).
#include "channel/outboundmessage.h"
#include "channel/sendresult.h"

#include <QString>

#include <functional>

namespace m1 {

struct SentReply
{
    OutboundMessage message;
    SendResult result; // result.wamid: Meta's id of the message, empty when the send failed
    QString inReplyTo; // the inbound message's id
    QString toolId; // the tool the turn chose; empty for the rate-limit notice or no choice
    // From the inbound message being stored in the stream to this send finishing (ms).
    qint64 latencyMs = 0;
    int index = 0; // its place among the turn's replies, from 0
};

using SentReplyHandler = std::function<void(const SentReply &)>;

} // namespace m1
