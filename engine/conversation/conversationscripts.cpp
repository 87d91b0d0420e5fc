#include "conversation/conversationscripts.h"

#include "conversation/slidingwindow.h"
#include "store/scriptcontext.h"

namespace m1 {

namespace {

// Shared by both scripts; mirrors SlidingWindow::decide() line by line.
constexpr char kRateLimitLua[] = R"lua(
local function rate_limit(current_key, previous_key, limit, window, now, cost)
  local current = tonumber(redis.call('GET', current_key) or '0')
  local previous = tonumber(redis.call('GET', previous_key) or '0')
  local remaining = window - (now % window)
  if previous * remaining + (current + cost) * window <= limit * window then
    redis.call('INCRBY', current_key, cost)
    redis.call('PEXPIRE', current_key, 2 * window)
    return {1, current + cost, previous, 0}
  end
  local retry
  if cost > limit then
    retry = -1
  elseif current + cost <= limit then
    retry = remaining - math.floor((limit - current - cost) * window / previous)
  else
    retry = remaining + window - math.floor((limit - cost) * window / current)
  end
  if retry == 0 then retry = 1 end
  return {0, current, previous, retry}
end
)lua";

constexpr char kSlidingWindowBody[] = R"lua(
return rate_limit(KEYS[1], KEYS[2], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]))
)lua";

constexpr char kTurnGateBody[] = R"lua(
local stats_ttl = tonumber(ARGV[6])
local delivery = ARGV[7] or ''
if tonumber(ARGV[1]) > 0 then
  local mark = ARGV[4]
  if delivery ~= '' then mark = delivery end
  if not redis.call('SET', KEYS[1], mark, 'NX', 'PX', ARGV[1])
     and (delivery == '' or redis.call('GET', KEYS[1]) ~= delivery) then
    redis.call('HINCRBY', KEYS[4], 'duplicates', 1)
    redis.call('PEXPIRE', KEYS[4], stats_ttl)
    return {-1, 0, 0, 0}
  end
end
local r = rate_limit(KEYS[2], KEYS[3], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
if r[1] == 1 then
  redis.call('HINCRBY', KEYS[4], 'turns', 1)
else
  redis.call('HINCRBY', KEYS[4], 'limited', 1)
end
redis.call('PEXPIRE', KEYS[4], stats_ttl)
return r
)lua";

qint64 argInt(const QByteArrayList &args, qsizetype i)
{
    return args.value(i).toLongLong();
}

RedisReply decisionReply(qint64 verdict, const RateDecision &d)
{
    return RedisReply::array({ RedisReply::integer(verdict), RedisReply::integer(d.current),
                               RedisReply::integer(d.previous),
                               RedisReply::integer(d.retryAfterMs) });
}

// Native twin of rate_limit(): the same commands in the same order. A failing call returns its
// error as the script's result, as a Lua error would.
RedisReply rateLimit(ScriptContext &ctx, const QByteArray &currentKey,
                     const QByteArray &previousKey, qint64 limit, qint64 window, qint64 now,
                     qint64 cost)
{
    const RedisReply cur = ctx.call({ "GET", currentKey });
    if (cur.isError())
        return cur;
    const RedisReply prev = ctx.call({ "GET", previousKey });
    if (prev.isError())
        return prev;
    const RateDecision d
        = SlidingWindow::decide(limit, window, now, cur.toInteger(), prev.toInteger(), cost);
    if (d.allowed) {
        const RedisReply incr = ctx.call({ "INCRBY", currentKey, QByteArray::number(cost) });
        if (incr.isError())
            return incr;
        const RedisReply expire
            = ctx.call({ "PEXPIRE", currentKey, QByteArray::number(2 * window) });
        if (expire.isError())
            return expire;
    }
    return decisionReply(d.allowed ? 1 : 0, d);
}

RedisReply slidingWindowNative(ScriptContext &ctx, const QByteArrayList &keys,
                               const QByteArrayList &args)
{
    if (keys.size() != 2 || args.size() != 4)
        return RedisReply::error(
            QByteArrayLiteral("ERR sliding_window expects 2 keys and 4 arguments"));
    return rateLimit(ctx, keys.at(0), keys.at(1), argInt(args, 0), argInt(args, 1), argInt(args, 2),
                     argInt(args, 3));
}

// A failing redis.call() aborts a Lua script with that error (earlier writes stay): so here.
RedisReply countInStats(ScriptContext &ctx, const QByteArray &statsKey, const char *field,
                        const QByteArray &ttl)
{
    const RedisReply incr = ctx.call({ "HINCRBY", statsKey, field, "1" });
    if (incr.isError())
        return incr;
    return ctx.call({ "PEXPIRE", statsKey, ttl });
}

RedisReply turnGateNative(ScriptContext &ctx, const QByteArrayList &keys,
                          const QByteArrayList &args)
{
    if (keys.size() != 4 || (args.size() != 6 && args.size() != 7))
        return RedisReply::error(
            QByteArrayLiteral("ERR turn_gate expects 4 keys and 6 or 7 arguments"));
    const QByteArray statsTtl = args.at(5);
    const QByteArray delivery = args.value(6);
    if (argInt(args, 0) > 0) {
        const QByteArray mark = delivery.isEmpty() ? args.at(3) : delivery;
        const RedisReply set = ctx.call({ "SET", keys.at(0), mark, "NX", "PX", args.at(0) });
        if (set.isError())
            return set;
        bool redelivery = false;
        if (set.isNil() && !delivery.isEmpty()) {
            const RedisReply owner = ctx.call({ "GET", keys.at(0) });
            if (owner.isError())
                return owner;
            redelivery = owner.toOptionalBytes() == std::optional<QByteArray>(delivery);
        }
        if (set.isNil() && !redelivery) {
            if (const RedisReply r = countInStats(ctx, keys.at(3), "duplicates", statsTtl);
                r.isError())
                return r;
            return decisionReply(-1, RateDecision { true, 0, 0, 0, {} });
        }
    }
    const RedisReply r = rateLimit(ctx, keys.at(1), keys.at(2), argInt(args, 1), argInt(args, 2),
                                   argInt(args, 3), argInt(args, 4));
    if (r.isError())
        return r;
    const bool allowed = r.elements().value(0).integer() == 1;
    if (const RedisReply counted
        = countInStats(ctx, keys.at(3), allowed ? "turns" : "limited", statsTtl);
        counted.isError())
        return counted;
    return r;
}

} // namespace

std::shared_ptr<const LuaScript> ConversationScripts::slidingWindow()
{
    static const auto script = std::make_shared<const LuaScript>(
        QByteArrayLiteral("sliding_window"),
        QByteArray("-- m1 sliding_window (engine/conversation/conversationscripts.h)")
            + kRateLimitLua + kSlidingWindowBody,
        &slidingWindowNative);
    return script;
}

std::shared_ptr<const LuaScript> ConversationScripts::turnGate()
{
    static const auto script = std::make_shared<const LuaScript>(
        QByteArrayLiteral("turn_gate"),
        QByteArray("-- m1 turn_gate (engine/conversation/conversationscripts.h)") + kRateLimitLua
            + kTurnGateBody,
        &turnGateNative);
    return script;
}

} // namespace m1
