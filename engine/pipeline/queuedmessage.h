#pragma once
// One entry read from the inbound stream: its stream id (for XACK) and the decoded message, or
// why it could not be decoded (such entries are acknowledged and dropped by the worker pool).
#include "channel/inboundmessage.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace m1 {

struct QueuedMessage
{
    QByteArray entryId;
    std::optional<InboundMessage> message;
    QString error;
    qint64 readNs = 0; // when the worker pool read it (monotonic clock), for its lane-wait metric
};

} // namespace m1
