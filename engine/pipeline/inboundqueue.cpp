#include "pipeline/inboundqueue.h"

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
    Q_UNUSED(statuses);
    if (messages.isEmpty())
        return QtFuture::makeReadyFuture(EnqueueResult::success());
    QList<RedisCommand> commands;
    commands.reserve(messages.size());
    for (const InboundMessage &m : messages)
        commands.append(RedisCommand::of("XADD", m_stream, "*", "m", m.toJson()));
    const QByteArray stream = m_stream;
    return m_store.pipeline(commands).then([stream](const QList<RedisReply> &replies) {
        for (const RedisReply &r : replies) {
            if (r.isError())
                return EnqueueResult::failure(u"could not append to the stream "_s
                                              + QString::fromUtf8(stream) + u": "_s + r.errorMessage());
        }
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

QString InboundQueue::ack(const QByteArrayList &entryIds)
{
    if (entryIds.isEmpty())
        return {};
    QByteArrayList argv { "XACK", m_stream, m_group };
    argv.append(entryIds);
    const RedisReply r = m_store.command(RedisCommand(argv)).result();
    return r.isError() ? u"XACK failed: "_s + r.errorMessage() : QString();
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
