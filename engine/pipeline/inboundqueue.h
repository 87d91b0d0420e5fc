#pragma once
// The inbound Redis Stream (m1:inbound) and its consumer group: the webhook appends messages
// (XADD, as an InboundSink), workers read them (XREADGROUP), acknowledge them when the turn is
// saved (XACK), and take over entries another consumer left unacknowledged too long (XAUTOCLAIM).
// Each entry has one field, "m", holding InboundMessage::toJson().
//
// The reading calls block on the store's reply (callers are worker threads). No BLOCK option is
// used: on a shared Redis connection it would stall every other command, so readers poll.
#include "channel/inboundsink.h"
#include "pipeline/queuedmessage.h"

#include <QByteArrayList>
#include <QList>

namespace m1 {

class KeyValueStore;
class RedisReply;

class InboundQueue : public InboundSink
{
public:
    static QByteArray defaultStream() { return QByteArrayLiteral("m1:inbound"); }
    static QByteArray defaultGroup() { return QByteArrayLiteral("m1:workers"); }

    explicit InboundQueue(KeyValueStore &store, QByteArray stream = defaultStream(),
                          QByteArray group = defaultGroup());

    // Appends the messages in one round trip. Delivery statuses are not queued (nothing reads
    // them yet); they are accepted and dropped.
    QFuture<EnqueueResult> enqueue(const QList<InboundMessage> &messages,
                                   const QList<MessageStatus> &statuses) override;
    QFuture<EnqueueResult> push(const InboundMessage &message);

    // XGROUP CREATE … 0 MKSTREAM; an existing group is fine. "" or what went wrong.
    QString ensureGroup();
    // New entries for `consumer` (">"), at most `count`. *error says when the store failed.
    QList<QueuedMessage> read(const QByteArray &consumer, int count, QString *error = nullptr);
    // Entries pending longer than minIdleMs, now owned by `consumer`.
    QList<QueuedMessage> claimIdle(const QByteArray &consumer, qint64 minIdleMs, int count,
                                   QString *error = nullptr);
    // "" or what went wrong.
    QString ack(const QByteArrayList &entryIds);
    // Entries delivered but not acknowledged (XPENDING summary), -1 when unknown.
    qint64 pendingCount();

    const QByteArray &stream() const { return m_stream; }
    const QByteArray &group() const { return m_group; }

private:
    static void parseEntries(const RedisReply &entries, QList<QueuedMessage> &out);

    KeyValueStore &m_store;
    QByteArray m_stream;
    QByteArray m_group;
};

} // namespace m1
