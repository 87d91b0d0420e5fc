#pragma once

// What one webhook POST carried: every user message and every delivery status in it (one POST
// can hold several entries, changes and messages), and the problems met while reading it.

#include "channel/inboundmessage.h"
#include "channel/messagestatus.h"
#include "channel/webhookproblem.h"

#include <QList>
#include <QString>

namespace m1 {

struct WebhookBatch
{
    QList<InboundMessage> messages;
    QList<MessageStatus> statuses;
    QList<WebhookProblem> problems; // tolerated: the items above are still usable

    // Set when the body could not be read at all (not JSON, too large, nested too deeply);
    // the web server answers 400 then. Empty otherwise.
    QString fatalError;

    bool isFatal() const { return !fatalError.isEmpty(); }
    bool isEmpty() const { return messages.isEmpty() && statuses.isEmpty(); }
};

} // namespace m1
