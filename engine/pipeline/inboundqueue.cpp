#include "pipeline/inboundqueue.h"

#include "pipeline/deliverystatuslog.h"
#include "store/keyvaluestore.h"
#include "store/rediscommand.h"
#include "store/redisreply.h"


using namespace Qt::StringLiterals;

namespace m1 {

InboundQueue::InboundQueue(KeyValueStore &store, QByteArray stream, QByteArray group)
    : m_store(store), m_stream(std::move(stream)), m_group(std::move(group))
{
}

QFuture<EnqueueResult> InboundQueue::enqueue(const QList<InboundMessage> &messages,
                                             const QList<MessageStatus> &statuses)
{
    QList<RedisCommand> commands;
    commands.reserve(messages.size() + statuses.size());
    for (const InboundMessage &m : messages)
        commands.append(RedisCommand::of("XADD", m_stream, "*", "m", m.toJson()));
    const bool recordStatuses = m_statusLog && !statuses.isEmpty();
    if (recordStatuses)
        commands.append(m_statusLog->commands(statuses));
    if (commands.isEmpty())
        return QtFuture::makeReadyFuture(EnqueueResult::success());
    const QByteArray stream = m_stream;
    DeliveryStatusLog *log = recordStatuses ? m_statusLog : nullptr;
    const QList<MessageStatus> recorded = recordStatuses ? statuses : QList<MessageStatus> {};
    const std::function<void()> enqueued = messages.isEmpty() ? std::function<void()> {} : m_enqueued;
    return m_store.pipelineThen(commands, [stream, log, recorded, enqueued](const QList<RedisReply> &replies) {
        for (const RedisReply &r : replies) {
            if (r.isError())
                return EnqueueResult::failure(u"could not append to the stream "_s
                                              + QString::fromUtf8(stream) + u": "_s + r.errorMessage());
        }
        if (log)
            log->recorded(recorded);
        if (enqueued)
            enqueued();
        return EnqueueResult::success();
    });
}

QFuture<EnqueueResult> InboundQueue::push(const InboundMessage &message)
{
    return enqueue({ message }, {});
}

QString InboundQueue::ensureGroup()
{
    const RedisReply r
            = m_store.command(RedisCommand::of("XGROUP", "CREATE", m_stream, m_group, "0", "MKSTREAM")).result();
    if (r.isError() && r.errorCode() != "BUSYGROUP")
        return u"could not create the consumer group "_s + QString::fromUtf8(m_group) + u": "_s
                + r.errorMessage();
    return {};
}

QList<QueuedMessage> InboundQueue::read(const QByteArray &consumer, int count, QString *error)
{
    const RedisReply r = m_store.command(RedisCommand::of("XREADGROUP", "GROUP", m_group, consumer, "COUNT",
                                                          count, "STREAMS", m_stream, ">"))
                                 .result();
    QList<QueuedMessage> out;
    if (r.isError()) {
        if (error)
            *error = u"XREADGROUP failed: "_s + r.errorMessage();
        return out;
    }
    // [[stream, [[id, [field, value, ...]], ...]], ...] or nil when nothing is new.
    for (const RedisReply &streamReply : r.elements()) {
        if (streamReply.elements().size() == 2)
            parseEntries(streamReply.elements().at(1), out);
    }
    return out;
}

QList<QueuedMessage> InboundQueue::claimIdle(const QByteArray &consumer, qint64 minIdleMs, int count,
                                             QString *error)
{
    const RedisReply r = m_store.command(RedisCommand::of("XAUTOCLAIM", m_stream, m_group, consumer,
                                                          minIdleMs, "0-0", "COUNT", count))
                                 .result();
    QList<QueuedMessage> out;
    if (r.isError()) {
        if (error)
            *error = u"XAUTOCLAIM failed: "_s + r.errorMessage();
        return out;
    }
    // [next-start, [[id, [field, value, ...]], ...], [deleted ids]]
    if (r.elements().size() >= 2)
        parseEntries(r.elements().at(1), out);
    return out;
}

void InboundQueue::touch(const QByteArray &consumer, const QByteArrayList &entryIds)
{
    if (entryIds.isEmpty() || m_touchUnsupported)
        return;
    QByteArrayList argv { "XCLAIM", m_stream, m_group, consumer, "0" };
    argv.append(entryIds);
    argv.append("JUSTID");
    const RedisReply r = m_store.command(RedisCommand(argv)).result();
    if (r.isError() && r.errorMessage().contains(u"unknown command"_s, Qt::CaseInsensitive))
        m_touchUnsupported = true;
}

QList<RedisCommand> InboundQueue::ackCommands(const QByteArrayList &entryIds) const
{
    if (entryIds.isEmpty())
        return {};
    QByteArrayList ack { "XACK", m_stream, m_group };
    ack.append(entryIds);
    QByteArrayList del { "XDEL", m_stream };
    del.append(entryIds);
    return { RedisCommand(ack), RedisCommand(del) };
}

QString InboundQueue::ack(const QByteArrayList &entryIds, const QList<RedisCommand> &leading)
{
    if (entryIds.isEmpty())
        return {};
    for (const RedisReply &r : m_store.pipeline(leading + ackCommands(entryIds)).result()) {
        if (r.isError())
            return u"XACK/XDEL failed: "_s + r.errorMessage();
    }
    return {};
}

qint64 InboundQueue::length()
{
    const RedisReply r = m_store.command(RedisCommand::of("XLEN", m_stream)).result();
    return r.isError() ? -1 : r.integer();
}

qint64 InboundQueue::pendingCount()
{
    const RedisReply r = m_store.command(RedisCommand::of("XPENDING", m_stream, m_group)).result();
    if (r.isError() || r.elements().isEmpty())
        return -1;
    return r.elements().first().integer();
}

void InboundQueue::parseEntries(const RedisReply &entries, QList<QueuedMessage> &out)
{
    for (const RedisReply &entry : entries.elements()) {
        if (entry.elements().size() != 2)
            continue;
        QueuedMessage queued;
        queued.entryId = entry.elements().at(0).bytes();
        const QList<RedisReply> &fields = entry.elements().at(1).elements();
        QByteArray json;
        for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
            if (fields.at(i).bytes() == "m")
                json = fields.at(i + 1).bytes();
        }
        if (json.isEmpty()) {
            queued.error = u"stream entry without an \"m\" field"_s;
        } else {
            queued.message = InboundMessage::fromJson(json, &queued.error);
        }
        out.append(std::move(queued));
    }
}

} // namespace m1
