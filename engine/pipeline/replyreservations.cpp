#include "pipeline/replyreservations.h"

#include "conversation/conversationkeys.h"
#include "core/metricsregistry.h"
#include "store/keyvaluestore.h"
#include "store/redisreply.h"

using namespace Qt::StringLiterals;

namespace m1 {

ReplyReservations::ReplyReservations(KeyValueStore &store, qint64 ttlMs, MetricsRegistry &metrics)
    : m_store(store)
    , m_ttlMs(std::max<qint64>(1, ttlMs))
    , m_skipped(metrics.counter(u"m1_pipeline_replies_skipped_total"_s,
                                u"Replies not sent because an earlier delivery of their message had reserved them"_s))
{
}

ReplyReservations::Verdict ReplyReservations::reserve(const QString &phone, const QString &messageId, int index,
                                                      const QByteArray &owner, QString *error)
{
    return reserveRange(phone, messageId, index, 1, owner, error).constFirst();
}

QList<ReplyReservations::Verdict> ReplyReservations::reserveReplies(const QString &phone, const QString &messageId,
                                                                    int count, const QByteArray &owner, QString *error)
{
    return reserveRange(phone, messageId, 0, count, owner, error);
}

QList<ReplyReservations::Verdict> ReplyReservations::reserveRange(const QString &phone, const QString &messageId,
                                                                  int first, int count, const QByteArray &owner,
                                                                  QString *error)
{
    if (messageId.isEmpty() || count <= 0)
        return QList<Verdict>(std::max(0, count), Verdict::Reserved);
    QList<RedisCommand> commands;
    commands.reserve(count);
    for (int i = first; i < first + count; ++i)
        commands.append(RedisCommand::of("SET", ConversationKeys::reply(phone, messageId, i),
                                         owner.isEmpty() ? QByteArray("-") : owner, "NX", "PX", m_ttlMs));
    const QList<RedisReply> replies = m_store.pipeline(commands).result();
    QList<Verdict> verdicts;
    verdicts.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const RedisReply r = i < replies.size() ? replies.at(i) : RedisReply::error("the store sent fewer replies than commands");
        if (r.isError()) {
            if (error)
                *error = u"cannot reserve the reply: "_s + r.errorMessage();
            return QList<Verdict>(count, Verdict::Failed);
        }
        if (r.isNil())
            m_skipped.add();
        verdicts.append(r.isNil() ? Verdict::Taken : Verdict::Reserved);
    }
    return verdicts;
}

QList<RedisCommand> ReplyReservations::settleCommands(const QString &phone, const QString &messageId,
                                                      int count) const
{
    QList<RedisCommand> commands;
    if (messageId.isEmpty())
        return commands;
    for (int i = 0; i < count; ++i)
        commands.append(
            RedisCommand::of("PEXPIRE", ConversationKeys::reply(phone, messageId, i), std::min(settleMs, m_ttlMs)));
    return commands;
}

quint64 ReplyReservations::skipped() const
{
    return m_skipped.value();
}

} // namespace m1
