#pragma once

// One delivery status of a message the bot sent, as Meta reported it (sent, delivered, read,
// failed, or a word this build does not know) or as the engine saw it (a send that failed
// before Meta gave the message an id). A message has at most one row per status.

#include <QString>

namespace m1 {

struct MessageStatusEntry
{
    QString messageId; // the wamid of the reply (message_log.message_id)
    QString phone; // the recipient
    QString status; // "sent", "delivered", "read", "failed", … as Meta spells it
    int errorCode = 0; // Graph error code of a failure (0 when none)
    QString errorText; // its title and details, for a person
    qint64 timeMs = 0; // epoch milliseconds

    bool operator==(const MessageStatusEntry &) const = default;
};

} // namespace m1
