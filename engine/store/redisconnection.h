#pragma once

// One hiredis async connection, driven by the event loop of the thread it lives on. It
// pipelines batches (each batch is written in one go and completes when its last reply is in),
// does the handshake (AUTH, SELECT, CLIENT SETNAME, PING), loads the engine's scripts the first
// time a batch uses them, retries a NOSCRIPT once with EVAL, times out silent servers, and
// reconnects with exponential backoff and jitter.
//
// While a connection attempt is under way batches wait (bounded by the connect timeout);
// between attempts they fail at once with the reason and the time of the next attempt.
// All methods must be called on the object's thread (RedisStore marshals).

#include "store/reconnectbackoff.h"
#include "store/rediscommand.h"
#include "store/redisreply.h"
#include "store/redisscriptcache.h"
#include "store/redisstoreoptions.h"
#include "store/storeurl.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

struct redisAsyncContext;

namespace m1 {

class Clock;
class RedisEventBridge;
class StoreMetrics;

class RedisConnection final : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Connected, Backoff, Closed };
    Q_ENUM(State)
    using Done = std::function<void(QList<RedisReply> replies)>;

    RedisConnection(const StoreUrl &url, const RedisStoreOptions &options, StoreMetrics &metrics,
                    const Clock &clock, QObject *parent = nullptr);
    ~RedisConnection() override;

    void open();
    void close(const QString &reason);
    void submit(const QList<RedisCommand> &commands, Done done);

    State state() const { return m_state; }

Q_SIGNALS:
    // detail: the error that caused Backoff, or the address when connected.
    void stateChanged(m1::RedisConnection::State state, const QString &detail);

private:
    struct Batch;

    void startAttempt();
    void enterBackoff(const QString &reason);
    void setState(State state, const QString &detail);
    void markDown(const QString &reason);
    void dropConnection(const QString &reason);
    void send(std::unique_ptr<Batch> batch);
    void sendHandshake();
    void handshakeDone(const QList<RedisReply> &replies);
    void finishBatch(std::unique_ptr<Batch> batch);
    bool retryNoScript(Batch &batch);
    void failWaiting(const QString &reason);
    void armReplyTimer();
    void replyTimedOut();
    QString notReachable() const;
    QString address() const { return m_url.toDisplayString(); }

    void handleConnect(int status, const char *error);
    void handleDisconnect(int status, const char *error);
    void handleReply(redisAsyncContext *context, void *reply, void *privdata);
    static void onConnect(const redisAsyncContext *context, int status);
    static void onDisconnect(const redisAsyncContext *context, int status);
    static void onReply(redisAsyncContext *context, void *reply, void *privdata);

    const StoreUrl m_url;
    const RedisStoreOptions m_options;
    StoreMetrics &m_metrics;
    const Clock &m_clock;
    State m_state = State::Idle;
    redisAsyncContext *m_context = nullptr;
    QPointer<RedisEventBridge> m_bridge;
    bool m_freeing = false; // we are freeing the context ourselves
    QString m_dropReason; // why in-flight commands fail while the context goes away
    QString m_lastError;
    bool m_everConnected = false;
    bool m_downLogged = false; // one warning per outage, not one per attempt
    QTimer m_connectTimer;
    QTimer m_retryTimer;
    QTimer m_replyTimer;
    ReconnectBackoff m_backoff;
    std::deque<std::unique_ptr<Batch>> m_inFlight;
    std::deque<std::unique_ptr<Batch>> m_waiting; // submitted while an attempt is under way
    RedisScriptCache m_scripts;
};

} // namespace m1
