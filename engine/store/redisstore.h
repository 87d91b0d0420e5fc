#pragma once

// KeyValueStore over a Redis server (redis:// or unix://), through one pipelined hiredis
// connection that lives on an I/O thread: the engine thread it is given, or a thread of its own.
// pipeline() may be called from any thread and never blocks; it hands the batch to the I/O
// thread and returns a future.
//
// Commands that block on the server (XREADGROUP ... BLOCK) hold up everything behind them on
// the connection, as in any Redis client: give blocking readers a RedisStore of their own.

#include "store/keyvaluestore.h"
#include "store/redisstoreoptions.h"
#include "store/storemetrics.h"
#include "store/storeurl.h"

#include <QMutex>
#include <QObject>

#include <atomic>

class QThread;

namespace m1 {

class Clock;
class MetricsRegistry;
class RedisConnection;

class RedisStore final : public QObject, public KeyValueStore
{
    Q_OBJECT
public:
    // `ioThread`: the (running) thread the connection lives on; nullptr → the store starts its own.
    RedisStore(const StoreUrl &url, MetricsRegistry &metrics, const Clock &clock,
               const RedisStoreOptions &options = {}, QThread *ioThread = nullptr);
    ~RedisStore() override;

    QFuture<QList<RedisReply>> pipeline(const QList<RedisCommand> &commands) override;
    void submit(const QList<RedisCommand> &commands, ReplyHandler handler) override;
    QString description() const override;
    bool isConnected() const override { return m_connected.load(std::memory_order_acquire); }

    // Starts connecting when constructed with connectOnStart = false.
    void connectNow();
    // The reason the connection is down (empty while connected).
    QString lastError() const;
    // Appended to description(): "(managed, started by this process)".
    void setDescriptionNote(const QString &note);
    const StoreUrl &url() const { return m_url; }
    const StoreMetrics &metrics() const { return m_metrics; }

Q_SIGNALS:
    // Emitted on the I/O thread; connect with a context object to receive it elsewhere.
    void connectionChanged(bool connected, const QString &detail);

private:
    const StoreUrl m_url;
    StoreMetrics m_metrics;
    QThread *m_thread = nullptr;
    bool m_ownsThread = false;
    RedisConnection *m_connection = nullptr;
    std::atomic<bool> m_connected { false };
    mutable QMutex m_mutex;
    QString m_lastError;
    QString m_note;
};

} // namespace m1
