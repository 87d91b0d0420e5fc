#include "store/keyvaluestore.h"

namespace m1 {

QFuture<QList<RedisReply>> KeyValueStore::transaction(const QList<RedisCommand> &commands)
{
    QList<RedisCommand> batch;
    batch.reserve(commands.size() + 2);
    batch.append(RedisCommand::of("MULTI"));
    batch.append(commands);
    batch.append(RedisCommand::of("EXEC"));
    const qsizetype count = commands.size();
    return pipelineThen(
        batch, [count](const QList<RedisReply> &replies) { return unwrapTransaction(replies, count); });
}

void KeyValueStore::submit(const QList<RedisCommand> &commands, ReplyHandler handler)
{
    QFuture<QList<RedisReply>> future = pipeline(commands);
    if (future.isFinished()) { // the memory store, always: no other thread involved
        handler(future.resultCount() > 0 ? future.result() : QList<RedisReply> {});
        return;
    }
    future.then(QtFuture::Launch::Sync,
                [handler = std::move(handler)](const QList<RedisReply> &replies) { handler(replies); });
}

QFuture<RedisReply> KeyValueStore::script(const std::shared_ptr<const LuaScript> &script,
                                          const QByteArrayList &keys, const QByteArrayList &args)
{
    return command(RedisCommand::evalSha(script, keys, args));
}

QFuture<RedisReply> KeyValueStore::command(const RedisCommand &command)
{
    return commandThen(command, [](const RedisReply &reply) { return reply; });
}

QList<RedisReply> KeyValueStore::unwrapTransaction(const QList<RedisReply> &replies,
                                                   qsizetype commandCount)
{
    const qsizetype expected = commandCount + 2;
    if (replies.size() != expected)
        return QList<RedisReply>(
            commandCount,
            RedisReply::transportError(QStringLiteral("transaction: expected %1 replies, got %2")
                                           .arg(expected)
                                           .arg(replies.size())));
    const RedisReply &exec = replies.last();
    if (exec.isArray() && exec.elements().size() == commandCount)
        return exec.elements();
    // Explain the refusal with the most specific error there is: MULTI's, a command's own
    // (EXECABORT says only "previous errors"), or EXEC's.
    RedisReply reason = exec.isError()
        ? exec
        : RedisReply::error(QByteArrayLiteral("EXECABORT transaction aborted"));
    if (replies.first().isError()) {
        reason = replies.first();
    } else {
        for (qsizetype i = 1; i + 1 < replies.size(); ++i) {
            if (replies.at(i).isError()) {
                reason = replies.at(i).isTransportError()
                    ? replies.at(i)
                    : RedisReply::error(exec.bytes() + QByteArrayLiteral(": command ")
                                        + QByteArray::number(i) + QByteArrayLiteral(" failed: ")
                                        + replies.at(i).bytes());
                break;
            }
        }
    }
    return QList<RedisReply>(commandCount, reason);
}

} // namespace m1
