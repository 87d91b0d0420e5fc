#pragma once

// Runs one store test against either backend: "memory" (MemoryStore on a ManualClock) or
// "redis" (RedisStore against a RedisTestServer, flushed first). Gives two connections
// (for redis two RedisStores; for memory the same store, used from two threads), a way to let
// time pass (memory: move the clock; redis: wait for real), and blocking helpers with a
// timeout so a broken store fails the test instead of hanging it.

#include "core/clock.h"
#include "core/metricsregistry.h"
#include "store/keyvaluestore.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QString>
#include <QThread>

#include <memory>

namespace m1 {

class RedisTestServer;

class StoreFixture
{
public:
    // `server` may be null for "memory".
    StoreFixture(const QString &backend, RedisTestServer *server);
    ~StoreFixture();

    bool isRedis() const { return m_redis; }
    // Empty when both connections are ready; otherwise why not.
    QString error() const { return m_error; }

    KeyValueStore &store() { return *m_first; }
    KeyValueStore &second() { return m_second ? *m_second : *m_first; }
    const Clock &clock() const { return *m_clock; }
    // The clock "now" for scripts that take the time from the caller (rate limits).
    qint64 nowMs() const { return m_clock->nowMs(); }
    MetricsRegistry &metrics() { return *m_metrics; }

    // Lets `ms` of store time pass.
    void advance(qint64 ms);

    QList<RedisReply> run(const QList<RedisCommand> &commands, int timeoutMs = 10000);
    RedisReply run(const RedisCommand &command, int timeoutMs = 10000);

    template<typename T>
    static T await(QFuture<T> future, int timeoutMs = 10000, bool *finished = nullptr);

private:
    bool m_redis = false;
    QString m_error;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<MetricsRegistry> m_metrics;
    std::unique_ptr<KeyValueStore> m_first;
    std::unique_ptr<KeyValueStore> m_second;
};

template<typename T> T StoreFixture::await(QFuture<T> future, int timeoutMs, bool *finished)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished() && !deadline.hasExpired())
        QThread::msleep(1);
    if (finished)
        *finished = future.isFinished();
    return future.isFinished() && future.resultCount() > 0 ? future.result() : T {};
}

} // namespace m1
