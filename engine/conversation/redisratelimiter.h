#pragma once

// Sliding-window rate limiter shared by every process that uses the same store: one atomic
// script per check (two GETs, an INCRBY and a PEXPIRE on the server; one command on the wire).
// command() lets a caller put the check into a larger pipeline.

#include "conversation/ratedecision.h"
#include "conversation/ratelimitpolicy.h"
#include "store/rediscommand.h"
#include "store/redisreply.h"

#include <QFuture>

namespace m1 {

class Clock;
class KeyValueStore;

class RedisRateLimiter
{
public:
    RedisRateLimiter(KeyValueStore &store, const RateLimitPolicy &policy, const Clock &clock);

    QFuture<RateDecision> check(const QString &phone, qint64 cost = 1);
    RedisCommand command(const QString &phone, qint64 nowMs, qint64 cost = 1) const;
    // Reads the script's reply; a store failure comes back allowed with `error` set (fail open:
    // a Redis outage must not silence every user).
    static RateDecision parse(const RedisReply &reply);
    const RateLimitPolicy &policy() const { return m_policy; }

private:
    KeyValueStore &m_store;
    const RateLimitPolicy m_policy;
    const Clock &m_clock;
};

} // namespace m1
