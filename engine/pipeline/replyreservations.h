#pragma once
// Sends each reply at most once, whichever worker and process handles its message. Before a
// worker sends reply i to message m it reserves m1:reply:{phone}:<m>:<i> (SET NX, kept for the
// dedup window while the message is pending); a worker that finds the reservation taken does not
// send. Once the message is acknowledged (XACK) the dedup gate drops every later delivery of its
// id, so the reservations then only need to outlive a worker that may still be running the same
// entry (one that stalled past the claim timeout): the acknowledging round trip shortens their
// TTL to settleMs.
//
// Why: a process killed after it sent a reply but before its XACK leaves the entry pending;
// another process reclaims it (XAUTOCLAIM) and runs the turn again. The dedup gate lets that
// through (it is the same delivery: a process killed before sending must be answered by someone),
// so without the reservation the user would get the reply twice. The price is one round trip
// per turn (every reply of the turn reserved in one pipeline), and one window that cannot be closed from this side, because the Graph API has no
// idempotency key: a process killed after its reservation was stored and before the Graph API had
// the request. The reclaiming worker cannot tell that from "sent", so it does not send again and
// records the message as unanswered, in doubt (see UnansweredLog): never twice, never silently.
#include "store/rediscommand.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace m1 {

class Counter;
class KeyValueStore;
class MetricsRegistry;

class ReplyReservations
{
public:
    enum class Verdict {
        Reserved, // ours: send it
        Taken, // an earlier delivery reserved it (and may have sent it): do not send
        Failed, // the store could not be asked: send nothing now, leave the message pending
    };

    static constexpr qint64 settleMs = 10 * 60'000;

    // ttlMs: how long a reservation is kept while its message is pending (the dedup window).
    ReplyReservations(KeyValueStore &store, qint64 ttlMs, MetricsRegistry &metrics);

    // Blocks on the store's answer (worker lanes only). `owner` (the stream entry id) is kept
    // as the value, for whoever looks. A message without an id cannot be told apart from
    // another: always Reserved, nothing stored.
    Verdict reserve(const QString &phone, const QString &messageId, int index, const QByteArray &owner,
                    QString *error = nullptr);
    // Replies 0..count-1 of one turn in a single round trip (one SET NX each, pipelined): the
    // verdict of each, or all Failed when the store could not be asked.
    QList<Verdict> reserveReplies(const QString &phone, const QString &messageId, int count, const QByteArray &owner,
                                  QString *error = nullptr);
    // Shortens the TTL of a message's first `count` reservations to settleMs: for the round
    // trip that acknowledges the message, after its XACK. Empty when there is nothing to settle.
    QList<RedisCommand> settleCommands(const QString &phone, const QString &messageId, int count) const;
    // Replies not sent because they were found reserved.
    quint64 skipped() const;

private:
    QList<Verdict> reserveRange(const QString &phone, const QString &messageId, int first, int count,
                                const QByteArray &owner, QString *error);

    KeyValueStore &m_store;
    const qint64 m_ttlMs;
    Counter &m_skipped;
};

} // namespace m1
