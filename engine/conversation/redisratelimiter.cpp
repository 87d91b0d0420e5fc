#include "conversation/redisratelimiter.h"

#include "conversation/conversationkeys.h"
#include "conversation/conversationscripts.h"
#include "conversation/slidingwindow.h"
#include "core/clock.h"
#include "store/keyvaluestore.h"

using namespace Qt::StringLiterals;

namespace m1 {

RedisRateLimiter::RedisRateLimiter(KeyValueStore &store, const RateLimitPolicy &policy,
                                   const Clock &clock)
    : m_store(store)
    , m_policy(policy)
    , m_clock(clock)
{
}

RedisCommand RedisRateLimiter::command(const QString &phone, qint64 nowMs, qint64 cost) const
{
    const qint64 index = SlidingWindow::windowIndex(nowMs, m_policy.windowMs);
    return RedisCommand::evalSha(ConversationScripts::slidingWindow(),
                                 { ConversationKeys::rateWindow(phone, index),
                                   ConversationKeys::rateWindow(phone, index - 1) },
                                 { QByteArray::number(m_policy.limit),
                                   QByteArray::number(m_policy.windowMs), QByteArray::number(nowMs),
                                   QByteArray::number(cost) });
}

QFuture<RateDecision> RedisRateLimiter::check(const QString &phone, qint64 cost)
{
    // Answered from the store's side: no QFuture::then() on a store future (KeyValueStore::submit).
    return m_store.commandThen(command(phone, m_clock.nowMs(), cost),
                               [](const RedisReply &reply) { return parse(reply); });
}

RateDecision RedisRateLimiter::parse(const RedisReply &reply)
{
    RateDecision d;
    const QList<RedisReply> &e = reply.elements();
    if (!reply.isArray() || e.size() != 4) {
        d.allowed = true;
        d.error = reply.isError() ? u"rate limit not checked: "_s + reply.errorMessage()
                                  : u"rate limit not checked: unexpected reply "_s
                + QString::fromUtf8(reply.toDebugString());
        return d;
    }
    d.allowed = e.at(0).integer() != 0;
    d.current = e.at(1).integer();
    d.previous = e.at(2).integer();
    d.retryAfterMs = e.at(3).integer();
    return d;
}

} // namespace m1
