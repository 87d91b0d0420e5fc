#pragma once
// Records every inbound message that ends without a reply, so "each message gets exactly one
// reply or one recorded failure" holds and can be checked: a capped Redis Stream entry per
// message (failures and deliberate drops in separate streams), written in the same round trip
// that acknowledges the message — the record and the XACK stand or fall together — then counted
// by reason (pipeline.unanswered.<reason>) and, for failures, logged at warning level.
//
// Each entry has one field "u" holding {"message_id","from","reason","detail","entry","at_ms"}.
#include "pipeline/unansweredlogoptions.h"
#include "store/rediscommand.h"

#include <QList>
#include <QString>

namespace m1 {

class Counter;
class MetricsRegistry;

class UnansweredLog
{
public:
    enum class Reason {
        SendFailed, // a reply (or the rate-limit notice) could not be sent after its retries
        RateLimited, // over the rate limit, and the window's notice was already sent
        Undecodable, // the stream entry could not be read back into a message
        // A reply an earlier delivery reserved and may have sent before its process died; not
        // sent again, so the user is never answered twice (ReplyReservations).
        InDoubt,
    };

    struct Record
    {
        QString messageId;
        QString from;
        Reason reason = Reason::SendFailed;
        QString detail; // what went wrong, for a person
        QByteArray entryId; // the inbound stream entry
        qint64 atMs = 0;
    };

    explicit UnansweredLog(MetricsRegistry &metrics, UnansweredLogOptions options = {});

    // The XADD for one record, for the caller's acknowledging round trip.
    RedisCommand command(const Record &record) const;
    // Counts and logs a record the store confirmed.
    void recorded(const Record &record);

    static QString reasonName(Reason reason); // "send_failed", "rate_limited", "undecodable", "in_doubt"
    static QByteArray toJson(const Record &record);
    const UnansweredLogOptions &options() const { return m_options; }

private:
    Counter &counter(Reason reason);

    const UnansweredLogOptions m_options;
    Counter &m_sendFailed;
    Counter &m_rateLimited;
    Counter &m_undecodable;
    Counter &m_inDoubt;
};

} // namespace m1
