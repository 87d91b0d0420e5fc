#pragma once
// The inbound Redis Stream (m1:inbound) and its consumer group: the webhook appends messages
// (XADD, as an InboundSink), workers read them (XREADGROUP), acknowledge them when the turn is
// saved (XACK), and take over entries another consumer left unacknowledged too long (XAUTOCLAIM).
// Each entry has one field, "m", holding InboundMessage::toJson().
//
// Bounding the stream: an entry is deleted (XDEL) in the same round trip that acknowledges it,
// so the stream holds exactly the entries not yet handled — never-read and pending ones — and
// nothing handled piles up. The alternatives trim by position (XADD MAXLEN, XTRIM MINID): MAXLEN
// drops the oldest entries whether or not they were acknowledged, which is precisely a message
// a dead worker left for XAUTOCLAIM; MINID at the oldest pending id is safe but needs an
// XPENDING round trip to find that id and keeps every handled entry behind a slow one. XACK and
// XDEL go out in one pipelined write, so they are not split by a crashing client; should the
// XDEL alone ever be lost, the entry is merely kept, never a pending one dropped. (One consumer
// group reads the stream; a second group would have to agree before entries are deleted.)
//
// The reading calls block on the store's reply (callers are worker threads). No BLOCK option is
// used: on a shared Redis connection it would stall every other command, so readers poll.
#include "channel/inboundsink.h"
#include "pipeline/queuedmessage.h"
#include "store/rediscommand.h"

#include <QByteArrayList>
#include <QList>

#include <functional>

namespace m1 {

class DeliveryStatusLog;
class KeyValueStore;
class RedisReply;

class InboundQueue : public InboundSink
{
public:
    static QByteArray defaultStream() { return QByteArrayLiteral("m1:inbound"); }
    static QByteArray defaultGroup() { return QByteArrayLiteral("m1:workers"); }

    explicit InboundQueue(KeyValueStore &store, QByteArray stream = defaultStream(),
                          QByteArray group = defaultGroup());

    // Appends the messages and records the statuses (through the status log) in one round trip.
    // Without a status log, statuses are accepted and dropped.
    QFuture<EnqueueResult> enqueue(const QList<InboundMessage> &messages,
                                   const QList<MessageStatus> &statuses) override;
    // Not owned; set before the queue is used.
    void setStatusLog(DeliveryStatusLog *log) { m_statusLog = log; }
    // Called (on the store's thread) after enqueue() stored at least one message.
    void setEnqueuedHandler(std::function<void()> handler) { m_enqueued = std::move(handler); }
    QFuture<EnqueueResult> push(const InboundMessage &message);

    // XGROUP CREATE … 0 MKSTREAM; an existing group is fine. "" or what went wrong.
    QString ensureGroup();
    // New entries for `consumer` (">"), at most `count`. *error says when the store failed.
    QList<QueuedMessage> read(const QByteArray &consumer, int count, QString *error = nullptr);
    // Entries pending longer than minIdleMs, now owned by `consumer`.
    QList<QueuedMessage> claimIdle(const QByteArray &consumer, qint64 minIdleMs, int count,
                                   QString *error = nullptr);
    // Resets the idle time of entries `consumer` still works on (XCLAIM … 0 … JUSTID, which
    // does not count as a delivery), so no other consumer takes them over. Best effort: a store
    // without XCLAIM (the in-process one, never shared) is simply not asked again.
    void touch(const QByteArray &consumer, const QByteArrayList &entryIds);
    // XACK and XDEL of handled entries, for a caller's own pipeline (the turn's save).
    QList<RedisCommand> ackCommands(const QByteArrayList &entryIds) const;
    // The same in a round trip of its own, after `leading` commands (a record of why the
    // message got no reply). "" or what went wrong.
    QString ack(const QByteArrayList &entryIds, const QList<RedisCommand> &leading = {});
    // Entries in the stream (XLEN): those not yet handled. -1 when unknown.
    qint64 length();
    // Entries delivered but not acknowledged (XPENDING summary), -1 when unknown.
    qint64 pendingCount();

    const QByteArray &stream() const { return m_stream; }
    KeyValueStore &store() const { return m_store; }
    const QByteArray &group() const { return m_group; }

private:
    static void parseEntries(const RedisReply &entries, QList<QueuedMessage> &out);

    KeyValueStore &m_store;
    QByteArray m_stream;
    QByteArray m_group;
    DeliveryStatusLog *m_statusLog = nullptr;
    std::function<void()> m_enqueued;
    bool m_touchUnsupported = false;
};

} // namespace m1
