#pragma once

// The engine's view of a Redis-like store. Everything goes through pipelines: a batch of
// commands is one round trip and comes back as one reply per command, in order. Callable from
// any thread; the futures finish on the store's own thread (Redis) or at once (memory), so a
// worker may block on one while the GUI attaches a continuation instead.
//
// Failures are values, never exceptions: a command Redis rejects answers with an error reply;
// when the store cannot be reached every command of the batch answers with a transport error
// that says why (not connected, connection lost, timed out) — quickly, never hanging.

#include "store/luascript.h"
#include "store/rediscommand.h"
#include "store/redisreply.h"

#include <QFuture>
#include <QPromise>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <type_traits>

namespace m1 {

class KeyValueStore
{
public:
    virtual ~KeyValueStore() = default;

    using ReplyHandler = std::function<void(QList<RedisReply>)>;

    // One round trip; the reply list has exactly one entry per command.
    virtual QFuture<QList<RedisReply>> pipeline(const QList<RedisCommand> &commands) = 0;

    // The same round trip, its replies handed to `handler` on the store's thread (Redis) or at
    // once (memory). Use this (or pipelineThen) instead of attaching QFuture::then() to a store
    // future: in Qt 6.4, a continuation attached while another thread finishes the future can
    // run twice, the second time on a moved-from promise (a crash seen under load). The default
    // goes through pipeline(); stores whose futures finish on another thread override it.
    virtual void submit(const QList<RedisCommand> &commands, ReplyHandler handler);
    // A future of fn(replies), finished from the store's side without QFuture::then().
    template<typename Fn>
    auto pipelineThen(const QList<RedisCommand> &commands, Fn fn)
        -> QFuture<std::invoke_result_t<Fn, const QList<RedisReply> &>>;

    // The same for a single command: a future of fn(reply).
    template<typename Fn>
    auto commandThen(const RedisCommand &command, Fn fn)
        -> QFuture<std::invoke_result_t<Fn, const RedisReply &>>;

    // What the console and `m1bot` show: "redis unix:///…/redis.sock (managed, started by this
    // process)", "memory (in-process; not shared, lost on exit)".
    virtual QString description() const = 0;
    // False while a Redis connection is down (memory: always true).
    virtual bool isConnected() const = 0;

    // MULTI, the commands, EXEC in one round trip, applied all together or not at all. The
    // result holds the commands' own replies (not MULTI/QUEUED/EXEC); if the transaction was
    // refused, every entry is that error.
    QFuture<QList<RedisReply>> transaction(const QList<RedisCommand> &commands);
    // Runs a script atomically (EVALSHA; Redis loads the script on first use or on NOSCRIPT).
    QFuture<RedisReply> script(const std::shared_ptr<const LuaScript> &script,
                               const QByteArrayList &keys, const QByteArrayList &args);
    // A single command (still a round trip: prefer pipelines on hot paths).
    QFuture<RedisReply> command(const RedisCommand &command);

    // Strips MULTI/QUEUED/EXEC from a transaction's pipeline replies (used by transaction()).
    static QList<RedisReply> unwrapTransaction(const QList<RedisReply> &replies,
                                               qsizetype commandCount);
};

template<typename Fn>
auto KeyValueStore::pipelineThen(const QList<RedisCommand> &commands, Fn fn)
    -> QFuture<std::invoke_result_t<Fn, const QList<RedisReply> &>>
{
    using Result = std::invoke_result_t<Fn, const QList<RedisReply> &>;
    auto promise = std::make_shared<QPromise<Result>>();
    promise->start();
    QFuture<Result> future = promise->future();
    submit(commands, [promise, fn = std::move(fn)](QList<RedisReply> replies) mutable {
        promise->addResult(fn(replies));
        promise->finish();
    });
    return future;
}

template<typename Fn>
auto KeyValueStore::commandThen(const RedisCommand &command, Fn fn)
    -> QFuture<std::invoke_result_t<Fn, const RedisReply &>>
{
    return pipelineThen({ command }, [fn = std::move(fn)](const QList<RedisReply> &replies) {
        return fn(replies.isEmpty() ? RedisReply::transportError(QStringLiteral("no reply"))
                                    : replies.first());
    });
}

} // namespace m1
