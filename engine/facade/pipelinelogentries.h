#pragma once

// What the SQL message log keeps of the pipeline's traffic: the rows for an incoming message
// (after its turn), for a reply (after its send) and for a delivery status Meta reported. Plain
// functions of values, so the mapping is tested without a database.
//
// A reply is logged under its Graph API wamid, which is what Meta's statuses name. A send that
// failed has no wamid: it is logged as "unsent.<incoming id>.<n>" with a "failed" status that
// carries the Graph error code, so a reply the user never saw still shows in the log.

#include "store/messagelogentry.h"
#include "store/messagestatusentry.h"

#include <QString>

#include <optional>

namespace m1 {

struct InboundMessage;
struct MessageStatus;
struct OutboundMessage;
struct SentReply;
struct TurnTrace;

class PipelineLogEntries
{
public:
    // Direction in; the tool the turn chose and the orchestrator's time for it.
    static MessageLogEntry incoming(const InboundMessage &message, const TurnTrace &trace,
                                    qint64 nowMs);
    // Direction out; latency = from the incoming message being queued to this send finishing.
    static MessageLogEntry outgoing(const SentReply &reply, qint64 nowMs);
    // The "failed" status of a send that failed, under outgoing()'s id; nullopt for a success.
    static std::optional<MessageStatusEntry> sendFailure(const SentReply &reply, qint64 nowMs);
    // A status from the webhook; its time is Meta's (seconds), or now when Meta gave none.
    static MessageStatusEntry status(const MessageStatus &status, qint64 nowMs);

    // The logged text of a reply: a text's body; for buttons and lists the body followed by
    // what the user could tap, "… [Yes | No]" or "… [Choose: Row 1 | Row 2]".
    static QString summary(const OutboundMessage &message);
    // The wamid, or "unsent.<incoming id>.<n>" for a send that failed.
    static QString outgoingId(const SentReply &reply);
};

} // namespace m1
