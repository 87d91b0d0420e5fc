#pragma once

// A KeyValueStore double that answers the way Redis does, from another thread and later, but
// only when the test says so. Batches reach it through submit() and wait until answer() runs
// their handlers (on the calling thread, which the test picks). pipeline() hands back a future
// that never finishes and is counted: code that still chains QFuture::then() on a pipeline
// future (the Qt 6.4 double-continuation bug KeyValueStore::submit describes) never gets its
// answer here, and the test sees pipelineCalls() > 0.

#include "store/keyvaluestore.h"

#include <QMutex>
#include <QPromise>

#include <functional>
#include <memory>

namespace m1 {

class DeferredStore final : public KeyValueStore
{
public:
    // Makes the replies to one batch (one per command).
    using Answerer = std::function<QList<RedisReply>(const QList<RedisCommand> &)>;

    explicit DeferredStore(Answerer answerer);

    QFuture<QList<RedisReply>> pipeline(const QList<RedisCommand> &commands) override;
    void submit(const QList<RedisCommand> &commands, ReplyHandler handler) override;
    QString description() const override { return QStringLiteral("deferred (test double)"); }
    bool isConnected() const override { return true; }

    // Answers every batch submitted so far, on the calling thread; returns how many.
    int answer();
    int waiting() const;
    int pipelineCalls() const;
    // Every command submitted so far, as "NAME arg1 arg2 …".
    QStringList submitted() const;

private:
    struct Pending
    {
        QList<RedisCommand> commands;
        ReplyHandler handler;
    };

    const Answerer m_answerer;
    mutable QMutex m_mutex;
    QList<Pending> m_pending;
    QStringList m_submitted;
    int m_pipelineCalls = 0;
    QList<std::shared_ptr<QPromise<QList<RedisReply>>>> m_unanswered;
};

} // namespace m1
